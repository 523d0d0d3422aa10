import type { AbrLevel } from './abr-policy';

/** What the start gate weighs, once a segment is buffered and playback has not begun. */
export interface StartGateInput {
  levels: readonly AbrLevel[];
  bufferAheadSeconds: number;
  /** Media seconds in a typical segment. */
  segmentDuration: number;
  /** Segments always waited for where the end is known (one is where playback began before). */
  minSegments: number;
  /**
   * The most buffer a projected deficit asks for: the player's typical segment (one steady
   * segment after the lead-in). Beyond it the projection is a forecast from a few seconds of
   * measurement, and each second held there is a second of start-up that only may save a stall.
   */
  maxDeficitSeconds: number;
  /** The player buffers up to this much, so the gate never asks for more. */
  maxBufferSeconds: number;
  /** Media seconds after the buffered ones still to load; null when the end is unknown (live, growing). */
  remainingSeconds: number | null;
  /** Segments still to load, each a request; null when the end is unknown. */
  remainingSegments: number | null;
  /** Seconds since the source was loaded. */
  waitedSeconds: number;
  /** The longest the gate keeps playback waiting, start-up included. */
  maxWaitSeconds: number;
  /** Measured throughput, bits per second; null before any measurement. */
  estimateBps: number | null;
  /** Measured time to first byte of a request. */
  ttfbSeconds: number;
}

export type StartGateReason =
  /** Closed: playing the rest at the lowest rung would run the buffer dry (as far as one typical segment covers). */
  | 'deficit'
  /** Closed: fewer segments buffered than the gate always waits for. */
  | 'min-buffer'
  /** Open: the buffer covers the projected deficit (or is as full as the player fills it). */
  | 'buffer'
  /** Open: everything to play is buffered. */
  | 'all-buffered'
  /** Open: no end to project to (live, or a stream still growing). */
  | 'unknown-duration'
  /** Open: nothing measured to project with. */
  | 'no-estimate'
  /** Open: held as long as allowed. */
  | 'wait-cap';

export interface StartGateDecision {
  open: boolean;
  reason: StartGateReason;
  /** The buffer the gate asks for, seconds. */
  requiredSeconds: number;
  /** While closed: seconds until the wait cap opens it anyway; 0 when open. */
  holdAtMostSeconds: number;
}

/**
 * When playback may begin: once the buffer covers the deficit of playing the rest at the lowest
 * rung on the measured throughput, the time to download what remains there (a request latency per
 * segment included) less the time it plays, as far as one typical segment (`maxDeficitSeconds`).
 * A second held at start saves at most a second of stall later, and only if the link stays as
 * measured: on a link far below the lowest rung that holds until about one segment of the steady
 * stream is buffered (what the first segment of a higher rung would have cost), and a deficit
 * beyond it is left to the controller, which plays the lowest rung there. Never less than
 * `minSegments` segments (the controller asks for room to switch down: a switch loads the last
 * segment again, so on one segment a drop of the link right after start is a stall whatever it
 * chooses), never more than the player buffers, and never longer than `maxWaitSeconds` in all; a
 * stream without a known end starts on its first segment, as before.
 */
export function startGate(input: StartGateInput): StartGateDecision {
  const {
    bufferAheadSeconds: buffer,
    segmentDuration,
    remainingSeconds: remaining,
    estimateBps,
  } = input;
  const open = (
    reason: StartGateReason,
    requiredSeconds = segmentDuration,
  ): StartGateDecision => ({
    open: true,
    reason,
    requiredSeconds,
    holdAtMostSeconds: 0,
  });
  if (remaining === null) return open('unknown-duration');
  if (remaining <= 0) return open('all-buffered');
  if (estimateBps === null || !(estimateBps > 0)) return open('no-estimate');
  const lowest = Math.min(
    ...input.levels.map((l) => l.averageBitrate ?? l.bitrate),
  );
  // counted, not reckoned from the segment just loaded: a lead-in's short segments are few
  const deficit =
    (input.remainingSegments ?? 0) * input.ttfbSeconds +
    (remaining * lowest) / estimateBps -
    remaining;
  const floor = input.minSegments * segmentDuration;
  const requiredSeconds = Math.max(
    segmentDuration,
    Math.min(
      Math.max(floor, Math.min(deficit, input.maxDeficitSeconds)),
      input.maxBufferSeconds,
    ),
  );
  if (buffer >= requiredSeconds) return open('buffer', requiredSeconds);
  if (input.waitedSeconds >= input.maxWaitSeconds)
    return open('wait-cap', requiredSeconds);
  return {
    open: false,
    reason: deficit > floor ? 'deficit' : 'min-buffer',
    requiredSeconds,
    holdAtMostSeconds: input.maxWaitSeconds - input.waitedSeconds,
  };
}
