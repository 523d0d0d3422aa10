import { inputArgs } from '../ffmpeg/input-args';
import type { StoryboardPlan } from './storyboard-plan';
import { SPRITE_FFMPEG_PATTERN } from './storyboard-layout';

export interface StoryboardJob {
  /** A rendition as one fragmented MP4 (init segment then media segments). */
  inputPath: string;
  /** Absolute folder that receives the sheets. */
  outputDir: string;
  plan: StoryboardPlan;
}

/**
 * One pass over the video: `select` keeps the first frame at or after each multiple of the
 * interval (`selected_n` counts those kept so far, so there is no drift), `scale` shrinks it and
 * `tile` lays them out, flushing a part-filled last sheet at the end. `setpts` numbers the sheets
 * 0, 1, 2 … at the tiled rate, so the image2 muxer, which keeps a constant rate, writes each
 * once (`-fps_mode` would say so directly, but the 2018 ffmpeg on npm lacks it and newer ones
 * deprecate `-vsync`). `-frames:v` stops at the planned sheets should a frame fall past the plan.
 */
export function buildStoryboardArgs(job: StoryboardJob): string[] {
  const { plan } = job;
  const filters = [`select='gte(t\\,selected_n*${plan.interval})'`, `scale=${plan.width}:${plan.height}`, 'setsar=1', `tile=${plan.columns}x${plan.rows}`, 'setpts=N/FRAME_RATE/TB'];
  return [
    ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error'],
    ...inputArgs(job.inputPath, 'mov'),
    ...['-map', '0:v:0', '-vf', filters.join(','), '-frames:v', String(plan.sheets)],
    ...['-q:v', '4', '-map_metadata', '-1', '-start_number', '0', '-f', 'image2', `${job.outputDir}/${SPRITE_FFMPEG_PATTERN}`],
  ];
}
