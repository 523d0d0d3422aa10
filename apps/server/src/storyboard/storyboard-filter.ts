import type { StoryboardPlan } from './storyboard-plan';

/**
 * The filter chain that turns a picture into storyboard sheets (see storyboard-plan.ts), beside the
 * encode: timestamps from 0, `select` keeps the first frame at or after each multiple of the
 * interval (`selected_n` counts those kept so far, so there is no drift) up to the planned count,
 * `scale` shrinks it and `tile` lays them out, flushing a part-filled last sheet at the end.
 * `setpts` numbers the sheets 0, 1, 2 … at the tiled rate, so the image2 muxer, which keeps a
 * constant rate, writes each once (`-fps_mode` would say so directly, but the 2018 ffmpeg on npm
 * lacks it and newer ones deprecate `-vsync`).
 */
export function storyboardFilter(plan: StoryboardPlan): string {
  return [
    'setpts=PTS-STARTPTS',
    `select='lt(selected_n\\,${plan.count})*gte(t\\,selected_n*${plan.interval})'`,
    `scale=${plan.width}:${plan.height}`,
    'setsar=1',
    `tile=${plan.columns}x${plan.rows}`,
    'setpts=N/FRAME_RATE/TB',
  ].join(',');
}
