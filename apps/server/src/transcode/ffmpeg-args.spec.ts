import type { Rung } from '@cmm/media-rules';
import { codecDetailsArgs, probeArgs } from '../ffmpeg/ffprobe-args';
import { outputFrameRate } from '../ffmpeg/frame-rate';
import { planStoryboard } from '../storyboard/storyboard-plan';
import { buildEncodeArgs, keyFrameSchedule, leadInBoundaries, planPoster, scaleSources, Stills } from './ffmpeg-args';
import type { SourcePicture } from './picture-filters';

const r240: Rung = { label: '240p', height: 240, width: 320, crf: 21, maxrateKbps: 400, bufsizeKbps: 800, audioKbps: 64 };
const r144: Rung = { label: '144p', height: 144, width: 192, crf: 21, maxrateKbps: 200, bufsizeKbps: 400, audioKbps: 64 };
const r720: Rung = { label: '720p', height: 720, width: 1280, crf: 22, maxrateKbps: 2800, bufsizeKbps: 5600, audioKbps: 128 };

const sdr: SourcePicture = { codec: 'h264', colorTransfer: 'bt709', colorRange: 'tv', fieldOrder: 'progressive' };
const zimg = { toneMapping: true };
const noZimg = { toneMapping: false };

/** Key frames at 0, 1, 2 s then every 4 s; `-hls_time 1` cuts at each. */
const keys4 = 'expr:gte(t,if(lte(n_forced,2),if(n_forced,pow(2,n_forced-1),0),4*(n_forced-2)))';

const profile = (r: Rung) => (r.height > 360 ? 'high' : 'main');
const x264Params = (r: Rung) => (r.width * r.height > 854 * 480 ? 'trellis=1:bframes=2:me=dia' : 'trellis=1:subme=5:ref=2:bframes=2:me=dia');
/** Everything after the filter graph: maps, per-rung video settings, one audio encode per bitrate, one tee slave per rung. */
const outputArgs = (rungs: Rung[], gop: string, keys: string, colourTags: string[] = []) => {
  const rates = [...new Set(rungs.map((r) => r.audioKbps))];
  const slave = (r: Rung, i: number) =>
    `[select=v\\\\:${i},a\\\\:${rates.indexOf(r.audioKbps)}:f=hls:hls_time=1:hls_playlist_type=event:hls_segment_type=fmp4:hls_flags=independent_segments+temp_file` +
    `:hls_fmp4_init_filename=init.mp4:hls_segment_filename=/media/p/.work/${r.label}/segment_%05d.m4s]/media/p/.work/${r.label}/.encoder.m3u8`;
  return [
    ...rungs.flatMap((_, i) => ['-map', `[v${i}]`]),
    ...rates.flatMap(() => ['-map', '0:a:0?']),
    ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', ...colourTags],
    ...rungs.flatMap((r, i) => [`-profile:v:${i}`, profile(r), `-x264-params:v:${i}`, x264Params(r), `-crf:v:${i}`, String(r.crf), `-maxrate:v:${i}`, `${r.maxrateKbps}k`, `-bufsize:v:${i}`, `${r.bufsizeKbps}k`]),
    ...['-g', gop, '-keyint_min', gop, '-sc_threshold', '0', '-force_key_frames', keys],
    ...['-c:a', 'aac', '-ac', '2', ...rates.flatMap((kbps, j) => [`-b:a:${j}`, `${kbps}k`])],
    ...['-flags', '+global_header', '-map_metadata', '-1', '-dn', '-sn', '-max_muxing_queue_size', '1024'],
    ...['-f', 'tee', rungs.map(slave).join('|')],
    ...stillOutputs,
  ];
};
const head = [
  ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats'],
  ...['-protocol_whitelist', 'file', '-format_whitelist', 'mov,matroska,avi,mpegts,flv,ogg', '-f', 'mov', '-i', 'file:/media/p/source/clip.mp4'],
];

