import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AbrController } from '../abr-controller';
import type {
  AbrContext,
  AbrDecision,
  AbrPolicy,
  LoadProgress,
  StartContext,
} from '../abr-policy';
import { EwmaBandwidthEstimator } from '../ewma-bandwidth-estimator';
import type { StartGateDecision } from '../start-gate';
import { HlsjsDefaultAbr } from './baselines/hlsjs-default-abr';
import { constantLadder, Ladder } from './ladder';
import { simulate } from './simulator';
import type { Trace } from './trace';

/** Plays the levels it is given in turn; abandons to `abandonTo` once a load has run `abandonAfterMs`. */
class ScriptedPolicy implements AbrPolicy {
  bwEstimator = new EwmaBandwidthEstimator();
  progress: LoadProgress[] = [];
  /** `context.playing` at each choice. */
  playing: boolean[] = [];
  private next = 0;

  constructor(
    private readonly levels: number[],
    private readonly abandon?: { afterMs: number; to: number },
  ) {}

  decide(context: AbrContext): AbrDecision {
    this.playing.push(context.playing);
    return {
      level: this.levels[this.next++ % this.levels.length],
      reason: 'throughput',
    };
  }
  onSegmentLoaded(): void {
    return;
  }
  checkAbandon(progress: LoadProgress): AbrDecision | null {
    this.progress.push(progress);
    const { abandon } = this;
    return abandon &&
      progress.level !== abandon.to &&
      progress.elapsedMs >= abandon.afterMs
      ? { level: abandon.to, reason: 'emergency' }
      : null;
  }
  reset(): void {
    return;
  }
}

/** Scripted, with a start gate that opens once `bufferToStart` is buffered or at `startBy` seconds. */
class GatedPolicy extends ScriptedPolicy {
  constructor(
    levels: number[],
    private readonly bufferToStart: number,
    private readonly startBy: number,
  ) {
    super(levels);
  }

  startGate(context: StartContext): StartGateDecision {
    const open = context.bufferAheadSeconds >= this.bufferToStart;
    return {
      open,
      reason: open ? 'buffer' : 'deficit',
      requiredSeconds: this.bufferToStart,
      holdAtMostSeconds: open ? 0 : this.startBy - context.waitedSeconds,
    };
  }
}

const constant = (mbps: number, latencyMs = 0): Trace => ({
  name: `${mbps} Mbit/s`,
  pieces: [{ seconds: 10, bps: mbps * 1e6, latencyMs }],
});
// 1 and 3 Mbit/s, 4 s segments: 0.5 MB and 1.5 MB
const TWO_RUNGS = constantLadder(
  'two',
  [
    { height: 720, mbps: 3 },
    { height: 360, mbps: 1 },
  ],
  4,
  2,
);

