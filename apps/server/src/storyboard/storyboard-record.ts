import type { StoryboardPlan } from './storyboard-plan';

/** The storyboard as `manifest.json` records it (snake_case; paths relative to the playlist folder). */
export interface StoryboardRecord extends Omit<StoryboardPlan, 'sheets'> {
  vtt: string;
  sprites: string[];
}

export function storyboardRecord(plan: StoryboardPlan, vtt: string, sprites: string[]): StoryboardRecord {
  const { interval, count, width, height, columns, rows } = plan;
  return { vtt, sprites, interval, count, width, height, columns, rows };
}
