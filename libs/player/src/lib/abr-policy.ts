import type { EwmaBandwidthEstimator } from './ewma-bandwidth-estimator';
import type { StartGateDecision } from './start-gate';

/** One rung as an adaptation policy sees it. */
export interface AbrLevel {
  /** Peak bits per second over any one segment (HLS BANDWIDTH). */
  bitrate: number;
  /** Mean bits per second over the rendition (HLS AVERAGE-BANDWIDTH), where the manifest says. */
  averageBitrate?: number;
  width: number;
  height: number;
}

/** What the player looks like when a policy is asked: the same from hls.js and from the simulator. */
export interface AbrContext {
  /** In the player's order (hls.js: lowest bitrate first); policies do not rely on it. */
  levels: readonly AbrLevel[];
  /** Index in `levels` of the rung loading now or loaded last (hls.js `loadLevel`), -1 before any. */
  current: number;
  bufferAheadSeconds: number;
  /** Media seconds in the segment about to load (or loading). */
  segmentDuration: number;
  /** Mean media seconds per segment of the rungs' playlists (hls.js `averagetargetduration`). */
  averageSegmentDuration?: number;
  /** The player fetches ahead until this much is buffered (hls.js `maxBufferLength`). */
  maxBufferSeconds: number;
  /** Not paused: playing, or waiting for data to start or to resume. */
  playing: boolean;
  playerWidth: number;
  devicePixelRatio?: number;
  /** Network Information API, where the browser has it. */
  networkDownlinkMbps?: number | null;
  effectiveType?: string | null;
}

/** The context when a segment has been buffered and playback has not begun. */
export interface StartContext extends AbrContext {
  /** Media seconds after the buffered ones still to load; null when the end is unknown (live, growing). */
  remainingSeconds: number | null;
  /** Segments after the buffered ones still to load (each costs a request); null when the end is unknown. */
  remainingSegments: number | null;
  /** Seconds since the source was loaded. */
  waitedSeconds: number;
}

export type AbrReason =
  /** The first rung, before anything was measured. */
  | 'startup'
  /** Chosen by measured throughput (start-up and thin buffer). */
  | 'throughput'
  /** Chosen by buffer level (healthy buffer). */
  | 'buffer'
  /** Kept: a rule wanted a change the hysteresis did not allow yet. */
  | 'hold'
  /** The segment loading would not arrive before the buffer ran dry: abandoned for a lower rung. */
  | 'emergency'
  | 'player-size'
  | 'dropped-frames';

export interface AbrDecision {
  level: number;
  reason: AbrReason;
}

/** One main segment that arrived whole. */
export interface SegmentLoad {
  level: number;
  bytes: number;
  /** Media seconds it holds. */
  duration: number;
  /** From the request to the last byte. */
  loadMs: number;
  /** From the request to the first byte. */
  ttfbMs: number;
  /** Dropped over decoded frames in the playback since they were last judged, 0 to 1; absent when not judged. */
  droppedFrameRatio?: number;
}

/** A main segment still loading. */
export interface LoadProgress {
  level: number;
  duration: number;
  elapsedMs: number;
  /** Null until the first byte arrived. */
  ttfbMs: number | null;
  loadedBytes: number;
  /** Content length once the response headers said, else 0. */
  totalBytes: number;
}

/**
 * An adaptation policy, as `HlsAbrAdapter` drives it in the browser and the simulator drives it
 * in tests and benchmarks. `decide` may be asked any number of times (hls.js asks on every tick)
 * and answers from the state the events left; only the events change that state.
 */
export interface AbrPolicy {
  /** The throughput estimate hls.js shows as `bandwidthEstimate`. */
  readonly bwEstimator: EwmaBandwidthEstimator;
  decide(context: AbrContext): AbrDecision;
  /** `context` as it stands when the last byte arrived, before the segment is buffered. */
  onSegmentLoaded(load: SegmentLoad, context: AbrContext): void;
  /** Asked about every 100 ms while a main segment loads: a rung to abandon it for, or null. */
  checkAbandon(progress: LoadProgress, context: AbrContext): AbrDecision | null;
  /** A new source, or hls.js's `resetEstimator`. */
  reset(defaultEstimateBps?: number): void;
  /**
   * Whether playback may begin, asked after each segment is buffered until it says yes. A policy
   * without it starts playback on the first segment, as hls.js does.
   */
  startGate?(context: StartContext): StartGateDecision;
}

/** Level indices from the lowest bitrate to the highest. */
export function bitrateOrder(levels: readonly AbrLevel[]): number[] {
  return levels
    .map((_, i) => i)
    .sort((a, b) => levels[a].bitrate - levels[b].bitrate);
}
