import type { Rung } from '@cmm/media-rules';
import { codecDetailsArgs, probeArgs } from '../ffmpeg/ffprobe-args';
import { outputFrameRate } from '../ffmpeg/frame-rate';
import { buildEncodeArgs, buildPosterArgs } from './ffmpeg-args';

const r240: Rung = { label: '240p', height: 240, width: 320, crf: 21, maxrateKbps: 400, bufsizeKbps: 800, audioKbps: 64 };
const r144: Rung = { label: '144p', height: 144, width: 192, crf: 21, maxrateKbps: 200, bufsizeKbps: 400, audioKbps: 64 };
const r720: Rung = { label: '720p', height: 720, width: 1280, crf: 22, maxrateKbps: 2800, bufsizeKbps: 5600, audioKbps: 128 };

const rungArgs = (r: Rung, i: number, gop: string, d: string, profile: string) => [
  ...['-map', `[v${i}]`, '-map', '0:a:0?'],
  ...['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', profile, '-pix_fmt', 'yuv420p'],
  ...['-crf', String(r.crf), '-maxrate', `${r.maxrateKbps}k`, '-bufsize', `${r.bufsizeKbps}k`],
  ...['-g', gop, '-keyint_min', gop, '-sc_threshold', '0', '-force_key_frames', `expr:gte(t,n_forced*${d})`],
  ...['-c:a', 'aac', '-b:a', `${r.audioKbps}k`, '-ac', '2'],
  ...['-map_metadata', '-1', '-dn', '-sn', '-max_muxing_queue_size', '1024'],
  ...['-f', 'hls', '-hls_time', d, '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4'],
  ...['-hls_flags', 'independent_segments+temp_file', '-hls_fmp4_init_filename', 'init.mp4'],
  ...['-hls_segment_filename', `/media/p/.work/${r.label}/segment_%05d.m4s`, `/media/p/.work/${r.label}/playlist.m3u8`],
];
const head = [
  ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-progress', 'pipe:1', '-nostats'],
  ...['-protocol_whitelist', 'file', '-format_whitelist', 'mov,matroska,avi,mpegts,flv,ogg', '-f', 'mov', '-i', 'file:/media/p/source/clip.mp4'],
];

describe('buildEncodeArgs', () => {
  it.each([
    [
      'two rungs at 25 fps, 4 s segments: one decode, split in two, one HLS output each',
      [r240, r144],
      25,
      4,
      '[0:v:0]fps=25,split=2[s0][s1];[s0]scale=320:240,setsar=1,format=yuv420p[v0];[s1]scale=192:144,setsar=1,format=yuv420p[v1]',
      [...rungArgs(r240, 0, '100', '4', 'main'), ...rungArgs(r144, 1, '100', '4', 'main')],
    ],
    [
      'a single rung at 23.976 fps keeps the exact NTSC rate; the GOP rounds up',
      [r720],
      23.976,
      2,
      '[0:v:0]fps=24000/1001,split=1[s0];[s0]scale=1280:720,setsar=1,format=yuv420p[v0]',
      rungArgs(r720, 0, '48', '2', 'high'),
    ],
    [
      '120 fps is halved to 60 and 6 s segments hold 360 frames',
      [r720],
      120,
      6,
      '[0:v:0]fps=60,split=1[s0];[s0]scale=1280:720,setsar=1,format=yuv420p[v0]',
      rungArgs(r720, 0, '360', '6', 'high'),
    ],
  ])('%s', (_name, rungs, frameRate, segmentDuration, graph, outputs) => {
    expect(buildEncodeArgs({ inputPath: '/media/p/source/clip.mp4', demuxer: 'mov', outputDir: '/media/p/.work', rungs, segmentDuration, fps: outputFrameRate(frameRate) })).toEqual([
      ...head,
      '-filter_complex',
      graph,
      ...outputs,
    ]);
  });
});

describe('buildPosterArgs', () => {
  it.each([
    ['a long video at a tenth of its length, scaled to 640 wide', 120, { width: 1920, height: 1080 }, '12.000', 'scale=640:360,setsar=1'],
    ['a short clip at 1 s', 6, { width: 320, height: 240 }, '1.000', 'scale=320:240,setsar=1'],
    ['a clip under 2 s half way in', 1.5, { width: 320, height: 240 }, '0.750', 'scale=320:240,setsar=1'],
    ['a portrait (rotated) source by its display size', 30, { width: 1080, height: 1920 }, '3.000', 'scale=640:1138,setsar=1'],
    ['odd display sizes become even', 10, { width: 321, height: 241 }, '1.000', 'scale=322:242,setsar=1'],
  ])('%s', (_name, duration, display, at, filter) => {
    expect(buildPosterArgs({ inputPath: '/in.mp4', demuxer: 'mov', outputPath: '/out/poster.jpg', duration, display })).toEqual([
      ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-ss', at],
      ...['-protocol_whitelist', 'file', '-format_whitelist', 'mov,matroska,avi,mpegts,flv,ogg', '-f', 'mov', '-i', 'file:/in.mp4'],
      ...['-frames:v', '1', '-vf', filter, '-q:v', '3', '-map_metadata', '-1', '-f', 'image2', '/out/poster.jpg'],
    ]);
  });
});

describe('every ffmpeg and ffprobe call', () => {
  const calls: [string, string[]][] = [
    ['encode', buildEncodeArgs({ inputPath: '/m/p/source/a.mkv', demuxer: 'matroska', outputDir: '/m/p/.work', rungs: [r720], segmentDuration: 4, fps: '30' })],
    ['poster', buildPosterArgs({ inputPath: '/m/p/source/a.mkv', demuxer: 'matroska', outputPath: '/m/p/poster.jpg', duration: 20, display: { width: 1280, height: 720 } })],
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

  it.each(calls.slice(0, 2))('%s opens the probed demuxer, so nothing is re-detected', (_name, args) => {
    expect(args[args.indexOf('-i') - 1]).toBe('matroska');
    expect(args[args.indexOf('-i') - 2]).toBe('-f');
  });
});
