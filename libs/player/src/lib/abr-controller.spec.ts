import { AbrController } from './abr-controller';
import type { AbrContext, AbrLevel, LoadProgress } from './abr-policy';

// 240p 400k, 360p 800k, 480p 1.4M, 720p 2.8M: lowest first, as hls.js lists them
const LEVELS: AbrLevel[] = [
  { bitrate: 400_000, width: 426, height: 240 },
  { bitrate: 800_000, width: 640, height: 360 },
  { bitrate: 1_400_000, width: 854, height: 480 },
  { bitrate: 2_800_000, width: 1280, height: 720 },
];

/** 4 s segments, a 30 s maximum buffer (insurance 20 s), a player wide enough for 720p. */
const context = (change: Partial<AbrContext> = {}): AbrContext => ({
  levels: LEVELS,
  current: 0,
  bufferAheadSeconds: 10,
  segmentDuration: 4,
  maxBufferSeconds: 30,
  playing: true,
  playerWidth: 1280,
  ...change,
});

/** A controller that has measured a steady `mbps` on ten segments (2 s each, no latency). */
function measured(mbps: number): AbrController {
  const abr = new AbrController();
  for (let i = 0; i < 10; i++)
    abr.onSegmentLoaded(
      {
        level: 0,
        bytes: (mbps * 1e6 * 2) / 8,
        duration: 4,
        loadMs: 2000,
        ttfbMs: 0,
      },
      context(),
    );
  return abr;
}

