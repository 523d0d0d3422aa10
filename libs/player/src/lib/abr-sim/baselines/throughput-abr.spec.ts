import type { AbrContext } from '../../abr-policy';
import { ThroughputAbr } from './throughput-abr';

const context: AbrContext = {
  levels: [1, 2, 4].map((m) => ({ bitrate: m * 1e6, width: 640, height: 360 })),
  current: 0,
  bufferAheadSeconds: 10,
  segmentDuration: 4,
  maxBufferSeconds: 30,
  playing: true,
  playerWidth: 1920,
};

describe('ThroughputAbr', () => {
  it.each<[string, number[], number]>([
    ['nothing measured: the lowest', [], 0],
    ['5 Mbit/s: 4 fits in 4.5', [5], 2],
    ['1 and 4 Mbit/s: harmonic mean 1.6, 1.44 left', [1, 4], 0],
    ['only the last five count', [0.1, 3, 3, 3, 3, 3], 1],
  ])('%s', (_name, rates, level) => {
    const abr = new ThroughputAbr();
    for (const r of rates)
      abr.onSegmentLoaded({
        level: 0,
        bytes: (r * 1e6) / 8,
        duration: 4,
        loadMs: 1000,
        ttfbMs: 0,
      });
    expect(abr.decide(context).level).toBe(level);
  });
});
