import type { Rung } from '@cmm/media-rules';
import { ProcessingFailure } from '../errors/domain-error';
import { dashRepresentation, ensureComplete, masterVariant, Rendition, variantRecord } from './rendition';

const rung: Rung = { label: '360p', height: 360, width: 640, crf: 23, maxrateKbps: 800, bufsizeKbps: 1600, audioKbps: 96 };
// 2 s at 100 kB (400 kbit/s), then 1.5 s at 150 kB (800 kbit/s): peak 800 000, average 571 429
const rendition: Rendition = {
  rung,
  width: 640,
  height: 360,
  codecs: 'avc1.64001e,mp4a.40.2',
  initUri: 'init.mp4',
  initBytes: 900,
  segments: [
    { uri: 'segment_00000.m4s', duration: 2, sizeBytes: 100_000 },
    { uri: 'segment_00001.m4s', duration: 1.5, sizeBytes: 150_000 },
  ],
};

describe('rendition mapping', () => {
  it.each([
    ['25', 25],
    ['24000/1001', 24000 / 1001],
  ])('the master entry at %s fps', (fps, frameRate) => {
    expect(masterVariant(rendition, fps)).toEqual({
      uri: '360p/playlist.m3u8',
      bandwidth: 800_000,
      averageBandwidth: 571_429,
      width: 640,
      height: 360,
      codecs: 'avc1.64001e,mp4a.40.2',
      frameRate,
    });
  });

  it('the DASH representation addresses files relative to the MPD', () => {
    expect(dashRepresentation(rendition, '24000/1001')).toEqual({
      id: '360p',
      bandwidth: 800_000,
      width: 640,
      height: 360,
      codecs: 'avc1.64001e,mp4a.40.2',
      frameRate: '24000/1001',
      initUri: '360p/init.mp4',
      segments: [
        { uri: '360p/segment_00000.m4s', duration: 2 },
        { uri: '360p/segment_00001.m4s', duration: 1.5 },
      ],
    });
  });

  it('the catalog record: paths under the run’s stream folder, sizes including the init segment, labelled segments', () => {
    expect(variantRecord(rendition, 'stream/5e1f')).toEqual({
      label: '360p',
      height: 360,
      width: 640,
      bitrate: 800_000,
      average_bitrate: 571_429,
      codecs: 'avc1.64001e,mp4a.40.2',
      size_bytes: 250_900,
      playlist: 'stream/5e1f/360p/playlist.m3u8',
      init: 'stream/5e1f/360p/init.mp4',
      segments: [
        { path: 'stream/5e1f/360p/segment_00000.m4s', duration: 2, label: 'Segment 1 (0:00–0:02)', size_bytes: 100_000 },
        { path: 'stream/5e1f/360p/segment_00001.m4s', duration: 1.5, label: 'Segment 2 (0:02–0:04)', size_bytes: 150_000 },
      ],
    });
  });
});

describe('ensureComplete', () => {
  it.each([
    ['as long as the probe said', 3.5, true],
    ['a second short of a short clip', 4.5, true],
    ['5 % short of a long one', 3.5 / 0.95, true],
    ['more than a second short', 4.6, false],
  ])('%s', (_name, probedSeconds, complete) => {
    const check = () => ensureComplete(probedSeconds, [rendition], 'tail');
    if (complete) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ failure: ProcessingFailure.TruncatedFile, message: expect.stringContaining('stops at 3.5 s') }));
  });
});
