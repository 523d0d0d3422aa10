import { AbrController, AbrInput, AbrLevel } from './abr-controller';

// 240p 400k, 360p 800k, 480p 1.4M, 720p 2.8M: index order as hls.js lists them (lowest first)
const LEVELS: AbrLevel[] = [
  { bitrate: 400_000, width: 426, height: 240 },
  { bitrate: 800_000, width: 640, height: 360 },
  { bitrate: 1_400_000, width: 854, height: 480 },
  { bitrate: 2_800_000, width: 1280, height: 720 },
];

type Step = Partial<Omit<AbrInput, 'levels' | 'current'>>;
const base = { throughputBps: null, bufferAheadSeconds: 10, playerWidth: 1280 };

/** Feeds the steps in order, each time from the level chosen before, and returns the choices. */
function replay(steps: Step[], start?: number): number[] {
  const abr = new AbrController();
  let current = start ?? 0;
  if (start !== undefined)
    abr.decide({ levels: LEVELS, current, ...base, throughputBps: 10e6 });
  return steps.map(
    (step) =>
      (current = abr.decide({
        levels: LEVELS,
        current,
        ...base,
        ...step,
      }).level),
  );
}

const mbps = (n: number) => ({ throughputBps: n * 1e6 });

describe('AbrController', () => {
  it.each([
    [
      'no measurement and no Network Information: a cautious 1 Mbps guess',
      {},
      1,
    ],
    ['Network Information downlink 10 Mbps', { networkDownlinkMbps: 10 }, 3],
    ['effectiveType 3g', { effectiveType: '3g' }, 0],
    ['effectiveType 4g', { effectiveType: '4g' }, 3],
    [
      'measured 2 Mbps beats Network Information',
      { ...mbps(2), networkDownlinkMbps: 50 },
      2,
    ],
    [
      'a small player caps the first pick',
      { ...mbps(20), playerWidth: 640 },
      1,
    ],
    [
      'a dense screen lifts that cap',
      { ...mbps(20), playerWidth: 640, devicePixelRatio: 2 },
      3,
    ],
  ])('starts on the right rung: %s', (_name, step, expected) => {
    expect(replay([step as Step])).toEqual([expected]);
  });

  it.each<[string, Step[], number, number[]]>([
    ['holds on steady throughput', [mbps(2), mbps(2), mbps(2)], 2, [2, 2, 2]],
    [
      'upgrades after two comfortable samples in a row, straight to what the link carries',
      [mbps(10), mbps(10), mbps(10)],
      1,
      [1, 3, 3],
    ],
    [
      'upgrades one rung when only that one has the headroom',
      [mbps(3), mbps(3)],
      1,
      [1, 2],
    ],
    [
      'an oscillating link does not flap',
      [mbps(5), mbps(1.5), mbps(5), mbps(1.5), mbps(5), mbps(1.5)],
      2,
      [2, 2, 2, 2, 2, 2],
    ],
    [
      'downgrades after two low samples, to what the link affords',
      [mbps(1.2), mbps(1.2)],
      3,
      [3, 1],
    ],
    [
      'drops to the lowest at once when the buffer runs dry',
      [{ ...mbps(3), bufferAheadSeconds: 1 }],
      3,
      [0],
    ],
    [
      'does not upgrade on a thin buffer',
      [
        { ...mbps(5), bufferAheadSeconds: 3 },
        { ...mbps(5), bufferAheadSeconds: 3 },
        { ...mbps(5), bufferAheadSeconds: 3 },
      ],
      1,
      [1, 1, 1],
    ],
    [
      'upgrades on a thin buffer when the link is far above the target',
      [
        { ...mbps(100), bufferAheadSeconds: 3 },
        { ...mbps(100), bufferAheadSeconds: 3 },
      ],
      1,
      [1, 3],
    ],
    [
      'steps down when the player shrinks',
      [{ ...mbps(20), playerWidth: 500 }],
      3,
      [0],
    ],
    [
      'steps down on dropped frames and stays capped',
      [
        { ...mbps(20), droppedFrameRatio: 0.3 },
        mbps(20),
        mbps(20),
        mbps(20),
        mbps(20),
      ],
      3,
      [2, 2, 2, 2, 2],
    ],
  ])('%s', (_name, steps, start, expected) => {
    expect(replay(steps, start)).toEqual(expected);
  });

  it('forgets its counters and caps on reset', () => {
    const abr = new AbrController();
    abr.decide({ levels: LEVELS, current: 3, ...base, ...mbps(20) });
    abr.decide({
      levels: LEVELS,
      current: 3,
      ...base,
      ...mbps(20),
      droppedFrameRatio: 0.5,
    });
    abr.reset();
    expect(
      abr.decide({ levels: LEVELS, current: 2, ...base, ...mbps(20) }),
    ).toEqual({ level: 3, reason: 'startup' });
  });
});
