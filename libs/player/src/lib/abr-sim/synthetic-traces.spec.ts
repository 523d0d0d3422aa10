import { SYNTHETIC_KINDS, syntheticTrace } from './synthetic-traces';

const options = { seed: 7, seconds: 60, highMbps: 4, lowMbps: 1, jitter: 0 };
const mbpsAt = (kind: (typeof SYNTHETIC_KINDS)[number], second: number) =>
  syntheticTrace(kind, options).pieces[second].bps / 1e6;

describe('syntheticTrace', () => {
  it.each(SYNTHETIC_KINDS)(
    'gives the same %s trace for the same seed',
    (kind) => {
      const a = syntheticTrace(kind, { ...options, jitter: 0.2 });
      expect(syntheticTrace(kind, { ...options, jitter: 0.2 })).toEqual(a);
      expect(
        syntheticTrace(kind, { ...options, jitter: 0.2, seed: 8 }),
      ).not.toEqual(a);
    },
  );

  it.each<[(typeof SYNTHETIC_KINDS)[number], number[], number[]]>([
    ['steady', [0, 30, 59], [4, 4, 4]],
    ['step-down', [0, 19, 20, 59], [4, 4, 1, 1]],
    ['step-up', [0, 19, 20, 59], [1, 1, 4, 4]],
    ['oscillating', [0, 19, 20, 40], [4, 4, 1, 4]],
    ['outage', [19, 20, 27, 28], [4, 0, 0, 4]],
  ])('shapes %s', (kind, seconds, expected) => {
    expect(seconds.map((s) => mbpsAt(kind, s))).toEqual(expected);
  });

  it('keeps jitter within its spread', () => {
    const { pieces } = syntheticTrace('steady', { ...options, jitter: 0.15 });
    expect(pieces).toHaveLength(60);
    for (const p of pieces) {
      expect(p.bps).toBeGreaterThanOrEqual(4e6 * 0.85);
      expect(p.bps).toBeLessThanOrEqual(4e6 * 1.15);
    }
  });
});