describe('simulate', () => {
  it.each<[string, number[], number, number, number[]]>([
    // low: 2 s per segment on 2 Mbit/s, so the buffer grows by 2 s each time
    ['all low', [0, 0, 0], 2, 0, [0, 2, 4]],
    // high: 6 s per segment against 4 s of buffer, a 2 s stall each time after the first
    ['all high', [1, 1, 1], 6, 4, [0, 0, 0]],
    // high, low, high: the buffer after the low segment exactly covers the last download
    ['high, low, high', [1, 0, 1], 6, 0, [0, 2, 0]],
  ])(
    'plays a constant link: %s',
    (_name, levels, startup, rebuffer, buffers) => {
      const session = simulate(
        new ScriptedPolicy(levels),
        TWO_RUNGS,
        constant(2),
        { sessionSeconds: 12, switchReloadsLastSegment: false },
      );
      expect(session.startupSeconds).toBeCloseTo(startup, 6);
      expect(session.rebufferSeconds).toBeCloseTo(rebuffer, 6);
      expect(session.segments.map((s) => s.bufferBefore)).toEqual(
        buffers.map((b) => expect.closeTo(b, 6)),
      );
      expect(session.segments.map((s) => s.level)).toEqual(levels);
    },
  );

  it('reloads the last buffered segment at the new rung before going on, as hls.js does here', () => {
    // high 6 s (buffer 4); low: segment 0 again in 2 s, segment 1 in 2 s (buffer 4); high:
    // segment 1 again in 6 s (2 s stall), segment 2 in 6 s (6 s stall)
    const session = simulate(
      new ScriptedPolicy([1, 0, 1]),
      TWO_RUNGS,
      constant(2),
      { sessionSeconds: 12 },
    );
    expect(session.segments.map((s) => s.level)).toEqual([0, 1, 1]);
    expect(session.segments.map((s) => s.loadedAt)).toEqual(
      [8, 16, 22].map((t) => expect.closeTo(t, 6)),
    );
    expect(session.startupSeconds).toBeCloseTo(6, 6);
    expect(session.rebufferSeconds).toBeCloseTo(8, 6);
  });

  it('fetches on past maxBufferSeconds while the rung fits in maxBufferBytes, as hls.js does', () => {
    // 1 Mbit/s rung, 2 MB budget: 16 s of buffer before it waits, so the fifth request waits
    const session = simulate(new ScriptedPolicy([0]), TWO_RUNGS, constant(8), {
      sessionSeconds: 24,
      maxBufferSeconds: 10,
      maxBufferBytes: 2e6,
    });
    expect(session.segments.map((s) => s.requestedAt)).toEqual(
      [0, 0.5, 1, 1.5, 2, 4.5].map((t) => expect.closeTo(t, 6)),
    );
  });

  it.each<[string, number[], number[]]>([
    // 0.5 s each for the master and media playlists, then 0.5 s and the init segment's 0.5 s with the segment's 2 s
    ['the first segment', [0], [4]],
    // a new rung: its media playlist (0.5 s), then 0.5 s and its init segment's 0.5 s with the segment's 6 s
    ['a change of rung', [0, 1], [4, 11.5]],
    // the same rung: the latency and the segment
    ['the same rung', [0, 0], [4, 6.5]],
  ])(
    'charges each request its latency, the init segment loaded with the segment as hls.js 1.7 does: %s',
    (_name, levels, loadedAt) => {
      const ladder = {
        ...TWO_RUNGS,
        rungs: TWO_RUNGS.rungs.map((r) => ({ ...r, initBytes: 125_000 })),
      };
      const session = simulate(
        new ScriptedPolicy(levels),
        ladder,
        constant(2, 500),
        { sessionSeconds: 4 * levels.length, switchReloadsLastSegment: false },
      );
      expect(session.segments.map((s) => s.loadedAt)).toEqual(
        loadedAt.map((t) => expect.closeTo(t, 6)),
      );
    },
  );

  // a link that carries nothing for its first second, then 2 Mbit/s: 1 kB takes 4 ms
  it.each<[string, number | undefined, number]>([
    ['sizes unknown: playlists are free', undefined, 0],
    ['1 kB each: they wait for the link', 1000, 1.008],
  ])(
    'charges the master and media playlists their bytes where the ladder knows them: %s',
    (_name, bytes, requestedAt) => {
      const ladder: Ladder = {
        ...TWO_RUNGS,
        masterBytes: bytes,
        rungs: TWO_RUNGS.rungs.map((r) => ({ ...r, playlistBytes: bytes })),
      };
      const trace: Trace = {
        name: 'silent first second',
        pieces: [
          { seconds: 1, bps: 0, latencyMs: 0 },
          { seconds: 10, bps: 2e6, latencyMs: 0 },
        ],
      };
      const session = simulate(new ScriptedPolicy([0]), ladder, trace, {
        sessionSeconds: 4,
      });
      expect(session.segments[0].requestedAt).toBeCloseTo(requestedAt, 6);
    },
  );

  it('stops fetching while the buffer holds the maximum', () => {
    // 0.5 s per segment on 8 Mbit/s: the buffer passes 10 s after three segments, then waits down to it
    const session = simulate(new ScriptedPolicy([0]), TWO_RUNGS, constant(8), {
      sessionSeconds: 20,
      maxBufferSeconds: 10,
      maxBufferBytes: 0,
    });
    expect(session.segments.map((s) => s.requestedAt)).toEqual(
      [0, 0.5, 1, 2.5, 6.5].map((t) => expect.closeTo(t, 6)),
    );
    expect(session.rebufferSeconds).toBe(0);
  });

  it('offers a loading segment for abandonment every 100 ms and loads it again where told', () => {
    const policy = new ScriptedPolicy([1], { afterMs: 1000, to: 0 });
    const session = simulate(policy, TWO_RUNGS, constant(2), {
      sessionSeconds: 4,
    });
    expect(policy.progress.slice(0, 2)).toEqual([
      {
        level: 1,
        duration: 4,
        elapsedMs: expect.closeTo(100, 6),
        ttfbMs: 0,
        loadedBytes: expect.closeTo(25_000, 3),
        totalBytes: 1_500_000,
      },
      {
        level: 1,
        duration: 4,
        elapsedMs: expect.closeTo(200, 6),
        ttfbMs: 0,
        loadedBytes: expect.closeTo(50_000, 3),
        totalBytes: 1_500_000,
      },
    ]);
    expect(session.abandoned).toBe(1);
    expect(session.wastedBytes).toBeCloseTo(250_000, 0);
    // 1 s wasted, then the low segment in 2 s
    expect(session.segments).toEqual([
      expect.objectContaining({ level: 0, reason: 'emergency' }),
    ]);
    expect(session.startupSeconds).toBeCloseTo(3, 6);
  });

  it('loops a short trace and repeats a short ladder', () => {
    const session = simulate(new ScriptedPolicy([0]), TWO_RUNGS, constant(2), {
      sessionSeconds: 60,
    });
    expect(session.segments).toHaveLength(15);
    expect(session.rebufferSeconds).toBe(0);
  });

  it.each<[string, number, number, number, string, boolean[]]>([
    // 2 s per segment: the second one makes 8 s of buffer at 4 s
    ['begins once the start gate opens', 8, 60, 4, 'buffer', [true, false, true]],
    // the third segment loads from 4 s to 6 s: the cap begins playback at 5 s, halfway
    ['begins at the start gate\'s wait cap, even while a segment loads', 60, 5, 5, 'wait-cap', [true, false, false]],
  ])('%s, the element paused while it holds', (_name, bufferToStart, startBy, startup, reason, playing) => {
    const policy = new GatedPolicy([0], bufferToStart, startBy);
    const session = simulate(policy, TWO_RUNGS, constant(2), { sessionSeconds: 16 });
    expect(session.startupSeconds).toBeCloseTo(startup, 6);
    expect(session.startReason).toBe(reason);
    expect(session.rebufferSeconds).toBe(0);
    // as each of the first three segments is chosen: waiting for data to play, held, then as the gate said
    expect(policy.playing.slice(0, 3)).toEqual(playing);
  });

  const { ladders }: { ladders: Ladder[] } = JSON.parse(
    readFileSync(join(__dirname, 'fixtures/ladders.json'), 'utf8'),
  );
  const lowestOf = (ladder: Ladder) =>
    Math.min(...ladder.rungs.map((r) => r.averageBandwidth));

  describe('on the real ladders, a link below the lowest rung that recovers later', () => {
    const slowThenFast = (ladder: Ladder, share: number, seconds: number): Trace => {
      const lowest = lowestOf(ladder);
      return {
        name: `${share} of the lowest rung for ${seconds} s, then twice it`,
        pieces: [
          { seconds, bps: share * lowest, latencyMs: 100 },
          { seconds: 600, bps: 2 * lowest, latencyMs: 100 },
        ],
      };
    };
    it.each(
      ladders.flatMap((l) => [
        [l.name, 0.15, 80],
        [l.name, 0.5, 40],
      ] as const),
    )('%s, %s of it for %s s: waits at start-up for a typical segment, and less in all than hls.js', (name, share, seconds) => {
      const ladder = ladders.find((l) => l.name === name) as Ladder;
      const trace = slowThenFast(ladder, share, seconds);
      const ours = simulate(new AbrController(), ladder, trace, { sessionSeconds: 60 });
      const hlsjs = simulate(new HlsjsDefaultAbr(), ladder, trace, { sessionSeconds: 60 });
      const wait = (s: typeof ours) => s.startupSeconds + s.rebufferSeconds;
      expect(ours.startReason).toBe('buffer');
      expect(wait(ours)).toBeLessThan(wait(hlsjs));
      // the rest of the deficit is stalls, about as long as hls.js's: on calm at 0.15 of its lowest
      // rung 2.3 s longer, where hls.js's first segment (1080p, 5 times the lowest's bytes) made it
      // wait 35 s at start-up against our 28 s
      expect(ours.rebufferSeconds).toBeLessThan(hlsjs.rebufferSeconds + 2.5);
    });
  });

  // 3G log 2011-02-11_1618: 2.5 times the lowest rung for the first segment, then 0.8 of it for
  // 10 s. Started on one segment, the first choice after start ran the buffer dry whatever it was
  // (a switch down loads the last segment again): 5 to 7 s of stalls, hls.js 0.5 to 9 s. The
  // lead-in's second segment is 1 s, so 2 s of buffer meet the fall: a stall of 1 to 2.5 s is left,
  // where hls.js, started on its first segment, stalls about 5 s.
  it.each(ladders.map((l) => l.name))('%s, a link that falls right after the first segment: waits for a second and stalls less than hls.js', (name) => {
    const ladder = ladders.find((l) => l.name === name) as Ladder;
    const lowest = lowestOf(ladder);
    const trace: Trace = {
      name: 'falls after the first segment',
      pieces: [
        { seconds: 5, bps: 2.5 * lowest, latencyMs: 100 },
        { seconds: 10, bps: 0.8 * lowest, latencyMs: 100 },
        { seconds: 600, bps: 2 * lowest, latencyMs: 100 },
      ],
    };
    const ours = simulate(new AbrController(), ladder, trace, { sessionSeconds: 60 });
    const hlsjs = simulate(new HlsjsDefaultAbr(), ladder, trace, { sessionSeconds: 60 });
    expect(ours.startReason).toBe('buffer');
    expect(ours.segments[1].loadedAt).toBeCloseTo(ours.startupSeconds, 6);
    expect(ours.rebufferSeconds).toBeLessThan(hlsjs.rebufferSeconds / 2);
  });
});