/** A 20 s clip's poster at 2 s and its storyboard's ten 160 × 120 thumbnails. */
const stills: Stills = {
  posterPattern: '/media/p/.work/poster_%d.jpg',
  poster: { at: 2, width: 320, height: 240 },
  thumbnailsPath: '/media/p/.work/storyboard/thumbnails.yuv',
  storyboard: planStoryboard(20, 320, 240),
};
/** The ladder's graph, then the poster's and the storyboard's branches, fed from the split pads named `[poster]` and `[storyboard]`. */
const withStills = (ladder: string) =>
  `${ladder};[poster]setpts=PTS-STARTPTS,select='eq(n\\,0)+eq(selected_n\\,1)*gte(t\\,2.000)',scale=320:240,setsar=1,setpts=N/FRAME_RATE/TB[posterOut]` +
  `;[storyboard]setpts=PTS-STARTPTS,select='lt(selected_n\\,10)*gte(t\\,selected_n*2)',scale=160:120,setsar=1,format=yuv420p,setpts=N/FRAME_RATE/TB[storyboardOut]`;
const stillOutputs = [
  ...['-map', '[posterOut]', '-q:v', '3', '-map_metadata', '-1', '-start_number', '0', '-f', 'image2', '/media/p/.work/poster_%d.jpg'],
  ...['-map', '[storyboardOut]', '-c:v', 'rawvideo', '-pix_fmt', 'yuv420p', '-map_metadata', '-1', '-f', 'rawvideo', '/media/p/.work/storyboard/thumbnails.yuv'],
];

describe('keyFrameSchedule', () => {
  it.each([
    ['4 s segments: cut at 1, 2, then every 4 s', 4, [1, 2], keys4, 1],
    ['2 s segments: a 1 s lead-in', 2, [1], 'expr:gte(t,if(lte(n_forced,1),if(n_forced,pow(2,n_forced-1),0),2*(n_forced-1)))', 1],
    ['10 s segments: 1, 2, 4, then every 10 s', 10, [1, 2, 4], 'expr:gte(t,if(lte(n_forced,3),if(n_forced,pow(2,n_forced-1),0),10*(n_forced-3)))', 1],
    ['1.5 s segments are short already: no lead-in', 1.5, [], 'expr:gte(t,n_forced*1.5)', 1.5],
    ['1 s segments: no lead-in', 1, [], 'expr:gte(t,n_forced*1)', 1],
  ])('%s', (_name, segmentDuration, lead, forceKeyFrames, hlsTime) => {
    expect(leadInBoundaries(segmentDuration)).toEqual(lead);
    expect(keyFrameSchedule(segmentDuration)).toEqual({ forceKeyFrames, hlsTime });
  });
});

describe('buildEncodeArgs', () => {
  it.each([
    [
      'two rungs at 25 fps, 4 s segments: one decode, the small rung scaled from the large one, one audio encode, one HLS slave each',
      [r240, r144],
      25,
      4,
      withStills('[0:v:0]fps=25,split=1[s0];[s0]scale=320:240,setsar=1,format=yuv420p,split=3[v0][c1][poster];[c1]scale=192:144,setsar=1,format=yuv420p,split=2[v1][storyboard]'),
      outputArgs([r240, r144], '100', keys4),
    ],
    [
      'a single rung at 23.976 fps keeps the exact NTSC rate; the GOP rounds up',
      [r720],
      23.976,
      2,
      withStills('[0:v:0]fps=24000/1001,split=1[s0];[s0]scale=1280:720,setsar=1,format=yuv420p,split=3[v0][poster][storyboard]'),
      outputArgs([r720], '48', 'expr:gte(t,if(lte(n_forced,1),if(n_forced,pow(2,n_forced-1),0),2*(n_forced-1)))'),
    ],
    [
      '120 fps is halved to 60 and 6 s segments hold 360 frames',
      [r720],
      120,
      6,
      withStills('[0:v:0]fps=60,split=1[s0];[s0]scale=1280:720,setsar=1,format=yuv420p,split=3[v0][poster][storyboard]'),
      outputArgs([r720], '360', 'expr:gte(t,if(lte(n_forced,2),if(n_forced,pow(2,n_forced-1),0),6*(n_forced-2)))'),
    ],
  ])('%s', (_name, rungs, frameRate, segmentDuration, graph, outputs) => {
    const job = { inputPath: '/media/p/source/clip.mp4', demuxer: 'mov' as const, outputDir: '/media/p/.work', rungs, segmentDuration, fps: outputFrameRate(frameRate), stills };
    expect(buildEncodeArgs({ ...job, picture: sdr, capabilities: zimg })).toEqual([
      ...head,
      '-filter_complex',
      graph,
      ...outputs,
    ]);
  });
});

