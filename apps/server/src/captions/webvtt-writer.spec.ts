import { parseCaptions } from './caption-parser';
import { formatTimestamp, writeWebVtt } from './webvtt-writer';

describe('formatTimestamp', () => {
  it.each([
    [0, '00:00:00.000'],
    [1.5, '00:00:01.500'],
    [3723.456, '01:02:03.456'],
    [59.9996, '00:01:00.000'],
  ])('%s s is %s', (seconds, text) => {
    expect(formatTimestamp(seconds)).toBe(text);
  });
});

describe('writeWebVtt', () => {
  it('writes a header and one block per cue', () => {
    const text = writeWebVtt([
      { id: 'a', start: 1, end: 2, settings: 'align:start', text: 'Hello\nthere' },
      { id: null, start: 3, end: 4.25, settings: '', text: 'Bye' },
    ]);
    expect(text).toBe('WEBVTT\n\na\n00:00:01.000 --> 00:00:02.000 align:start\nHello\nthere\n\n00:00:03.000 --> 00:00:04.250\nBye\n');
  });

  it('writes what converted SubRip reads back as, cue for cue', () => {
    const { cues } = parseCaptions('1\n00:00:01,000 --> 00:00:02,000\n<i>a</i> & b\n\n2\n00:00:03,000 --> 00:00:04,000\nc\n');
    expect(parseCaptions(writeWebVtt(cues))).toEqual({ format: 'webvtt', cues });
  });
});
