import type { StoryboardPlan } from './storyboard-plan';
import { SPRITE_FFMPEG_PATTERN } from './storyboard-layout';

/**
 * The filter chain that picks the storyboard's thumbnails (see storyboard-plan.ts) beside the
 * encode: timestamps from 0, `select` keeps the first frame at or after each multiple of the
 * interval (`selected_n` counts those kept so far, so there is no drift) up to the planned count,
 * and `scale` shrinks it. `setpts` then numbers them 0, 1, 2 …, so an output that keeps a
 * constant rate writes each once (`-fps_mode` would say so directly, but the 2018 ffmpeg on npm
 * lacks it and newer ones deprecate `-vsync`).
 */
export function thumbnailFilter(plan: StoryboardPlan): string {
  return [
    'setpts=PTS-STARTPTS',
    `select='lt(selected_n\\,${plan.count})*gte(t\\,selected_n*${plan.interval})'`,
    `scale=${plan.width}:${plan.height}`,
    'setsar=1',
    'format=yuv420p',
    'setpts=N/FRAME_RATE/TB',
  ].join(',');
}

/**
 * The thumbnails as raw frames, one after another in one file. They are tiled into sheets after
 * the encode (see `buildSheetsArgs`), not by it: ffmpeg prints no progress until every output has
 * had its first frame, and a sheet is whole only after its hundredth thumbnail. The file's size
 * also says how many were picked.
 */
export function thumbnailsOutputArgs(pad: string, path: string): string[] {
  return ['-map', pad, '-c:v', 'rawvideo', '-pix_fmt', 'yuv420p', '-map_metadata', '-1', '-f', 'rawvideo', path];
}

/** Bytes of one raw thumbnail (8-bit 4:2:0, even sizes). */
export const thumbnailBytes = (plan: Pick<StoryboardPlan, 'width' | 'height'>): number => (plan.width * plan.height * 3) / 2;

export interface SheetsJob {
  /** The encode's raw thumbnails, a file of the server's own (see `thumbnailsOutputArgs`). */
  thumbnailsPath: string;
  /** Absolute folder that receives the sheets. */
  outputDir: string;
  /** As fitted to the thumbnails picked. */
  plan: StoryboardPlan;
}

/**
 * The sheets from the raw thumbnails: `tile` lays them out, flushing a part-filled last sheet at
 * the end, and `setpts` numbers the sheets so the image2 muxer writes each once. The input is
 * read as raw video only, from the local disk only; it is never an upload.
 */
export function buildSheetsArgs(job: SheetsJob): string[] {
  const { plan } = job;
  if (!job.thumbnailsPath.startsWith('/')) throw new Error(`buildSheetsArgs needs an absolute path, got ${job.thumbnailsPath}`);
  return [
    ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error'],
    ...['-protocol_whitelist', 'file', '-format_whitelist', 'rawvideo', '-f', 'rawvideo'],
    ...['-pixel_format', 'yuv420p', '-video_size', `${plan.width}x${plan.height}`, '-framerate', '1', '-i', `file:${job.thumbnailsPath}`],
    ...['-vf', `tile=${plan.columns}x${plan.rows},setpts=N/FRAME_RATE/TB`],
    ...['-q:v', '4', '-map_metadata', '-1', '-start_number', '0', '-f', 'image2', `${job.outputDir}/${SPRITE_FFMPEG_PATTERN}`],
  ];
}