describe('scaleSources', () => {
  const size = (width: number, height: number) => ({ width, height });
  it.each([
    ['a single rung reads the source', [size(1280, 720)], [-1]],
    ['1080/720/480/360: 720p from 1080p, 480p and 360p from 720p (480p is only 1.33 times 360p)', [size(1920, 1080), size(1280, 720), size(854, 480), size(640, 360)], [-1, 0, 1, 1]],
    ['rungs closer than 1.5 times read the source: 540p does, 480p (1.5 times below 720p) does not', [size(1280, 720), size(960, 540), size(854, 480)], [-1, -1, 0]],
    ['the smallest larger rung that is far enough is chosen', [size(1920, 1080), size(1280, 720), size(640, 360), size(426, 240)], [-1, 0, 1, 2]],
    ['portrait rungs compare both sides', [size(1080, 1920), size(720, 1280), size(480, 854)], [-1, 0, 1]],
    ['a wider rung below a narrower one: the smaller of the two ratios counts', [size(1280, 720), size(1120, 480)], [-1, -1]],
  ])('%s', (_name, rungs, sources) => {
    expect(scaleSources(rungs)).toEqual(sources);
  });

  it('gives the source scale options (full range) only to rungs scaled from the source', () => {
    const job = { inputPath: '/m/p/source/a.mp4', demuxer: 'mov' as const, outputDir: '/m/p/.work', rungs: [r720, r240], segmentDuration: 4, fps: '25', stills };
    const args = buildEncodeArgs({ ...job, picture: { ...sdr, colorRange: 'pc' }, capabilities: zimg });
    expect(args[args.indexOf('-filter_complex') + 1]).toBe(
      withStills('[0:v:0]fps=25,split=1[s0];[s0]scale=1280:720:in_range=pc,setsar=1,format=yuv420p,split=3[v0][c1][poster];[c1]scale=320:240,setsar=1,format=yuv420p,split=2[v1][storyboard]'),
    );
  });
});

describe('buildEncodeArgs outputs', () => {
  it('encodes the audio once per bitrate the ladder uses and gives each rung folder its video and its audio', () => {
    const job = { inputPath: '/media/p/source/clip.mp4', demuxer: 'mov' as const, outputDir: '/media/p/.work', rungs: [r720, r240, r144], segmentDuration: 4, fps: '25', stills };
    const args = buildEncodeArgs({ ...job, picture: sdr, capabilities: zimg });
    expect(args.slice(args.indexOf('-filter_complex') + 2)).toEqual([
      ...['-map', '[v0]', '-map', '[v1]', '-map', '[v2]', '-map', '0:a:0?', '-map', '0:a:0?'],
      ...['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p'],
      ...['-profile:v:0', 'high', '-x264-params:v:0', 'trellis=1:bframes=2:me=dia', '-crf:v:0', '22', '-maxrate:v:0', '2800k', '-bufsize:v:0', '5600k'],
      ...['-profile:v:1', 'main', '-x264-params:v:1', 'trellis=1:subme=5:ref=2:bframes=2:me=dia', '-crf:v:1', '21', '-maxrate:v:1', '400k', '-bufsize:v:1', '800k'],
      ...['-profile:v:2', 'main', '-x264-params:v:2', 'trellis=1:subme=5:ref=2:bframes=2:me=dia', '-crf:v:2', '21', '-maxrate:v:2', '200k', '-bufsize:v:2', '400k'],
      ...['-g', '100', '-keyint_min', '100', '-sc_threshold', '0', '-force_key_frames', keys4],
      ...['-c:a', 'aac', '-ac', '2', '-b:a:0', '128k', '-b:a:1', '64k'],
      ...['-flags', '+global_header', '-map_metadata', '-1', '-dn', '-sn', '-max_muxing_queue_size', '1024'],
      '-f',
      'tee',
      [
        '[select=v\\\\:0,a\\\\:0:f=hls:hls_time=1:hls_playlist_type=event:hls_segment_type=fmp4:hls_flags=independent_segments+temp_file:hls_fmp4_init_filename=init.mp4:hls_segment_filename=/media/p/.work/720p/segment_%05d.m4s]/media/p/.work/720p/.encoder.m3u8',
        '[select=v\\\\:1,a\\\\:1:f=hls:hls_time=1:hls_playlist_type=event:hls_segment_type=fmp4:hls_flags=independent_segments+temp_file:hls_fmp4_init_filename=init.mp4:hls_segment_filename=/media/p/.work/240p/segment_%05d.m4s]/media/p/.work/240p/.encoder.m3u8',
        '[select=v\\\\:2,a\\\\:1:f=hls:hls_time=1:hls_playlist_type=event:hls_segment_type=fmp4:hls_flags=independent_segments+temp_file:hls_fmp4_init_filename=init.mp4:hls_segment_filename=/media/p/.work/144p/segment_%05d.m4s]/media/p/.work/144p/.encoder.m3u8',
      ].join('|'),
      ...stillOutputs,
    ]);
  });
});

