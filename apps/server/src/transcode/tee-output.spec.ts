import { teeOutput } from './tee-output';

describe('teeOutput', () => {
  it.each([
    ['plain options and paths pass as they are', [['f', 'hls'], ['hls_time', '4']], '/media/p/720p/playlist.m3u8', '[f=hls:hls_time=4]/media/p/720p/playlist.m3u8'],
    ['a stream selection escapes its colons for the option reader', [['select', 'v:0,a:0']], '/m/a.m3u8', '[select=v\\\\:0,a\\\\:0]/m/a.m3u8'],
    ['a value with a colon, brackets, an equals sign and a pipe stays one value', [['hls_segment_filename', "/m/it's [a]|b=c:d/s.m4s"]], '/m/a.m3u8', "[hls_segment_filename=/m/it\\\\\\'s \\\\[a\\\\]\\\\\\|b\\\\=c\\\\:d/s.m4s]/m/a.m3u8"],
    ['a target with a quote and a pipe stays one slave', [['f', 'hls']], "/m/it's a|b.m3u8", "[f=hls]/m/it\\'s a\\|b.m3u8"],
    ['a backslash is kept through both readings', [['hls_segment_filename', '/m/a\\b']], '/m/a\\b.m3u8', '[hls_segment_filename=/m/a\\\\\\\\b]/m/a\\\\b.m3u8'],
  ] as const)('%s', (_name, options, target, expected) => {
    expect(teeOutput([{ options, target }])).toBe(expected);
  });

  it('joins slaves with an unescaped pipe', () => {
    expect(teeOutput([{ options: [['f', 'hls']], target: '/a' }, { options: [['f', 'hls']], target: '/b' }])).toBe('[f=hls]/a|[f=hls]/b');
  });
});
