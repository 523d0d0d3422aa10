import type { AbrReason } from './abr-policy';

/** Why the rendition last changed: a rule of the controller, or the viewer's own choice. */
export type SwitchReason = AbrReason | 'manual';

/** One second of a session, as the stats panel charts it and the export saves it. */
export interface StatsSample {
  /** Seconds since the stream was loaded. */
  t: number;
  throughputBps: number | null;
  /** The chosen rung's peak bitrate (HLS BANDWIDTH), null before any choice. */
  chosenBitrate: number | null;
  bufferSeconds: number;
  reason: SwitchReason | null;
}

/** How much history the panel keeps: the last minute. */
export const HISTORY_SECONDS = 60;

/** Appends a sample and drops those older than the window, oldest first; the input is not changed. */
export function appendSample(history: readonly StatsSample[], sample: StatsSample, windowSeconds = HISTORY_SECONDS): StatsSample[] {
  return [...history.filter((s) => s.t > sample.t - windowSeconds), sample];
}
