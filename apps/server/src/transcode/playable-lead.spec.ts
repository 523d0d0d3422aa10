import { enoughToPlay } from './playable-lead';

describe('enoughToPlay', () => {
  it.each([
    ['every rung one segment duration ahead', [4, 4, 4], 4, 20, true],
    ['the 1 s first segment alone is not enough', [1, 1], 4, 20, false],
    ['the lead-in 1 + 1 s is not enough', [2, 2], 4, 300, false],
    ['one rung behind holds them all', [4, 4, 2], 4, 20, false],
    ['a segment duration of frames at 29.97 fps counts', [3.97, 3.97], 4, 20, true],
    ['a source shorter than a segment: all of it', [2.5], 4, 2.5, true],
    ['a source shorter than a segment, partly published', [1], 4, 2.5, false],
    ['2 s segments: 2 s ahead', [2, 2], 2, 60, true],
    ['no rung published', [], 4, 20, false],
  ])('%s', (_name, published, segmentDuration, sourceDuration, expected) => {
    expect(enoughToPlay(published, segmentDuration, sourceDuration)).toBe(expected);
  });
});
