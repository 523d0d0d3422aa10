import { ValidationError } from '../errors/domain-error';
import { decodeCaptionText, parseCaptions, parseTimestamp, subRipTextToWebVtt } from './caption-parser';

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('file');
    return (error as Error).message;
  }
  throw new Error('was accepted');
};

describe('decodeCaptionText', () => {
  it.each([
    ['plain UTF-8', Buffer.from('WEBVTT\n'), 'WEBVTT\n'],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('WEBVTT\n')]), 'WEBVTT\n'],
    ['accents', Buffer.from('Ça va ? 日本語'), 'Ça va ? 日本語'],
  ])('reads %s', (_, bytes, text) => {
    expect(decodeCaptionText(bytes)).toBe(text);
  });

  it.each([
    ['Latin-1', Buffer.from([0x43, 0xe7, 0x61]), /not valid UTF-8/],
    ['UTF-16 with a BOM', Buffer.from('\ufeffWEBVTT', 'utf16le'), /not valid UTF-8|not a text file/],
    ['a truncated multi-byte character', Buffer.from([0x41, 0xe6, 0x97]), /not valid UTF-8/],
    ['binary with NUL bytes', Buffer.from([0x57, 0x00, 0x45]), /not a text file/],
  ])('refuses %s', (_, bytes, message) => {
    expect(refusal(() => decodeCaptionText(bytes))).toMatch(message);
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['00:01.500', 'webvtt', 1.5],
    ['01:02:03.456', 'webvtt', 3723.456],
    ['100:00:00.000', 'webvtt', 360000],
    ['00:00:01,000', 'subrip', 1],
    ['0:0:1,5', 'subrip', 1.5],
    ['00:00:02.250', 'subrip', 2.25],
    ['00:60.000', 'webvtt', null],
    ['00:00:01,000', 'webvtt', null],
    ['1.5', 'webvtt', null],
    ['-00:00:01,000', 'subrip', null],
    ['00:00:01', 'subrip', null],
  ] as const)('%s as %s is %s', (value, format, seconds) => {
    expect(parseTimestamp(value, format)).toBe(seconds);
  });
});

describe('parseCaptions', () => {
  it.each([
    [
      'WebVTT with ids, settings, notes and styles',
      'WEBVTT - a film\n\nNOTE made by hand\n\nSTYLE\n::cue { color: red }\n\nintro\n00:01.000 --> 00:02.500 line:0 align:start\n<v Ann>Hello</v>\nthere\n\n00:00:03.000 --> 00:00:04.000\nBye',
      'webvtt',
      [
        { id: 'intro', start: 1, end: 2.5, settings: 'line:0 align:start', text: '<v Ann>Hello</v>\nthere' },
        { id: null, start: 3, end: 4, settings: '', text: 'Bye' },
      ],
    ],
    [
      'SubRip with CRLF line ends, a BOM and markup',
      '\ufeff1\r\n00:00:01,000 --> 00:00:02,000\r\n<i>Hi</i> & <font color="red">bye</font>\r\n\r\n2\r\n00:00:02,500 --> 00:00:03,000\r\n{\\an8}a < b\r\n',
      'subrip',
      [
        { id: null, start: 1, end: 2, settings: '', text: '<i>Hi</i> &amp; bye' },
        { id: null, start: 2.5, end: 3, settings: '', text: 'a &lt; b' },
      ],
    ],
    [
      'SubRip a little out of order (sorted)',
      '1\n00:00:05,000 --> 00:00:06,000\nB\n\n2\n00:00:04,500 --> 00:00:05,000\nA\n',
      'subrip',
      [
        { id: null, start: 4.5, end: 5, settings: '', text: 'A' },
        { id: null, start: 5, end: 6, settings: '', text: 'B' },
      ],
    ],
  ])('reads %s', (_, text, format, cues) => {
    expect(parseCaptions(text)).toEqual({ format, cues });
  });

  it.each([
    ['an empty file', '', /empty/],
    ['only blank lines', '\n \n\t\n', /empty/],
    ['a WebVTT header and nothing else', 'WEBVTT\n\nNOTE nothing\n', /WebVTT file has no cues/],
    ['prose', 'Once upon a time\nthere was a file\n', /neither WebVTT .* nor SubRip/],
    ['a header lookalike', 'WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n', /neither WebVTT .* nor SubRip|malformed timing/],
    ['a cue that ends before it starts', 'WEBVTT\n\n00:05.000 --> 00:04.000\nHi\n', /Cue 1 ends before it starts/],
    ['a zero-length cue', '1\n00:00:01,000 --> 00:00:01,000\nHi\n', /Cue 1 ends before it starts/],
    ['a malformed timing', 'WEBVTT\n\n00:01.000 -> 00:02.000\nHi\n', /Cue 1 has no timing line/],
    ['minutes out of range', 'WEBVTT\n\n00:61.000 --> 00:62.000\nHi\n', /Cue 1 has a malformed timing line/],
    ['SubRip timings in a WebVTT file', 'WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHi\n', /malformed timing line/],
    ['cues far out of order', '1\n00:00:10,000 --> 00:00:11,000\nB\n\n2\n00:00:01,000 --> 00:00:02,000\nA\n', /Cue 2 starts at 1.000 s, before cue 1/],
    ['two timings in one cue', 'WEBVTT\n\n00:01.000 --> 00:02.000\n00:03.000 --> 00:04.000\n', /second timing line/],
    ['a timestamp beyond a day', 'WEBVTT\n\n00:01.000 --> 25:00:00.000\nHi\n', /after 24 hours/],
  ])('refuses %s', (_, text, message) => {
    expect(refusal(() => parseCaptions(text))).toMatch(message);
  });

  it('refuses more cues than the limit', () => {
    const cue = (i: number) => `${i}\n00:00:${String(i % 60).padStart(2, '0')},000 --> 00:00:${String(i % 60).padStart(2, '0')},500\nx\n`;
    const many = Array.from({ length: 20_001 }, (_, i) => cue(i)).join('\n');
    expect(refusal(() => parseCaptions(many))).toMatch(/more than 20000 cues/);
  });
});

describe('subRipTextToWebVtt', () => {
  it.each([
    ['<b>bold</b> <u>under</u>', '<b>bold</b> <u>under</u>'],
    ['<script>x</script>', '&lt;script>x&lt;/script>'],
    ['Tom &amp; Jerry &#233;', 'Tom &amp; Jerry &#233;'],
    ['R&D', 'R&amp;D'],
    ['{\\i1}sign{\\i0}', 'sign'],
  ])('%s becomes %s', (text, vtt) => {
    expect(subRipTextToWebVtt(text)).toBe(vtt);
  });
});