describe('AbrController', () => {
  it.each<[string, AbrController, Partial<AbrContext>, number]>([
    ['nothing known: the lowest, which starts soonest', new AbrController(), {}, 0],
    [
      'Network Information downlink 1 Mbit/s',
      new AbrController(),
      { networkDownlinkMbps: 1 },
      1,
    ],
    ['effectiveType 3g', new AbrController(), { effectiveType: '3g' }, 0],
    ['effectiveType 4g', new AbrController(), { effectiveType: '4g' }, 3],
    [
      'a measurement beats Network Information',
      measured(2),
      { networkDownlinkMbps: 50 },
      2,
    ],
  ])('starts on the right rung: %s', (_name, abr, change, expected) => {
    expect(abr.decide(context({ current: -1, ...change }))).toEqual({
      level: expected,
      reason: 'startup',
    });
  });

  it.each<[string, Partial<AbrContext>, number]>([
    ['a player as wide as 360p gets 360p', { playerWidth: 640 }, 1],
    ['a 1020 px player gets 720p, not 480p', { playerWidth: 1020 }, 3],
    ['a wider one than any rung, the top', { playerWidth: 2040 }, 3],
    [
      'a dense screen counts device pixels',
      { playerWidth: 400, devicePixelRatio: 2 },
      2,
    ],
  ])('caps at the player size: %s', (_name, change, expected) => {
    const decision = new AbrController().decide(
      context({ current: -1, effectiveType: '4g', ...change }),
    );
    expect(decision).toEqual({
      level: expected,
      reason: expected < 3 ? 'player-size' : 'startup',
    });
  });

  it.each<[string, number, Partial<AbrContext>, number, string]>([
    // below the 20 s insurance level the throughput rule decides alone
    [
      'stays on a rung within 90 % of the estimate',
      2,
      { current: 2 },
      2,
      'throughput',
    ],
    [
      'goes up only to a rung within 80 %: 1.4 > 0.8 × 1.7',
      1.7,
      { current: 1 },
      1,
      'throughput',
    ],
    [
      '…but stays there within 90 %: 1.4 ≤ 0.9 × 1.7',
      1.7,
      { current: 2 },
      2,
      'throughput',
    ],
    [
      'goes down at once when the link no longer carries the rung',
      2,
      { current: 3 },
      2,
      'throughput',
    ],
    // a switch reloads the last segment at the new rung: 480p 2.8 s, 360p 2 × 1.6 s, 240p 2 × 0.8 s
    [
      'never asks for a segment that would land after the buffer ran dry, reload included',
      2,
      { current: 2, bufferAheadSeconds: 2 },
      0,
      'throughput',
    ],
    [
      'stays when nothing lands in time and a switch with its reload lands no sooner',
      2,
      { current: 1, bufferAheadSeconds: 1 },
      1,
      'throughput',
    ],
    // going up to 480p: 2 × 2.8 s there, then the way back to 360p, 2 × 1.6 s
    [
      'steps up when the buffer also covers the way back down',
      2,
      { current: 1, bufferAheadSeconds: 9 },
      2,
      'throughput',
    ],
    // 3G log 2010-09-14_2303: one fast lead-in segment bought 480p; the link fell, and the reload
    // and the way back down stalled playback
    [
      '…and stays where it does not',
      2,
      { current: 1, bufferAheadSeconds: 8 },
      1,
      'throughput',
    ],
    [
      'takes the lowest while stalled',
      2,
      { current: 2, bufferAheadSeconds: 0 },
      0,
      'throughput',
    ],
    // above it, the surplus pays for one rung more: 720p runs 1.6 s short per segment on 2 Mbit/s
    [
      'rides out a dip on the buffer while the surplus covers the deficit',
      2,
      { current: 3, bufferAheadSeconds: 28 },
      3,
      'buffer',
    ],
    [
      'steps down once it no longer does',
      2,
      { current: 3, bufferAheadSeconds: 21 },
      2,
      'throughput',
    ],
    // going up to 720p: two segments of 1.6 s deficit and a 5.6 s reload, 8.8 s of surplus
    [
      'steps up beyond the link when the surplus covers two segments of deficit and the reload',
      2,
      { current: 2, bufferAheadSeconds: 29 },
      3,
      'buffer',
    ],
    [
      '…and not on less',
      2,
      { current: 2, bufferAheadSeconds: 28 },
      2,
      'throughput',
    ],
    [
      'one rung at a time',
      1,
      { current: 1, bufferAheadSeconds: 30 },
      2,
      'buffer',
    ],
    [
      'steps down when the player shrinks',
      20,
      { current: 3, playerWidth: 500 },
      1,
      'player-size',
    ],
  ])('%s', (_name, mbps, change, level, reason) => {
    expect(measured(mbps).decide(context(change))).toEqual({ level, reason });
  });

  // 3G log 2010-12-16_1149: 0.95 Mbit/s after errors up to 54 % bought an up-switch whose reload
  // and the way back down ran the buffer dry when the link fell to a third right after
  it('goes up on the throughput rule only within 80 % of the estimate discounted by its errors', () => {
    const steady = measured(2);
    const jumpy = measured(2);
    // 1 Mbit/s for 0.1 s: a 100 % error that barely moves the estimate, halving what going up may rely on
    jumpy.onSegmentLoaded(
      { level: 0, bytes: 12_500, duration: 4, loadMs: 100, ttfbMs: 0 },
      context(),
    );
    const thin = context({ current: 1, bufferAheadSeconds: 10 });
    expect(steady.decide(thin)).toEqual({ level: 2, reason: 'throughput' });
    expect(jumpy.decide(thin)).toEqual({ level: 1, reason: 'throughput' });
    // staying and going down still use 90 % of the estimate itself
    expect(jumpy.decide(context({ current: 2 }))).toEqual({
      level: 2,
      reason: 'throughput',
    });
  });

  it('gives a jumpy link less credit for going beyond it', () => {
    const steady = measured(2);
    const jumpy = measured(2);
    // 1 Mbit/s for 0.1 s: a 100 % error that barely moves the estimate
    jumpy.onSegmentLoaded(
      { level: 0, bytes: 12_500, duration: 4, loadMs: 100, ttfbMs: 0 },
      context(),
    );
    const healthy = context({ current: 2, bufferAheadSeconds: 30 });
    expect(steady.decide(healthy).level).toBe(3);
    expect(jumpy.decide(healthy).level).toBe(2);
  });

  it('steps down on dropped frames and stays capped until reset', () => {
    const abr = measured(20);
    abr.onSegmentLoaded(
      {
        level: 3,
        bytes: 5e6,
        duration: 4,
        loadMs: 2000,
        ttfbMs: 0,
        droppedFrameRatio: 0.3,
      },
      context({ current: 3 }),
    );
    expect(abr.decide(context({ current: 3 }))).toEqual({
      level: 2,
      reason: 'dropped-frames',
    });
    expect(
      abr.decide(context({ current: 2, bufferAheadSeconds: 30 })).level,
    ).toBe(2);
    abr.reset();
    expect(abr.decide(context({ current: -1, effectiveType: '4g' }))).toEqual({
      level: 3,
      reason: 'startup',
    });
  });

  // 720p: 1.4 MB per 4 s segment; after 100 ms to first byte, 100 kB in 1 s is 0.8 Mbit/s, 13 s to go
  const loading = (change: Partial<LoadProgress> = {}): LoadProgress => ({
    level: 3,
    duration: 4,
    elapsedMs: 1100,
    ttfbMs: 100,
    loadedBytes: 100_000,
    totalBytes: 1_400_000,
    ...change,
  });

  it.each<
    [
      string,
      AbrController,
      Partial<LoadProgress>,
      Partial<AbrContext>,
      number | null,
    ]
  >([
    [
      'abandons for the best lower rung that lands in time with its reload (360p: 2 × 4.1 s)',
      measured(2),
      {},
      { bufferAheadSeconds: 9 },
      1,
    ],
    [
      'keeps a nearly loaded segment when a lower one and its reload would land later',
      measured(2),
      { elapsedMs: 10_100, loadedBytes: 1_000_000 },
      { bufferAheadSeconds: 2 },
      null,
    ],
    [
      'lets a segment that lands in time finish',
      measured(2),
      {},
      { bufferAheadSeconds: 14 },
      null,
    ],
    [
      'takes the lowest when nothing lands in time, as it lands soonest',
      measured(2),
      {},
      { bufferAheadSeconds: 2 },
      0,
    ],
    [
      'never abandons the lowest rung',
      measured(2),
      { level: 0 },
      { bufferAheadSeconds: 0 },
      null,
    ],
    [
      'not while paused',
      measured(2),
      {},
      { bufferAheadSeconds: 0, playing: false },
      null,
    ],
    [
      'before the first byte, not at all',
      measured(2),
      { ttfbMs: null, loadedBytes: 0 },
      { bufferAheadSeconds: 0 },
      null,
    ],
    [
      'the first segment: not on less than a second of its own rate',
      new AbrController(),
      { elapsedMs: 600 },
      { bufferAheadSeconds: 0 },
      null,
    ],
    [
      'the first segment: once it would overrun the 4 s start-up budget',
      new AbrController(),
      {},
      { bufferAheadSeconds: 0 },
      0,
    ],
  ])('emergency: %s', (_name, abr, progress, change, expected) => {
    const decision = abr.checkAbandon(
      loading(progress),
      context({ current: 3, ...change }),
    );
    expect(decision).toEqual(
      expected === null ? null : { level: expected, reason: 'emergency' },
    );
  });

  // 20 s left at the lowest rung's 0.4 Mbit/s, on 90 % of the estimate (the throughput rule's share);
  // the lead-in's 1 s segments, 3.5 s on average over the playlist
  it.each<[string, AbrController, number, boolean, string, number]>([
    ['holds a link at 0.2 Mbit/s (44.4 s to load 20 s) until the buffer covers its deficit as far as a typical segment', measured(0.2), 2, false, 'deficit', 3.5],
    ['then starts', measured(0.2), 4, true, 'buffer', 3.5],
    // 3G log 2011-02-11_1618: started on one segment, the link fell by half and nothing could step down in time
    ['waits for a second segment on a link that carries the lowest rung: room for a switch down and its reload', measured(0.5), 1, false, 'min-buffer', 2],
    ['then starts', measured(0.5), 2, true, 'buffer', 2],
    ['starts on the first segment before anything is measured', new AbrController(), 1, true, 'no-estimate', 1],
  ])('start gate: %s', (_name, abr, buffer, open, reason, required) => {
    const gate = abr.startGate({
      ...context({ bufferAheadSeconds: buffer, segmentDuration: 1, averageSegmentDuration: 3.5 }),
      remainingSeconds: 20,
      remainingSegments: 5,
      waitedSeconds: 10,
    });
    expect(gate).toMatchObject({ open, reason, requiredSeconds: expect.closeTo(required, 1) });
  });
});
