import { ProcessingError, ProcessingFailure } from '../errors/domain-error';
import { FfprobeOutput, FfprobeStream, parseProbe } from './probe-parser';

// trimmed from real `ffprobe -v error -print_format json -show_format -show_streams` output
const h264: FfprobeStream = {
  index: 0,
  codec_name: 'h264',
  profile: 'High',
  codec_type: 'video',
  width: 1920,
  height: 1080,
  sample_aspect_ratio: '1:1',
  pix_fmt: 'yuv420p',
  r_frame_rate: '30000/1001',
  avg_frame_rate: '30000/1001',
  bits_per_raw_sample: '8',
  color_range: 'tv',
  color_space: 'bt709',
  color_transfer: 'bt709',
  color_primaries: 'bt709',
  field_order: 'progressive',
  duration: '12.012000',
  disposition: { attached_pic: 0 },
  tags: { language: 'und', handler_name: 'VideoHandler' },
};
const aac: FfprobeStream = { index: 1, codec_name: 'aac', profile: 'LC', codec_type: 'audio', sample_rate: '48000', channels: 2, duration: '12.010667' };
const mp4 = (streams: FfprobeStream[], format: FfprobeOutput['format'] = {}): FfprobeOutput => ({
  streams,
  format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '12.012000', size: '5242880', ...format },
});
const displayMatrix = (rotation: number) => [{ side_data_type: 'Display Matrix', displaymatrix: '\n00000000: 0 65536 0\n', rotation }];

