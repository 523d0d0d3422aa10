/** One cue of a WebVTT thumbnails track: from `start` to `end` (seconds), the `width` × `height` tile at `x`, `y` of `url`. */
export interface ThumbnailCue {
  start: number;
  end: number;
  /** The sheet, resolved against the track's URL. */
  url: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const TIMING = /^\s*((?:\d+:)?\d{2}:\d{2}\.\d{3})\s+-->\s+((?:\d+:)?\d{2}:\d{2}\.\d{3})/;
const XYWH = /#xywh=(\d+),(\d+),(\d+),(\d+)$/;

function seconds(timestamp: string): number {
  return timestamp.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/**
 * Reads a thumbnails track (`sprite.jpg#xywh=x,y,w,h` cues, as PeerTube, video.js and our server
 * write them); cues without a whole `#xywh` fragment are skipped, so a plain image per cue or a
 * foreign note never becomes a wrong tile. `trackUrl` may be root-relative.
 */
export function parseThumbnailTrack(text: string, trackUrl: string): ThumbnailCue[] {
  const base = new URL(trackUrl, 'http://base.invalid/');
  const cues: ThumbnailCue[] = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n');
    const at = lines.findIndex((line) => TIMING.test(line));
    const timing = at >= 0 ? TIMING.exec(lines[at]) : null;
    const fragment = timing ? XYWH.exec(lines[at + 1]?.trim() ?? '') : null;
    if (!timing || !fragment) continue;
    const resolved = new URL(lines[at + 1].trim().replace(XYWH, ''), base);
    cues.push({
      start: seconds(timing[1]),
      end: seconds(timing[2]),
      url: resolved.origin === base.origin && !/^[a-z]+:/i.test(trackUrl) ? resolved.pathname : resolved.href,
      x: Number(fragment[1]),
      y: Number(fragment[2]),
      width: Number(fragment[3]),
      height: Number(fragment[4]),
    });
  }
  return cues;
}

/** The cue showing `time`: the last one starting at or before it (so the end of the video keeps the last tile); null before the first. */
export function thumbnailAt(cues: readonly ThumbnailCue[], time: number): ThumbnailCue | null {
  let low = 0;
  let high = cues.length - 1;
  let found: ThumbnailCue | null = null;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (cues[mid].start <= time) {
      found = cues[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
