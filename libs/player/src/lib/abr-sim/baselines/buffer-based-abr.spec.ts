import type { AbrContext } from '../../abr-policy';
import { BufferBasedAbr } from './buffer-based-abr';

// 1, 2, 4 Mbit/s; a 24 s buffer: reservoir 9 s, cushion 12.6 s, so f(B) = 1 + 3 (B − 9) / 12.6 Mbit/s
const context = (current: number, bufferAheadSeconds: number): AbrContext => ({
  levels: [1, 2, 4].map((m) => ({ bitrate: m * 1e6, width: 640, height: 360 })),
  current,
  bufferAheadSeconds,
  segmentDuration: 4,
  maxBufferSeconds: 24,
  playing: true,
  playerWidth: 1920,
});

describe('BufferBasedAbr (BBA-0)', () => {
  it.each([
    ['in the reservoir: the lowest', 2, 8, 0],
    ['above reservoir and cushion: the highest', 0, 22, 2],
    ['f = 2.43 passes 2: up to the highest rung below it', 0, 15, 1],
    ['f = 2.43 between neighbours: stays', 2, 15, 2],
    ['f = 1.71 falls to 2: down to the lowest rung above it', 2, 12, 1],
    ['f = 1.71 between neighbours: stays', 1, 12, 1],
  ])('%s', (_name, current, buffer, level) => {
    expect(new BufferBasedAbr().decide(context(current, buffer))).toEqual({
      level,
      reason: 'buffer',
    });
  });
});
