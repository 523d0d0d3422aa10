import { scoreSession } from './qoe';
import type { SimSegment, SimSession } from './simulator';

const segment = (mbps: number, level: number): SimSegment => ({
  level,
  duration: 4,
  bitrate: mbps * 1e6,
  reason: 'throughput',
  requestedAt: 0,
  loadedAt: 0,
  bufferBefore: 0,
});
const session = (segments: SimSegment[], rebufferSeconds = 0): SimSession => ({
  trace: 't',
  ladder: 'l',
  segments,
  startupSeconds: 1.5,
  startReason: null,
  rebufferSeconds,
  abandoned: 0,
  wastedBytes: 0,
});

describe('scoreSession', () => {
  it.each<
    [
      string,
      SimSession,
      {
        qoe: number;
        avgBitrateMbps: number;
        switches: number;
        rebufferRatio: number;
      },
    ]
  >([
    [
      'steady 1 Mbit/s',
      session([segment(1, 0), segment(1, 0), segment(1, 0)]),
      { qoe: 3, avgBitrateMbps: 1, switches: 0, rebufferRatio: 0 },
    ],
    // 3 + 1 + 3 − (2 + 2)
    [
      'up and down',
      session([segment(3, 1), segment(1, 0), segment(3, 1)]),
      { qoe: 3, avgBitrateMbps: 7 / 3, switches: 2, rebufferRatio: 0 },
    ],
    // 9 − 4.3 × 4; 4 s stalled over 12 s played
    [
      'stalls',
      session([segment(3, 1), segment(3, 1), segment(3, 1)], 4),
      { qoe: 9 - 17.2, avgBitrateMbps: 3, switches: 0, rebufferRatio: 0.25 },
    ],
  ])('scores %s', (_name, s, expected) => {
    const score = scoreSession(s);
    expect(score.qoe).toBeCloseTo(expected.qoe, 9);
    expect(score.avgBitrateMbps).toBeCloseTo(expected.avgBitrateMbps, 9);
    expect(score.switches).toBe(expected.switches);
    expect(score.rebufferRatio).toBeCloseTo(expected.rebufferRatio, 9);
    expect(score.startupSeconds).toBe(1.5);
  });
});
