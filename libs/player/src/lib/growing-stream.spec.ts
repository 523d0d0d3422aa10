import { FakeHls, fakeVideo } from './fake-hls';
import { GrowingStreamGuard, seekLimit } from './growing-stream';
import { HLS_EVENTS } from './hls-types';

describe('seekLimit', () => {
  it.each([
    ['anywhere before a playlist is known', 90, null, 90],
    ['anywhere in an ended playlist', 90, { live: false, edge: 20 }, 90],
    ['inside what is published', 5, { live: true, edge: 20 }, 5],
    ['one second before the published end when past it', 90, { live: true, edge: 20 }, 19],
    ['to the start when less than a second is published', 3, { live: true, edge: 0.5 }, 0],
  ])('lets a seek land %s', (_name, target, published, expected) => {
    expect(seekLimit(target, published)).toBe(expected);
  });
});

describe('GrowingStreamGuard', () => {
  function setup() {
    const hls = new FakeHls();
    const video = fakeVideo();
    const guard = new GrowingStreamGuard(hls, video);
    const seek = (t: number) => {
      video.currentTime = t;
      video.dispatchEvent(new Event('seeking'));
      return video.currentTime;
    };
    return { hls, guard, seek };
  }

  it('pulls a seek past the published end back while the playlist grows, and lets it be once it ends', () => {
    const { hls, seek } = setup();
    hls.emit(HLS_EVENTS.LEVEL_UPDATED, { level: 0, details: { live: true, edge: 8 } });
    expect(seek(100)).toBe(7);
    hls.emit(HLS_EVENTS.LEVEL_UPDATED, { level: 1, details: { live: true, edge: 12 } });
    expect([seek(100), seek(4)]).toEqual([11, 4]);
    hls.emit(HLS_EVENTS.LEVEL_UPDATED, { level: 1, details: { live: false, edge: 120 } });
    expect(seek(100)).toBe(100);
  });

  it('stops listening on destroy', () => {
    const { hls, guard, seek } = setup();
    hls.emit(HLS_EVENTS.LEVEL_UPDATED, { level: 0, details: { live: true, edge: 8 } });
    guard.destroy();
    expect(seek(100)).toBe(100);
    expect(hls.listenerCount(HLS_EVENTS.LEVEL_UPDATED)).toBe(0);
  });
});
