/** How deliveries are retried: from the config (WEBHOOK_RETRY_BASE_MS, WEBHOOK_MAX_ATTEMPTS). */
export interface RetryPolicy {
  baseMs: number;
  maxAttempts: number;
}

/** No single wait is longer than this, whatever the base and attempt. */
export const MAX_RETRY_DELAY_MS = 6 * 3600 * 1000;

/**
 * The wait after failed attempt `attempt` (1-based): base × 2^(attempt − 1), capped, then spread
 * by up to ±20 % with `random` in [0, 1) so endpoints that failed together are not retried together.
 * Null when the attempts are used up.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: number): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const delay = Math.min(policy.baseMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
  return Math.round(delay * (0.8 + 0.4 * random));
}
