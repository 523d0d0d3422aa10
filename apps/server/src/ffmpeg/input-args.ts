/**
 * How every ffmpeg and ffprobe call opens a file: from the local disk only (`file:` and nothing
 * else, so a playlist inside an upload cannot reach other files, URLs or devices), and only
 * through the demuxer of a real video container. Playlists (hls, dash), concat lists, image
 * sequences, lavfi graphs, raw data/tty and subtitle-only formats are never opened: an upload
 * named `.mp4` whose bytes are an HLS playlist would otherwise make ffmpeg read whatever it names.
 * (The storyboard's sheets pass reads no upload but the encode's own raw frames: see
 * `buildSheetsArgs`.)
 */

/** ffmpeg's names of the demuxers uploads may be read with: MP4/MOV, Matroska/WebM, AVI, MPEG-TS, FLV, Ogg. */
export const ALLOWED_DEMUXERS = ['mov', 'matroska', 'avi', 'mpegts', 'flv', 'ogg'] as const;
export type Demuxer = (typeof ALLOWED_DEMUXERS)[number];

/**
 * The allowed demuxer behind ffprobe's `format_name`, which lists a demuxer's aliases
 * (`mov,mp4,m4a,3gp,3g2,mj2`, `matroska,webm`); null for anything else.
 */
export function allowedDemuxer(formatName: string): Demuxer | null {
  const names = formatName.split(',');
  return ALLOWED_DEMUXERS.find((d) => names.includes(d)) ?? null;
}

/**
 * Input options then the input, for ffmpeg and ffprobe alike. Without a demuxer (the first probe)
 * ffmpeg may only pick one of the allowed ones; with one (every later call) nothing is re-detected.
 */
export function inputArgs(absolutePath: string, demuxer?: Demuxer): string[] {
  if (!absolutePath.startsWith('/')) throw new Error(`inputArgs needs an absolute path, got ${absolutePath}`);
  return [
    ...['-protocol_whitelist', 'file', '-format_whitelist', ALLOWED_DEMUXERS.join(',')],
    ...(demuxer ? ['-f', demuxer] : []),
    ...['-i', `file:${absolutePath}`],
  ];
}
