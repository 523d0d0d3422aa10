import { redactPaths } from './redact-paths';

describe('redactPaths', () => {
  const roots = ['/srv/cmm media', '/tmp'];

  it.each([
    ['a message without paths', 'Choose at least one resolution', 'Choose at least one resolution'],
    ['a root with a space', 'cannot open /srv/cmm media/clip-1/source/a.mp4', 'cannot open <server path>/clip-1/source/a.mp4'],
    ['the temp dir', "ENOENT: no such file, open '/tmp/capacitor-1234'", "ENOENT: no such file, open '<server path>/capacitor-1234'"],
    ['any other absolute path', 'failed to read /home/ops/cmm/media/x/manifest.json.', 'failed to read <server path>'],
    ['a Windows path', 'open C:\\srv\\media\\x failed', 'open <server path> failed'],
    ['a path after a colon', 'file:/var/lib/cmm/x', 'file:<server path>'],
    ['a MIME type', 'expected video/mp4 or video/webm', 'expected video/mp4 or video/webm'],
    ['a single-part path', 'POST /graphql only', 'POST /graphql only'],
    ['a fraction', 'ratio 16/9 and 1/2', 'ratio 16/9 and 1/2'],
  ])('%s', (_name, message, expected) => {
    expect(redactPaths(message, roots)).toBe(expected);
  });
});
