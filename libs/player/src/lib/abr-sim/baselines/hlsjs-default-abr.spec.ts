import type { AbrContext, AbrLevel, LoadProgress } from '../../abr-policy';
import { HlsjsDefaultAbr } from './hlsjs-default-abr';

const mbps = (...rates: number[]): AbrLevel[] =>
  rates.map((r, i) => ({
    bitrate: r * 1e6,
    width: 640 * (i + 1),
    height: 360 * (i + 1),
  }));

const context = (
  levels: AbrLevel[],
  change: Partial<AbrContext> = {},
): AbrContext => ({
  levels,
  current: -1,
  bufferAheadSeconds: 0,
  segmentDuration: 4,
  maxBufferSeconds: 30,
  playing: true,
  playerWidth: 1920,
  ...change,
});

/** hls.js after ten segments of `level` at a steady `rate` Mbit/s (2 s each, 5 ms to first byte). */
function measured(
  levels: AbrLevel[],
  level: number,
  rate: number,
): HlsjsDefaultAbr {
  const abr = new HlsjsDefaultAbr();
  abr.decide(context(levels));
  for (let i = 0; i < 10; i++)
    abr.onSegmentLoaded({
      level,
      bytes: (rate * 1e6 * 2) / 8,
      duration: 4,
      loadMs: 2005,
      ttfbMs: 5,
    });
  return abr;
}

describe('HlsjsDefaultAbr (hls.js 1.7.4 default ABR)', () => {
  it.each([
    ['a top rung above 5 Mbit/s: the best rung under 5', mbps(1, 3, 6), 1],
    ['a top rung below 5 Mbit/s: that rung', mbps(0.5, 1, 2), 2],
  ])(
    'starts from the first listed variant, capped at 5 Mbit/s: %s',
    (_name, levels, level) => {
      expect(new HlsjsDefaultAbr().decide(context(levels))).toEqual({
        level,
        reason: 'startup',
      });
    },
  );

  it.each([
    ['stays while 0.95 of the estimate covers the rung', 1, 4, 1],
    ['goes down once it does not', 1, 3.1, 0],
    ['goes up only once 0.7 of the estimate covers the next', 1, 8, 1],
    ['…and then', 1, 9, 2],
  ])('%s', (_name, level, rate, expected) => {
    const levels = mbps(1, 3, 6);
    const abr = measured(levels, level, rate);
    expect(
      abr.decide(context(levels, { current: level, bufferAheadSeconds: 20 })),
    ).toEqual({
      level: expected,
      reason: 'throughput',
    });
  });

  // 1.2 s of buffer, a 1 s segment next (a lead-in) at 8 Mbit/s: 3 Mbit/s for 1 s loads in 0.4 s,
  // but hls.js reckons a loaded rung's segment at its playlist's mean length (1.6 s for 4 s)
  it.each([
    ['as long as the next one: stays', 1, 1],
    ['longer: goes down', 4, 0],
  ])(
    'reckons a loaded rung by its playlist\'s mean segment, not the next one: %s',
    (_name, averageSegmentDuration, expected) => {
      const levels = mbps(1, 3, 6);
      const abr = measured(levels, 1, 8);
      const next = context(levels, {
        current: 1,
        bufferAheadSeconds: 1.2,
        segmentDuration: 1,
        averageSegmentDuration,
      });
      expect(abr.decide(next).level).toBe(expected);
    },
  );

  // 8 Mbit/s rung, 4 MB per segment; after 100 ms to first byte, 1 MB in 2 s: 4 Mbit/s, 6 s to go
  const loading: LoadProgress = {
    level: 3,
    duration: 4,
    elapsedMs: 2100,
    ttfbMs: 100,
    loadedBytes: 1_000_000,
    totalBytes: 4_000_000,
  };

  it('abandons a segment that will not land in time, drops to the lowest rung and keeps it until it has loaded one', () => {
    const levels = mbps(1, 2, 4, 8);
    const abr = measured(levels, 3, 8);
    const playing = context(levels, { current: 3, bufferAheadSeconds: 5 });
    expect(
      abr.checkAbandon({ ...loading, elapsedMs: 2000 }, playing),
    ).toBeNull();
    expect(abr.checkAbandon(loading, playing)).toEqual({
      level: 0,
      reason: 'emergency',
    });
    expect(abr.decide(playing)).toEqual({ level: 0, reason: 'emergency' });
    abr.onSegmentLoaded({
      level: 0,
      bytes: 500_000,
      duration: 4,
      loadMs: 1005,
      ttfbMs: 5,
    });
    expect(abr.decide(playing).reason).toBe('throughput');
  });

  it('never aborts for the lowest rung: the next segment goes there instead', () => {
    const levels = mbps(1, 3, 6);
    const abr = measured(levels, 2, 8);
    const playing = context(levels, { current: 2, bufferAheadSeconds: 3 });
    // 6 Mbit/s rung, 3 MB; 250 kB in 2 s: 1 Mbit/s, 22 s to go
    const slow = {
      ...loading,
      level: 2,
      loadedBytes: 250_000,
      totalBytes: 3_000_000,
    };
    expect(abr.checkAbandon(slow, playing)).toBeNull();
    expect(
      abr.checkAbandon({ ...slow, elapsedMs: 30_000 }, playing),
    ).toBeNull();
    expect(abr.decide(playing)).toEqual({ level: 0, reason: 'emergency' });
  });

  it('leaves the first segment alone: hls.js judges only media that plays', () => {
    const levels = mbps(1, 2, 4, 8);
    const abr = new HlsjsDefaultAbr();
    const starting = context(levels, { current: 3, bufferAheadSeconds: 0 });
    expect(abr.checkAbandon(loading, starting)).toBeNull();
    expect(abr.decide(starting).reason).toBe('startup');
  });
});
