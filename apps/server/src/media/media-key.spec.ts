import { mediaKeyFromPath } from './media-key';

describe('mediaKeyFromPath', () => {
  it.each([
    ['/media/clip/stream/master.m3u8', 'clip/stream/master.m3u8'],
    ['/media/clip/poster.jpg', 'clip/poster.jpg'],
    ['/media/my%20clip/poster.jpg', 'my clip/poster.jpg'],
    ['/media/caf%C3%A9/poster.jpg', 'café/poster.jpg'],
    ['/media/clip/..poster.jpg', 'clip/..poster.jpg'],
    ['/media/clip/.hidden', 'clip/.hidden'],
  ])('maps %s to %s', (path, key) => {
    expect(mediaKeyFromPath(path)).toBe(key);
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
    ['/media/%E0%A4%A', 'malformed percent-encoding'],
  ])('rejects %s (%s)', (path) => {
    expect(mediaKeyFromPath(path)).toBeNull();
  });
});
