import { cacheControlFor, IMMUTABLE, REVALIDATE, SHORT } from './cache-policy';

describe('cacheControlFor', () => {
  it.each([
    ['clip/stream/720p/segment_00001.m4s', IMMUTABLE],
    ['clip/stream/720p/SEGMENT_00001.M4S', IMMUTABLE],
    ['clip/stream/720p/init.mp4', IMMUTABLE],
    ['clip/stream/init.mp4', IMMUTABLE],
    ['clip/stream/master.m3u8', REVALIDATE],
    ['clip/stream/720p/playlist.m3u8', REVALIDATE],
    ['clip/stream/manifest.mpd', REVALIDATE],
    ['clip/poster.jpg', SHORT],
    ['clip/storyboard/sprite_000.jpg', SHORT],
    ['clip/storyboard/thumbnails.vtt', SHORT],
    ['clip/notes.txt', REVALIDATE],
  ])('caches %s with %j', (key, policy) => {
    expect(cacheControlFor(key)).toBe(policy);
  });
});
