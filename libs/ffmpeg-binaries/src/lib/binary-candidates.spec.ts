import { binaryCandidates, parseVersion } from './binary-candidates';

const npmFfmpeg = { name: '@ffmpeg-installer/ffmpeg', path: '/app/node_modules/@ffmpeg-installer/linux-x64/ffmpeg' };
const npmFfprobe = { name: '@ffprobe-installer/ffprobe', path: '/app/node_modules/@ffprobe-installer/linux-x64/ffprobe' };

describe('binaryCandidates', () => {
  it.each([
    [
      'configured path first, then PATH folders, then the npm binary',
      'ffmpeg' as const,
      { configured: '/opt/ff/ffmpeg', pathVariable: '/usr/local/bin:/usr/bin', platform: 'linux' as const, packaged: npmFfmpeg },
      ['FFMPEG_PATH /opt/ff/ffmpeg', 'PATH /usr/local/bin/ffmpeg', 'PATH /usr/bin/ffmpeg', `${npmFfmpeg.name} ${npmFfmpeg.path}`],
    ],
    [
      'without configuration, PATH then npm; empty PATH entries ignored',
      'ffmpeg' as const,
      { pathVariable: '/usr/bin::', platform: 'linux' as const, packaged: npmFfmpeg },
      ['PATH /usr/bin/ffmpeg', `${npmFfmpeg.name} ${npmFfmpeg.path}`],
    ],
    [
      'ffprobe also looks next to a configured ffmpeg',
      'ffprobe' as const,
      { configuredFfmpeg: '/opt/ff/ffmpeg', pathVariable: '/usr/bin', platform: 'linux' as const, packaged: npmFfprobe },
      ['next to FFMPEG_PATH /opt/ff/ffprobe', 'PATH /usr/bin/ffprobe', `${npmFfprobe.name} ${npmFfprobe.path}`],
    ],
    [
      'an npm package that failed to load adds nothing',
      'ffprobe' as const,
      { configured: '/x/ffprobe', platform: 'linux' as const, packaged: { name: '@ffprobe-installer/ffprobe', error: 'Unsupported platform' } },
      ['FFPROBE_PATH /x/ffprobe'],
    ],
    [
      'the same path is tried once',
      'ffmpeg' as const,
      { configured: '/usr/bin/ffmpeg', pathVariable: '/usr/bin:/bin', platform: 'linux' as const, packaged: npmFfmpeg },
      ['FFMPEG_PATH /usr/bin/ffmpeg', 'PATH /bin/ffmpeg', `${npmFfmpeg.name} ${npmFfmpeg.path}`],
    ],
  ])('%s', (_name, tool, sources, expected) => {
    expect(binaryCandidates(tool, sources).map((c) => `${c.source} ${c.path}`)).toEqual(expected);
  });
});

describe('parseVersion', () => {
  it.each([
    ['ffmpeg' as const, 'ffmpeg version N-47683-g0e8eb07980-static https://johnvansickle.com/ffmpeg/  Copyright (c) 2000-2018', 'N-47683-g0e8eb07980-static'],
    ['ffmpeg' as const, 'ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers\nbuilt with gcc 12', '5.1.9-0+deb12u1'],
    ['ffprobe' as const, 'ffprobe version 6.1 Copyright (c) 2007-2023', '6.1'],
    ['ffprobe' as const, 'ffmpeg version 6.1 Copyright', null],
    ['ffmpeg' as const, 'GNU bash, version 5.2', null],
  ])('%s: %j → %s', (tool, output, expected) => {
    expect(parseVersion(tool, output)).toBe(expected);
  });
});
