import { codecString, hexDumpBytes, ProbedCodecStream } from './codec-string';

// extradata as ffprobe -show_data prints it for init.mp4 files the pipeline wrote
const high13: ProbedCodecStream = {
  codec_type: 'video',
  codec_name: 'h264',
  level: -99,
  extradata:
    '\n00000000: 0164 000d ffe1 0019 6764 000d acd9 43c2  .d......gd....C.\n00000010: 9b01 1000 0003 0010 0000 0303 20f1 4299  ............ .B.\n00000020: 6001 0005 68ef 84f2 c0fd f8f8 00         `...h........\n',
};
const main30: ProbedCodecStream = { codec_type: 'video', codec_name: 'h264', extradata: '\n00000000: 014d 401e ffe1 0018 674d 401e  .M@.....gM@.\n' };
const aacLc: ProbedCodecStream = { codec_type: 'audio', codec_name: 'aac', extradata: '\n00000000: 1210 56e5 00                             ..V..\n' };
const heAac: ProbedCodecStream = { codec_type: 'audio', codec_name: 'aac', extradata: '\n00000000: 2b92 0800  +...\n' };
const escapedAot: ProbedCodecStream = { codec_type: 'audio', codec_name: 'aac', extradata: '\n00000000: f8e0 0000  ....\n' };

describe('codecString', () => {
  it.each([
    ['High 1.3 with AAC-LC, from the avcC and AudioSpecificConfig bytes', [high13, aacLc], 'avc1.64000d,mp4a.40.2'],
    ['Main 3.0 without audio', [main30], 'avc1.4d401e'],
    ['video first whatever the stream order', [aacLc, main30], 'avc1.4d401e,mp4a.40.2'],
    ['HE-AAC (object type 5)', [main30, heAac], 'avc1.4d401e,mp4a.40.5'],
    ['an escaped object type (31 + 6 bits)', [main30, escapedAot], 'avc1.4d401e,mp4a.40.39'],
    [
      'profile and level names when no extradata was printed',
      [{ codec_type: 'video', codec_name: 'h264', profile: 'High', level: 31 }, { codec_type: 'audio', codec_name: 'aac', profile: 'LC' }],
      'avc1.64001f,mp4a.40.2',
    ],
  ])('%s', (_name, streams, expected) => {
    expect(codecString(streams)).toBe(expected);
  });

  it.each([
    ['a stream it cannot read the level of', [{ codec_type: 'video', codec_name: 'h264', level: -99 }], /Cannot tell the H.264 profile/],
    ['an unexpected codec', [{ codec_type: 'video', codec_name: 'hevc' }], /Unexpected video codec in output: hevc/],
    ['no streams', [], /no audio or video/],
  ])('refuses %s', (_name, streams, message) => {
    expect(() => codecString(streams)).toThrow(message);
  });
});

describe('hexDumpBytes', () => {
  it.each([
    ['one short line', '\n00000000: 1210 56e5 00                             ..V..\n', [0x12, 0x10, 0x56, 0xe5, 0x00]],
    ['ASCII that looks like hex is not read', '00000000: 0164 000d  ab cd\n', [0x01, 0x64, 0x00, 0x0d]],
    ['nothing', '', []],
  ])('%s', (_name, dump, expected) => {
    expect(hexDumpBytes(dump)).toEqual(expected);
  });
});
