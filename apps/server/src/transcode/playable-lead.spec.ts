import { enoughToPlay } from './playable-lead';

describe('enoughToPlay', () => {
  it.each([
    ['every rung one segment duration ahead', [4, 4, 4], 4, 20, 1.3, true],
    ['the 1 s first segment alone is not enough', [1, 1], 4, 20, 1.3, false],
    ['the lead-in 1 + 1 s is not enough', [2, 2], 4, 300, 1.3, false],
    ['one rung behind holds them all', [4, 4, 2], 4, 20, 1.3, false],
    ['a segment duration of frames at 29.97 fps counts', [3.97, 3.97], 4, 20, 1.3, true],
    ['a source shorter than a segment: all of it', [2.5], 4, 2.5, 1.3, true],
    ['a source shorter than a segment, partly published', [1], 4, 2.5, 1.3, false],
    ['2 s segments: 2 s ahead', [2, 2], 2, 60, 1.3, true],
    ['no speed reported yet: a segment duration', [4], 4, 20, null, true],
    ['at real time: a segment duration', [4], 4, 300, 1, true],
    ['at half real time, 20 s: 8 s published, 4 s + 12 s behind needed', [8], 4, 20, 0.5, false],
    ['at half real time, 20 s: 12 s published, 4 s + 8 s behind needed', [12], 4, 20, 0.5, true],
    ['at half real time, 20 s: all of it published', [20], 4, 20, 0.5, true],
    ['at 0.9, 60 s: 12 s published, 4 s + (60 - 12) × 1/9 = 9.3 s needed', [12], 4, 60, 0.9, true],
    ['at 0.9, 60 s: 8 s published, 4 s + 52 × 1/9 = 9.8 s needed', [8], 4, 60, 0.9, false],
    ['no rung published', [], 4, 20, 1.3, false],
  ])('%s', (_name, published, segmentDuration, sourceDuration, speed, expected) => {
    expect(enoughToPlay(published, segmentDuration, sourceDuration, speed)).toBe(expected);
  });
});
