import { allowedDemuxer, inputArgs } from './input-args';

describe('allowedDemuxer', () => {
  it.each([
    ['mov,mp4,m4a,3gp,3g2,mj2', 'mov'],
    ['matroska,webm', 'matroska'],
    ['avi', 'avi'],
    ['mpegts', 'mpegts'],
    ['flv', 'flv'],
    ['ogg', 'ogg'],
    ['hls', null],
    ['hls,applehttp', null],
    ['dash', null],
    ['concat', null],
    ['image2', null],
    ['lavfi', null],
    ['tty', null],
    ['data', null],
    ['srt', null],
    ['webvtt', null],
    ['mpegtsraw', null],
    ['', null],
  ])('%s → %s', (formatName, expected) => {
    expect(allowedDemuxer(formatName)).toBe(expected);
  });
});

describe('inputArgs', () => {
  const whitelist = ['-protocol_whitelist', 'file', '-format_whitelist', 'mov,matroska,avi,mpegts,flv,ogg'];

  it.each([
    ['a first probe: any allowed demuxer', '/m/a/source/clip.mp4', undefined, [...whitelist, '-i', 'file:/m/a/source/clip.mp4']],
    ['a later call: the probed demuxer, nothing re-detected', '/m/a/source/clip.mkv', 'matroska', [...whitelist, '-f', 'matroska', '-i', 'file:/m/a/source/clip.mkv']],
    ['a name that looks like a protocol stays a file', '/m/a/source/http:x.mp4', 'mov', [...whitelist, '-f', 'mov', '-i', 'file:/m/a/source/http:x.mp4']],
  ] as const)('%s', (_name, path, demuxer, expected) => {
    expect(inputArgs(path, demuxer)).toEqual(expected);
  });

  it('refuses a relative path, which ffmpeg would resolve against its working folder', () => {
    expect(() => inputArgs('media/a/source/clip.mp4')).toThrow(/absolute/);
  });
});