describe('parseProbe', () => {
  it('reads a plain 1080p H.264 + AAC mp4', () => {
    expect(parseProbe(mp4([h264, aac]))).toEqual({
      demuxer: 'mov',
      duration: 12.012,
      sizeBytes: 5242880,
      streamCount: 2,
      video: {
        codec: 'h264',
        profile: 'High',
        width: 1920,
        height: 1080,
        displayWidth: 1920,
        displayHeight: 1080,
        rotation: 0,
        sampleAspectRatio: '1:1',
        frameRate: 29.97,
        pixelFormat: 'yuv420p',
        bitDepth: 8,
        colorTransfer: 'bt709',
        colorPrimaries: 'bt709',
        colorSpace: 'bt709',
        colorRange: 'tv',
        fieldOrder: 'progressive',
      },
      audio: { codec: 'aac', channels: 2, sampleRate: 48000 },
      subtitles: [],
    });
  });

  it('lists subtitle streams with their index, codec and tags', () => {
    const subs: FfprobeStream[] = [
      { index: 2, codec_type: 'subtitle', codec_name: 'mov_text', tags: { language: 'eng', title: 'English SDH' } },
      { index: 3, codec_type: 'subtitle', codec_name: 'hdmv_pgs_subtitle' },
    ];
    expect(parseProbe(mp4([h264, aac, ...subs])).subtitles).toEqual([
      { index: 2, codec: 'mov_text', language: 'eng', title: 'English SDH' },
      { index: 3, codec: 'hdmv_pgs_subtitle', language: null, title: null },
    ]);
  });

  it.each([
    ['a phone portrait clip (display matrix -90, ffmpeg ≥ 5)', { side_data_list: displayMatrix(-90) }, 90, 1080, 1920],
    ['the display matrix the other way round', { side_data_list: displayMatrix(90) }, 270, 1080, 1920],
    ['upside down', { side_data_list: displayMatrix(180) }, 180, 1920, 1080],
    ['the old rotate tag (ffmpeg ≤ 4)', { tags: { rotate: '90' } }, 90, 1080, 1920],
    ['the display matrix wins over a stale tag', { tags: { rotate: '90' }, side_data_list: displayMatrix(0) }, 0, 1920, 1080],
    ['anamorphic PAL 16:9 (SAR 64:45)', { width: 720, height: 576, sample_aspect_ratio: '64:45' }, 0, 1024, 576],
    ['anamorphic and rotated: SAR first, then the swap', { width: 720, height: 576, sample_aspect_ratio: '64:45', tags: { rotate: '270' } }, 270, 576, 1024],
    ['an unknown SAR (0:1) counts as square', { sample_aspect_ratio: '0:1' }, 0, 1920, 1080],
  ])('display size of %s', (_name, overrides, rotation, displayWidth, displayHeight) => {
    const { video } = parseProbe(mp4([{ ...h264, ...overrides } as FfprobeStream]));
    expect({ rotation: video.rotation, displayWidth: video.displayWidth, displayHeight: video.displayHeight }).toEqual({
      rotation,
      displayWidth,
      displayHeight,
    });
  });

  it.each([
    ['avg_frame_rate when present', { avg_frame_rate: '24000/1001', r_frame_rate: '24/1' }, 23.976],
    ['r_frame_rate when avg is 0/0 (some mkv/webm)', { avg_frame_rate: '0/0', r_frame_rate: '25/1' }, 25],
    ['a VFR phone clip keeps its average', { avg_frame_rate: '1373700/45947', r_frame_rate: '30/1' }, 29.897],
  ])('frame rate from %s', (_name, overrides, frameRate) => {
    expect(parseProbe(mp4([{ ...h264, ...overrides }])).video.frameRate).toBe(frameRate);
  });

  it.each([
    ['8-bit yuv420p', { pix_fmt: 'yuv420p', bits_per_raw_sample: '8' }, 8],
    ['10-bit HEVC without bits_per_raw_sample', { codec_name: 'hevc', pix_fmt: 'yuv420p10le', bits_per_raw_sample: undefined }, 10],
    ['12-bit from bits_per_raw_sample', { pix_fmt: 'gbrp', bits_per_raw_sample: '12' }, 12],
  ])('bit depth of %s', (_name, overrides, bitDepth) => {
    expect(parseProbe(mp4([{ ...h264, ...overrides }])).video.bitDepth).toBe(bitDepth);
  });

  const untagged = { color_range: undefined, color_space: undefined, color_transfer: undefined, color_primaries: undefined, field_order: undefined };
  it.each([
    [
      'an HDR10 phone clip (PQ, BT.2020, 10-bit HEVC)',
      { codec_name: 'hevc', pix_fmt: 'yuv420p10le', color_transfer: 'smpte2084', color_primaries: 'bt2020', color_space: 'bt2020nc' },
      { colorTransfer: 'smpte2084', colorPrimaries: 'bt2020', colorSpace: 'bt2020nc', colorRange: 'tv', fieldOrder: 'progressive' },
    ],
    [
      'an iPhone HLG clip',
      { codec_name: 'hevc', pix_fmt: 'yuv420p10le', color_transfer: 'arib-std-b67', color_primaries: 'bt2020', color_space: 'bt2020nc' },
      { colorTransfer: 'arib-std-b67', colorPrimaries: 'bt2020', colorSpace: 'bt2020nc', colorRange: 'tv', fieldOrder: 'progressive' },
    ],
    [
      'a full-range camera clip (yuvj420p)',
      { pix_fmt: 'yuvj420p', color_range: 'pc', color_space: 'bt470bg', color_transfer: undefined, color_primaries: undefined },
      { colorTransfer: 'unknown', colorPrimaries: 'unknown', colorSpace: 'bt470bg', colorRange: 'pc', fieldOrder: 'progressive' },
    ],
    [
      'an AVCHD 1080i recording (top field first)',
      { ...untagged, field_order: 'tt' },
      { colorTransfer: 'unknown', colorPrimaries: 'unknown', colorSpace: 'unknown', colorRange: 'unknown', fieldOrder: 'tt' },
    ],
    [
      'a stream that says nothing about colour or fields',
      untagged,
      { colorTransfer: 'unknown', colorPrimaries: 'unknown', colorSpace: 'unknown', colorRange: 'unknown', fieldOrder: 'unknown' },
    ],
  ])('colour and fields of %s', (_name, overrides, expected) => {
    const { video } = parseProbe(mp4([{ ...h264, ...overrides }]));
    const { colorTransfer, colorPrimaries, colorSpace, colorRange, fieldOrder } = video;
    expect({ colorTransfer, colorPrimaries, colorSpace, colorRange, fieldOrder }).toEqual(expected);
  });

  it('ignores cover art and takes the first real video and audio streams', () => {
    const cover: FfprobeStream = { ...h264, index: 0, codec_name: 'mjpeg', width: 600, height: 600, disposition: { attached_pic: 1 } };
    const probe = parseProbe(mp4([cover, aac, { ...h264, index: 2 }, { ...aac, index: 3, channels: 6 }]));
    expect(probe.video.codec).toBe('h264');
    expect(probe.audio).toEqual({ codec: 'aac', channels: 2, sampleRate: 48000 });
  });

  it('reports no audio as null', () => {
    expect(parseProbe(mp4([h264])).audio).toBeNull();
  });

  it('takes the video duration when the container has none', () => {
    expect(parseProbe({ streams: [h264], format: { format_name: 'matroska,webm' } }).duration).toBe(12.012);
  });

  it.each([
    ['an audio-only m4a', mp4([aac]), ProcessingFailure.NoVideoStream, /no video stream \(it only has audio\)/],
    ['an mp3 with cover art', mp4([{ ...aac, codec_name: 'mp3' }, { ...h264, codec_name: 'mjpeg', disposition: { attached_pic: 1 } }]), ProcessingFailure.NoVideoStream, /only has audio and cover art\)/],
    ['a subtitles-only mkv', mp4([{ codec_type: 'subtitle', codec_name: 'subrip' }]), ProcessingFailure.NoVideoStream, /only has subtitle/],
    ['no streams at all', mp4([]), ProcessingFailure.NoVideoStream, /no video stream;/],
    ['a zero frame rate', mp4([{ ...h264, avg_frame_rate: '0/0', r_frame_rate: '0/0' }]), ProcessingFailure.ZeroFrameRate, /no frame rate/],
    ['a missing duration', { streams: [{ ...h264, duration: undefined }], format: { format_name: 'matroska,webm' } }, ProcessingFailure.TruncatedFile, /truncated/],
    ['an HLS playlist', { streams: [h264], format: { format_name: 'hls', duration: '2' } }, ProcessingFailure.UnsupportedContainer, /not in a video container/],
    ['a concat list', { streams: [h264], format: { format_name: 'concat', duration: '2' } }, ProcessingFailure.UnsupportedContainer, /playlists, image sequences/],
    ['an image sequence', { streams: [h264], format: { format_name: 'image2', duration: '2' } }, ProcessingFailure.UnsupportedContainer, /refused/],
    ['a video stream without size', mp4([{ ...h264, width: 0, height: 0 }]), ProcessingFailure.UnreadableContainer, /no picture size/],
  ])('rejects %s', (_name, output, failure, message) => {
    let error: unknown;
    try {
      parseProbe(output);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProcessingError);
    expect(error).toMatchObject({ failure, message: expect.stringMatching(message) });
  });
});
