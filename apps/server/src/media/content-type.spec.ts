import { contentTypeFor } from './content-type';

describe('contentTypeFor', () => {
  it.each([
    ['clip/stream/master.m3u8', 'application/vnd.apple.mpegurl'],
    ['clip/stream/720p/playlist.m3u8', 'application/vnd.apple.mpegurl'],
    ['clip/stream/manifest.mpd', 'application/dash+xml'],
    ['clip/stream/720p/segment_00001.m4s', 'video/iso.segment'],
    ['clip/stream/720p/init.mp4', 'video/mp4'],
    ['clip/poster.jpg', 'image/jpeg'],
    ['clip/stream/captions/en.vtt', 'text/vtt; charset=utf-8'],
    ['clip/POSTER.JPG', 'image/jpeg'],
    ['clip/storyboard/sprite_000.jpg', 'image/jpeg'],
    ['clip/storyboard/thumbnails.vtt', 'text/vtt; charset=utf-8'],
    ['clip/stream/720p/INIT.MP4', 'video/mp4'],
    ['clip/notes.txt', 'application/octet-stream'],
    ['clip/README', 'application/octet-stream'],
    ['clip/.mp4', 'application/octet-stream'],
    ['clip.mp4/README', 'application/octet-stream'],
    ['clip/file.toString', 'application/octet-stream'],
    ['clip/file.constructor', 'application/octet-stream'],
  ])('serves %s as %s', (key, type) => {
    expect(contentTypeFor(key)).toBe(type);
  });
});
