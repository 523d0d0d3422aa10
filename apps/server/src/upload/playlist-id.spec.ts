import { buildPlaylistId, sanitizeStem, sourceFilename, utcStamp } from './playlist-id';

describe('playlist ids', () => {
  it.each([
    ['My Holiday Video.mp4', 'my-holiday-video'],
    ['Crème brûlée (final).MOV', 'creme-brulee-final'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\clip.mkv', 'clip'],
    ['.hidden', 'hidden'],
    ['???.mp4', 'video'],
    ['', 'video'],
    ['a'.repeat(100) + '.mp4', 'a'.repeat(48)],
    ['clip.tar.gz', 'clip-tar'],
  ])('sanitizes %j to %j', (input, expected) => {
    expect(sanitizeStem(input)).toBe(expected);
  });

  it.each([
    ['Clip One.MP4', 'clip-one.mp4'],
    ['weird name.m?4v', 'weird-name.m4v'],
    ['noext', 'noext'],
  ])('keeps a safe source filename for %j', (input, expected) => {
    expect(sourceFilename(input)).toBe(expected);
  });

  it('formats the UTC timestamp without separators', () => {
    expect(utcStamp(new Date('2026-11-24T05:54:12.345Z'))).toBe('20261124T055412Z');
  });

  it('joins stem, timestamp and suffix, unique for one name in one second', () => {
    const now = new Date('2026-11-24T05:54:12Z');
    const a = buildPlaylistId('Clip.mp4', now, 'a1b2c3');
    const b = buildPlaylistId('Clip.mp4', now, 'd4e5f6');
    expect(a).toBe('clip-20261124T055412Z-a1b2c3');
    expect(a).not.toBe(b);
  });
});
