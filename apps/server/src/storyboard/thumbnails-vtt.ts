import { StoryboardPlan, thumbnailCell } from './storyboard-plan';
import { spriteName } from './storyboard-layout';

/** `hh:mm:ss.mmm`, as WebVTT requires hours once past the hour and allows them always. */
export function vttTimestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/**
 * The WebVTT thumbnails track: one cue per thumbnail, from its instant to the next one's (the
 * last to the end of the video), whose text is its sheet's URL relative to the track with a
 * `#xywh=x,y,w,h` media fragment, as video.js, JW Player and PeerTube read it.
 */
export function writeThumbnailsVtt(plan: StoryboardPlan, duration: number): string {
  const cues = Array.from({ length: plan.count }, (_, k) => {
    const { sheet, x, y } = thumbnailCell(plan, k);
    const end = k === plan.count - 1 ? Math.max(duration, k * plan.interval) : (k + 1) * plan.interval;
    return `${vttTimestamp(k * plan.interval)} --> ${vttTimestamp(end)}\n${spriteName(sheet)}#xywh=${x},${y},${plan.width},${plan.height}\n`;
  });
  return ['WEBVTT\n', ...cues].join('\n');
}
