const SECOND = 1000;
const MAX_SWEEP_INTERVAL = 15 * 60 * SECOND;

/** How often abandoned uploads are looked for: a few times per expiry period, at most every quarter hour, at least every second. */
export function sweepIntervalMs(expiryMs: number): number {
  return Math.min(MAX_SWEEP_INTERVAL, Math.max(SECOND, Math.floor(expiryMs / 4)));
}
