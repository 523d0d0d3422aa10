import type { StoryboardPlan } from './storyboard-plan';
import { SPRITE_FFMPEG_PATTERN } from './storyboard-layout';

/**
 * The storyboard's branch of the encode's graph (see `buildEncodeArgs`), fed the decoded,
 * constant-rate frames: `select` keeps the first frame at or after each multiple of the interval
 * (`selected_n` counts those kept so far, so there is no drift) up to the planned count, `scale`
 * shrinks it and `tile` lays them out, flushing a part-filled last sheet at the end. `setpts`
 * numbers the sheets 0, 1, 2 … at the tiled rate, so the image2 muxer, which keeps a constant
 * rate, writes each once (`-fps_mode` would say so directly, but the 2018 ffmpeg on npm lacks it
 * and newer ones deprecate `-vsync`). The count is bounded in `select`, not by `-frames:v`: that
 * ends one output of a shared graph differently from one ffmpeg version to the next.
 */
export function storyboardFilters(plan: StoryboardPlan, scaleOptions: string): string[] {
  return [
    `select='gte(t\\,selected_n*${plan.interval})*lt(selected_n\\,${plan.count})'`,
    `scale=${plan.width}:${plan.height}${scaleOptions}`,
    'setsar=1',
    `tile=${plan.columns}x${plan.rows}`,
    'setpts=N/FRAME_RATE/TB',
  ];
}

/** The sheets as numbered JPEGs, `sprite_000.jpg` first. */
export function storyboardOutputArgs(outputDir: string): string[] {
  return ['-c:v', 'mjpeg', '-q:v', '4', '-map_metadata', '-1', '-start_number', '0', '-f', 'image2', `${outputDir}/${SPRITE_FFMPEG_PATTERN}`];
}
