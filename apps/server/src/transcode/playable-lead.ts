/**
 * Whether a growing ladder can be announced as playable: every rung has published at least one
 * segment duration of media (or the whole source). A player learns of new segments by reloading
 * the playlist, up to one segment duration late, and the next segment needs that much more media
 * encoded: a player started on less, on an encode at 1.1 to 1.3 times real time, catches up with
 * the edge and stalls (the playable bench saw 1 to 4 stalls a run on the first segment alone).
 * With a segment duration ahead, the lead-in segments (1 s, 1 s, 2 s) still make that moment come
 * early.
 */
export function enoughToPlay(publishedSeconds: readonly number[], segmentDuration: number, sourceDuration: number): boolean {
  const lead = Math.min(segmentDuration, sourceDuration);
  return publishedSeconds.length > 0 && publishedSeconds.every((seconds) => seconds >= lead - SLACK_SECONDS);
}

/** Segment ends fall on frame times: 4 s of 29.97 fps video is 3.97 s. */
const SLACK_SECONDS = 0.05;