describe('x264 effort per rung', () => {
  const rung = (width: number, height: number): Rung => ({ label: `${height}p`, height, width, crf: 22, maxrateKbps: 1000, bufsizeKbps: 2000, audioKbps: 128 });
  it.each([
    ['1080p: the preset plus trellis, two B-frames, diamond search', rung(1920, 1080), 'trellis=1:bframes=2:me=dia'],
    ['720p: the preset plus trellis, two B-frames, diamond search', rung(1280, 720), 'trellis=1:bframes=2:me=dia'],
    ['480p, cheap to encode: also finer sub-pixel refinement and two reference frames', rung(854, 480), 'trellis=1:subme=5:ref=2:bframes=2:me=dia'],
    ['a portrait 480x854 rung counts its pixels, not its height', rung(480, 854), 'trellis=1:subme=5:ref=2:bframes=2:me=dia'],
    ['a 4:3 640x480 rung', rung(640, 480), 'trellis=1:subme=5:ref=2:bframes=2:me=dia'],
    ['a 21:9 1120x480 rung has more pixels than 480p', rung(1120, 480), 'trellis=1:bframes=2:me=dia'],
  ])('%s', (_name, r, params) => {
    const job = { inputPath: '/m/p/source/a.mp4', demuxer: 'mov' as const, outputDir: '/m/p/.work', rungs: [r], segmentDuration: 4, fps: '30', stills };
    const args = buildEncodeArgs({ ...job, picture: sdr, capabilities: zimg });
    expect(args[args.indexOf('-x264-params:v:0') + 1]).toBe(params);
  });
});

describe('buildEncodeArgs per kind of source', () => {
  const bt709 = ['-color_primaries', 'bt709', '-color_trc', 'bt709', '-colorspace', 'bt709', '-color_range', 'tv'];
  const scales = '[s0]scale=320:240,setsar=1,format=yuv420p,split=3[v0][poster][storyboard]';
  const toneMapPq = 'zscale=tin=smpte2084:pin=bt2020:min=bt2020nc:rin=tv:t=linear:npl=100,format=gbrpf32le,zscale=p=bt709,tonemap=hable:desat=0,zscale=t=bt709:m=bt709:r=tv,format=yuv420p';
  const toneMapHlg = toneMapPq.replace('tin=smpte2084', 'tin=arib-std-b67');
  const bwdif = 'bwdif=mode=send_frame:parity=auto:deint=all';
  const kinds: [string, Partial<SourcePicture>, { toneMapping: boolean }, string, string[]][] = [
    ['SDR BT.709: nothing added', {}, zimg, `[0:v:0]fps=25,split=1[s0];${scales}`, []],
    ['an untagged old clip (MPEG-4 Part 2 in AVI)', { codec: 'mpeg4', colorTransfer: 'unknown', colorRange: 'unknown', fieldOrder: 'unknown' }, zimg, `[0:v:0]fps=25,split=1[s0];${scales}`, []],
    ['AVCHD 1080i, top field first: deinterlaced before fps', { fieldOrder: 'tt' }, zimg, `[0:v:0]${bwdif},fps=25,split=1[s0];${scales}`, []],
    ['PAL DV, which reports no field order: deinterlaced', { codec: 'dvvideo', fieldOrder: 'unknown' }, zimg, `[0:v:0]${bwdif},fps=25,split=1[s0];${scales}`, []],
    ['full range (yuvj420p, or a full-range yuv420p): read as such by every scale', { colorRange: 'pc' }, zimg, '[0:v:0]fps=25,split=1[s0];[s0]scale=320:240:in_range=pc,setsar=1,format=yuv420p,split=3[v0][poster][storyboard]', []],
    ['HDR10 (PQ) with zscale: tone-mapped after fps, tagged BT.709', { colorTransfer: 'smpte2084' }, zimg, `[0:v:0]fps=25,${toneMapPq},split=1[s0];${scales}`, bt709],
    ['HLG with zscale: tone-mapped from the HLG curve', { colorTransfer: 'arib-std-b67' }, zimg, `[0:v:0]fps=25,${toneMapHlg},split=1[s0];${scales}`, bt709],
    ['full-range HDR10: the range goes to zscale, not to the scales', { colorTransfer: 'smpte2084', colorRange: 'pc' }, zimg, `[0:v:0]fps=25,${toneMapPq.replace('rin=tv', 'rin=pc')},split=1[s0];${scales}`, bt709],
    [
      'HDR10 without zscale: colorspace, read as BT.2020 SDR',
      { colorTransfer: 'smpte2084' },
      noZimg,
      `[0:v:0]fps=25,colorspace=ispace=bt2020nc:iprimaries=bt2020:itrc=bt2020-10:irange=tv:all=bt709:range=tv:format=yuv420p,split=1[s0];${scales}`,
      bt709,
    ],
    [
      'interlaced full-range HLG without zscale (a broadcast capture)',
      { colorTransfer: 'arib-std-b67', colorRange: 'pc', fieldOrder: 'bb' },
      noZimg,
      `[0:v:0]${bwdif},fps=25,colorspace=ispace=bt2020nc:iprimaries=bt2020:itrc=bt2020-10:irange=pc:all=bt709:range=tv:format=yuv420p,split=1[s0];${scales}`,
      bt709,
    ],
    ['SDR BT.709 on a build without zscale: nothing added', {}, noZimg, `[0:v:0]fps=25,split=1[s0];${scales}`, []],
  ];

  it.each(kinds)('%s', (_name, picture, capabilities, graph, colourTags) => {
    const job = { inputPath: '/media/p/source/clip.mp4', demuxer: 'mov' as const, outputDir: '/media/p/.work', rungs: [r240], segmentDuration: 4, fps: '25', stills };
    expect(buildEncodeArgs({ ...job, picture: { ...sdr, ...picture }, capabilities })).toEqual([
      ...head,
      '-filter_complex',
      withStills(graph),
      ...outputArgs([r240], '100', keys4, colourTags),
    ]);
  });
});

