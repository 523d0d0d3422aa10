import { mediaKeyFromPath } from './media-key';

describe('mediaKeyFromPath', () => {
  it.each([
    ['/media/clip/stream/master.m3u8', 'clip/stream/master.m3u8'],
    ['/media/clip/stream/manifest.mpd', 'clip/stream/manifest.mpd'],
    ['/media/clip/stream/720p/playlist.m3u8', 'clip/stream/720p/playlist.m3u8'],
    ['/media/clip/stream/720p/init.mp4', 'clip/stream/720p/init.mp4'],
    ['/media/clip/stream/720p/segment_00012.m4s', 'clip/stream/720p/segment_00012.m4s'],
    ['/media/clip/poster.jpg', 'clip/poster.jpg'],
    ['/media/clip/stream/captions/en.vtt', 'clip/stream/captions/en.vtt'],
    ['/media/clip/stream/captions/pt-br.m3u8', 'clip/stream/captions/pt-br.m3u8'],
    ['/media/my%20clip/poster.jpg', 'my clip/poster.jpg'],
    ['/media/caf%C3%A9/poster.jpg', 'café/poster.jpg'],
    ['/media/clip/storyboard/thumbnails.vtt', 'clip/storyboard/thumbnails.vtt'],
    ['/media/clip/storyboard/sprite_000.jpg', 'clip/storyboard/sprite_000.jpg'],
    ['/media/clip/storyboard/sprite_012.jpg', 'clip/storyboard/sprite_012.jpg'],
  ])('maps %s to %s', (path, key) => {
    expect(mediaKeyFromPath(path)).toBe(key);
  });

  it.each([
    ['/media/clip/source/clip.mp4', 'the original upload'],
    ['/media/clip/source/', 'the source folder'],
    ['/media/clip/manifest.json', 'the catalog record'],
    ['/media/clip/.work/ab12/720p/segment_00000.m4s', 'a work folder'],
    ['/media/.health', 'the health probe file'],
    ['/media/.tmp/upload-1', 'a temp folder'],
    ['/media/.hidden/poster.jpg', 'a hidden playlist folder'],
    ['/media/clip/stream/720p/segment_00001.m4s.tmp', 'a segment still being written'],
    ['/media/clip/stream/.master.m3u8.tmp-1-2', 'a manifest being replaced'],
    ['/media/clip/stream/720p/.segment.m4s', 'a hidden stream file'],
    ['/media/clip/stream/.work/init.mp4', 'a hidden folder in the stream'],
    ['/media/clip/stream/notes.txt', 'another kind of file in the stream'],
    ['/media/clip/stream/captions/.en.vtt.tmp-1-2', 'a caption being replaced'],
    ['/media/clip/source/subs.vtt', 'a caption file in the source folder'],
    ['/media/clip/stream', 'the stream folder'],
    ['/media/clip/poster.png', 'another poster name'],
    ['/media/clip/poster.jpg/x', 'a path below the poster'],
    ['/media/clip/..poster.jpg', 'a dotted name'],
    ['/media/clip', 'a playlist folder'],
    ['/media/clip/storyboard/input.mp4', 'another file in the storyboard'],
    ['/media/clip/storyboard/.thumbnails.vtt.tmp-1-2', 'a track being written'],
    ['/media/clip/storyboard/sprite_1.jpg', 'a sheet name ffmpeg does not write'],
    ['/media/clip/storyboard/x/sprite_000.jpg', 'a folder inside the storyboard'],
    ['/media/clip/storyboard', 'the storyboard folder'],
    ['/media/clip/.work/ab12/storyboard/storyboard/sprite_000.jpg', 'a storyboard being made'],
    ['/media/clip/thumbnails.vtt', 'a track outside the storyboard'],
  ])('does not publish %s (%s)', (path) => {
    expect(mediaKeyFromPath(path)).toBeNull();
  });

  it.each([
    ['/media', 'no file'],
    ['/media/', 'no file'],
    ['/mediax/clip.mp4', 'another prefix'],
    ['/media/../secret', 'a parent segment'],
    ['/media/clip/../../secret', 'a nested parent segment'],
    ['/media/./clip.mp4', 'a dot segment'],
    ['/media/%2e%2e/secret', 'an encoded parent segment'],
    ['/media/%2E%2E/secret', 'an upper-case encoded parent segment'],
    ['/media/.%2e/secret', 'a half-encoded parent segment'],
    ['/media/..%2fsecret', 'an encoded slash after dots'],
    ['/media/clip%2fposter.jpg', 'an encoded slash'],
    ['/media/clip%2Fposter.jpg', 'an upper-case encoded slash'],
    ['/media/..%5csecret', 'an encoded backslash'],
    ['/media/clip\\poster.jpg', 'a backslash'],
    ['/media/clip%00.jpg', 'an encoded NUL'],
    ['/media/clip\0.jpg', 'a NUL'],
    ['/media//etc/passwd', 'an absolute path'],
    ['/media/%2fetc/passwd', 'an encoded absolute path'],
    ['/media/clip//poster.jpg', 'an empty segment'],
    ['/media/clip/', 'a folder'],
  ])('rejects %s (%s)', (path) => {
    expect(mediaKeyFromPath(path)).toBeNull();
  });

  it.each([
    ['/media/%E0%A4%A', 'a truncated escape'],
    ['/media/clip/%zz/poster.jpg', 'a non-hex escape'],
    ['/media/%C3/poster.jpg', 'a lone UTF-8 lead byte'],
  ])('throws URIError for %s (%s): a bad request, not a missing file', (path) => {
    expect(() => mediaKeyFromPath(path)).toThrow(URIError);
  });
});
