/**
 * How a video's storyboard is laid out: one thumbnail every `interval` seconds, tiled left to
 * right and top to bottom into JPEG sheets of at most SHEET_COLUMNS × SHEET_ROWS.
 */
export interface StoryboardPlan {
  /** Seconds between thumbnails; thumbnail k shows the video at k × interval. */
  interval: number;
  count: number;
  /** One thumbnail's size in pixels; even, so every encoder and player agrees. */
  width: number;
  height: number;
  columns: number;
  /** Rows of each sheet; the last sheet may leave cells empty. */
  rows: number;
  sheets: number;
}

/** Round intervals a viewer can reason about, shortest first; the first that keeps `count` within MAX_THUMBNAILS is used. */
const INTERVALS = [2, 5, 10, 15, 30, 60, 120, 300, 600] as const;
/** Enough to scrub a 4 h video every 2 minutes; more would only add bytes. */
export const MAX_THUMBNAILS = 200;
/** A thumbnail fits in this box (PeerTube and YouTube preview at about this width). */
const BOX = 160;
/**
 * 10 × 10 thumbnails of 160 × 90 make a 1600 × 900 sheet of 100-250 kB: a long video gets a
 * second sheet rather than one tall image, so the first previews arrive after one small request
 * and no sheet nears the decoded-image size mobile browsers refuse.
 */
export const SHEET_COLUMNS = 10;
export const SHEET_ROWS = 10;
/** A video that ends within this of a thumbnail's instant has no frame there to show. */
const LAST_FRAME_MARGIN = 0.05;

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** How many multiples of `interval` (0 included) a video of `duration` seconds has a frame at. */
const instants = (duration: number, interval: number) => Math.max(1, Math.ceil((duration - LAST_FRAME_MARGIN) / interval));

/** The plan for a video of `duration` seconds whose picture is `width` × `height` square pixels. */
export function planStoryboard(duration: number, width: number, height: number): StoryboardPlan {
  const interval = INTERVALS.find((i) => instants(duration, i) <= MAX_THUMBNAILS) ?? INTERVALS[INTERVALS.length - 1];
  const scale = Math.min(1, BOX / Math.max(width, height));
  return { interval, width: even(width * scale), height: even(height * scale), ...sheetLayout(Math.min(instants(duration, interval), MAX_THUMBNAILS)) };
}

/**
 * The plan for the thumbnails the encode picked by `plan` (made from the probed duration): fewer
 * when the video ends before the instants the probe promised, laid out as their own count is.
 */
export function fitStoryboard(plan: StoryboardPlan, picked: number): StoryboardPlan {
  return { ...plan, ...sheetLayout(Math.min(plan.count, picked)) };
}

function sheetLayout(count: number): Pick<StoryboardPlan, 'count' | 'columns' | 'rows' | 'sheets'> {
  const columns = Math.min(SHEET_COLUMNS, count);
  const rows = Math.min(SHEET_ROWS, Math.ceil(count / columns));
  return { count, columns, rows, sheets: Math.ceil(count / (columns * rows)) };
}

/** Where thumbnail `index` is: its sheet and its top-left corner in pixels. */
export function thumbnailCell(plan: StoryboardPlan, index: number): { sheet: number; x: number; y: number } {
  const perSheet = plan.columns * plan.rows;
  const cell = index % perSheet;
  return { sheet: Math.floor(index / perSheet), x: (cell % plan.columns) * plan.width, y: Math.floor(cell / plan.columns) * plan.height };
}
