import { deliveryDirectives, reloadDecision } from './blocking-reload';

describe('deliveryDirectives', () => {
  it.each([
    ['no query', '', { kind: 'none' }],
    ['unrelated parameters', 'token=abc&x=1', { kind: 'none' }],
    ['_HLS_skip alone (no delta updates offered)', '_HLS_skip=YES', { kind: 'none' }],
    ['_HLS_msn', '_HLS_msn=12', { kind: 'block', msn: 12 }],
    ['_HLS_msn with _HLS_part and _HLS_skip, in any order', '_HLS_skip=v2&_HLS_part=3&_HLS_msn=7', { kind: 'block', msn: 7 }],
    ['_HLS_msn=0', '_HLS_msn=0', { kind: 'block', msn: 0 }],
    ['_HLS_part without _HLS_msn', '_HLS_part=1', { kind: 'invalid' }],
    ['a negative _HLS_msn', '_HLS_msn=-1', { kind: 'invalid' }],
    ['a fractional _HLS_msn', '_HLS_msn=1.5', { kind: 'invalid' }],
    ['an empty _HLS_msn', '_HLS_msn=', { kind: 'invalid' }],
    ['an _HLS_msn too large to be exact', '_HLS_msn=12345678901234567890', { kind: 'invalid' }],
    ['a malformed _HLS_part', '_HLS_msn=3&_HLS_part=x', { kind: 'invalid' }],
  ])('%s', (_name, query, expected) => {
    expect(deliveryDirectives(query)).toEqual(expected);
  });
});

describe('reloadDecision', () => {
  /** A growing playlist as stream-publisher.ts writes it, with `count` segments from `first` on. */
  const growing = (count: number, { first = 0, control = '#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES', ended = false, target = 4 } = {}) =>
    [
      '#EXTM3U',
      '#EXT-X-VERSION:7',
      `#EXT-X-TARGETDURATION:${target}`,
      `#EXT-X-MEDIA-SEQUENCE:${first}`,
      '#EXT-X-PLAYLIST-TYPE:EVENT',
      control,
      '#EXT-X-MAP:URI="init.mp4"',
      ...Array.from({ length: count }, (_, i) => [`#EXTINF:4.000000,`, `segment_${String(first + i).padStart(5, '0')}.m4s`]).flat(),
      ...(ended ? ['#EXT-X-ENDLIST'] : []),
      '',
    ].join('\n');

  it.each([
    ['a segment it already holds', growing(3), 1, { kind: 'serve' }],
    ['its last segment', growing(3), 2, { kind: 'serve' }],
    ['the next segment', growing(3), 3, { kind: 'hold', timeoutMs: 12_000 }],
    ['the one after the next', growing(3), 4, { kind: 'hold', timeoutMs: 12_000 }],
    ['three past the last: beyond the advance limit', growing(3), 5, { kind: 'reject' }],
    ['far ahead', growing(3), 1000, { kind: 'reject' }],
    ['the first segment of an empty playlist', growing(0), 0, { kind: 'hold', timeoutMs: 12_000 }],
    ['the next one, with a media sequence starting at 10', growing(2, { first: 10 }), 12, { kind: 'hold', timeoutMs: 12_000 }],
    ['one held, with a media sequence starting at 10', growing(2, { first: 10 }), 11, { kind: 'serve' }],
    ['three target durations of a 6 s target', growing(1, { target: 6 }), 1, { kind: 'hold', timeoutMs: 18_000 }],
    ['beyond the end of a finished playlist', growing(3, { ended: true }), 4, { kind: 'serve' }],
    ['far beyond the end of a finished playlist', growing(3, { ended: true }), 1000, { kind: 'serve' }],
    ['a playlist that does not offer blocking reloads', growing(3, { control: '#EXT-X-INDEPENDENT-SEGMENTS' }), 4, { kind: 'serve' }],
    ['a playlist that says CAN-BLOCK-RELOAD=NO', growing(3, { control: '#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=NO' }), 4, { kind: 'serve' }],
    ['server control with other attributes', growing(3, { control: '#EXT-X-SERVER-CONTROL:HOLD-BACK=12,CAN-BLOCK-RELOAD=YES' }), 3, { kind: 'hold', timeoutMs: 12_000 }],
    ['a playlist without a target duration', growing(3, { target: Number.NaN }), 3, { kind: 'serve' }],
    ['a master playlist', '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n240p/playlist.m3u8\n', 5, { kind: 'serve' }],
    ['CRLF line ends', growing(3).replaceAll('\n', '\r\n'), 3, { kind: 'hold', timeoutMs: 12_000 }],
  ])('%s', (_name, playlist, msn, expected) => {
    expect(reloadDecision(playlist, msn)).toEqual(expected);
  });
});