describe('planPoster', () => {
  it.each([
    ['a long video at a tenth of its length, 640 wide', 120, { width: 1920, height: 1080 }, { at: 12, width: 640, height: 360 }],
    ['a short clip at 1 s', 6, { width: 320, height: 240 }, { at: 1, width: 320, height: 240 }],
    ['a clip under 2 s half way in', 1.5, { width: 320, height: 240 }, { at: 0.75, width: 320, height: 240 }],
    ['a portrait (rotated) source by its display size', 30, { width: 1080, height: 1920 }, { at: 3, width: 640, height: 1138 }],
    ['odd display sizes become even', 10, { width: 321, height: 241 }, { at: 1, width: 322, height: 242 }],
  ])('%s', (_name, duration, display, plan) => {
    expect(planPoster(duration, display)).toEqual(plan);
  });
});

describe('every ffmpeg and ffprobe call', () => {
  const calls: [string, string[]][] = [
    ['encode', buildEncodeArgs({ inputPath: '/m/p/source/a.mkv', demuxer: 'matroska', outputDir: '/m/p/.work', rungs: [r720], segmentDuration: 4, fps: '30', picture: sdr, capabilities: zimg, stills })],
    ['probe', probeArgs('/m/p/source/a.mkv')],
    ['codec probe', codecDetailsArgs('/m/p/.work/720p/init.mp4')],
  ];

  it.each(calls)('%s reads its input as a local file through an allowed demuxer only', (_name, args) => {
    const input = args.indexOf('-i');
    expect(args[input + 1]).toMatch(/^file:\//);
    expect(args.slice(0, input)).toEqual(expect.arrayContaining(['-protocol_whitelist', 'file', '-format_whitelist', 'mov,matroska,avi,mpegts,flv,ogg']));
    expect(args[args.indexOf('-protocol_whitelist') + 1]).toBe('file');
  });

  it.each(calls)('%s never loosens ffmpeg’s own checks', (_name, args) => {
    const text = ` ${args.join(' ')} `;
    for (const loosening of [' -safe 0 ', ' -allowed_extensions ALL ', ' -extension_picky 0 ', ' -enable_drefs 1 ']) expect(text).not.toContain(loosening);
  });

  it.each(calls.slice(0, 1))('%s opens the probed demuxer, so nothing is re-detected', (_name, args) => {
    expect(args[args.indexOf('-i') - 1]).toBe('matroska');
    expect(args[args.indexOf('-i') - 2]).toBe('-f');
  });
});
