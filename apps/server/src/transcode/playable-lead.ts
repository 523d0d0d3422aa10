/**
 * Whether a growing ladder can be announced as playable: every rung has published at least one
 * segment duration of media, more when the encode runs slower than real time (or the whole source).
 * A player learns of new segments by reloading the playlist, up to one segment duration late where
 * blocking reloads are not offered (long segments, slow encodes: see reload-offer.ts), and
 * the next segment needs that much more media encoded: a player started on less, on an encode at
 * 1.1 to 1.3 times real time, catches up with the edge and stalls (the playable bench saw 1 to 4
 * stalls a run on the first segment alone). An encode at speed r < 1 falls behind a player by
 * (1/r - 1) seconds for every second still to encode: that much more is waited for first. With
 * no speed reported yet none is assumed.
 */
export function enoughToPlay(publishedSeconds: readonly number[], segmentDuration: number, sourceDuration: number, encodeSpeed: number | null): boolean {
  if (publishedSeconds.length === 0) return false;
  const published = Math.min(...publishedSeconds);
  const behind = encodeSpeed !== null && encodeSpeed < 1 ? (sourceDuration - published) * (1 / encodeSpeed - 1) : 0;
  return published >= Math.min(segmentDuration + behind, sourceDuration) - SLACK_SECONDS;
}

/** Segment ends fall on frame times: 4 s of 29.97 fps video is 3.97 s. */
const SLACK_SECONDS = 0.05;
