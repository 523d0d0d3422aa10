import type { StoryboardPlan } from './storyboard-plan';

/** The storyboard as `manifest.json` records it (snake_case; paths relative to the playlist folder). */
export interface StoryboardRecord {
  vtt: string;
  sprites: string[];
  interval: number;
  count: number;
  width: number;
  height: number;
  columns: number;
  rows: number;
}

export function storyboardRecord(plan: StoryboardPlan, vtt: string, sprites: string[]): StoryboardRecord {
  const { interval, count, width, height, columns, rows } = plan;
  return { vtt, sprites, interval, count, width, height, columns, rows };
}
