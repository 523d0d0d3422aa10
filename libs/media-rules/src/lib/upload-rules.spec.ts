import { isAllowedExtension } from './upload-rules';

describe('isAllowedExtension', () => {
  it.each([
    ['a phone clip', 'IMG_0042.MOV', true],
    ['an AVCHD camcorder recording, named in capitals', '00001.MTS', true],
    ['an AVCHD recording copied from the disc structure', '00001.m2ts', true],
    ['a broadcast capture', 'news.ts', true],
    ['an old camera clip', 'MVI_1234.AVI', true],
    ['a DVD VOB, MPEG-PS which the server does not read', 'VTS_01_1.VOB', false],
    ['a TypeScript-looking name without a dot before ts', 'clipts', false],
    ['no extension', 'clip', false],
    ['a playlist', 'stream.m3u8', false],
  ])('%s (%s) → %s', (_name, filename, allowed) => {
    expect(isAllowedExtension(filename)).toBe(allowed);
  });
});
