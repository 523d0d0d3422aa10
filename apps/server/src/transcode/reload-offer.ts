/**
 * The longest a player should expect a held playlist reload to wait for the next segment: well
 * inside the 10 s hls.js 1.7 allows a playlist request to its first byte. A request it times out
 * is retried without blocking, and a playlist that keeps timing out becomes a fatal error.
 */
const MAX_EXPECTED_WAIT_SECONDS = 6;

/**
 * Whether a growing rung playlist offers blocking reloads (`CAN-BLOCK-RELOAD=YES`): only while the
 * next segment is expected within MAX_EXPECTED_WAIT_SECONDS, one segment duration of media at
 * ffmpeg's speed (× real time; real time until ffmpeg reports one). Otherwise players reload the
 * playlist on their own clock, as from any EVENT playlist: 4 s segments encoded at real time are
 * offered it; 10 s segments only from 1.67 times real time.
 */
export function offersBlockingReload(
  segmentDuration: number,
  encodeSpeed: number | null,
): boolean {
  const speed = encodeSpeed ?? 1;
  return speed > 0 && segmentDuration / speed <= MAX_EXPECTED_WAIT_SECONDS;
}
