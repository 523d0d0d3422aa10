import type { VideoProbe } from './probe-parser';
import { sourceLimitViolation } from './source-limits';

const limits = { maxDurationSeconds: 4 * 3600, maxPixels: 7680 * 4320 };
const source = (duration: number, width: number, height: number, frameRate = 30, streamCount = 2) =>
  ({ duration, streamCount, video: { width, height, frameRate } }) as VideoProbe;

describe('sourceLimitViolation', () => {
  it('says short limits in minutes and seconds', () => {
    expect(sourceLimitViolation(source(125, 640, 360), { ...limits, maxDurationSeconds: 12 })).toBe('The video is 2 min 5 s long; the limit is 12 s.');
  });

  it.each([
    ['a 1080p clip', source(60, 1920, 1080), null],
    ['exactly 4 h of 8K', source(4 * 3600, 7680, 4320), null],
    ['a portrait 8K phone video', source(10, 4320, 7680), null],
    ['240 fps slow motion', source(10, 1280, 720, 240), null],
    ['a header claiming 10 h', source(36_000, 1920, 1080), 'The video is 10 h long; the limit is 4 h.'],
    ['4 h and a half', source(4.5 * 3600, 1920, 1080), 'The video is 4 h 30 min long; the limit is 4 h.'],
    ['a 16K picture', source(10, 15360, 8640), 'The picture is 15360×8640 (132,710,400 pixels); the limit is 33,177,600 pixels (8K).'],
    ['1000 fps', source(10, 640, 360, 1000), 'The video declares 1000 frames per second; the limit is 240.'],
    ['a file with 500 streams', source(10, 640, 360, 30, 500), 'The file has 500 streams; the limit is 32.'],
  ])('%s', (_name, probe, expected) => {
    expect(sourceLimitViolation(probe, limits)).toBe(expected);
  });
});
