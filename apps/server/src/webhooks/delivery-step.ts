import { DeliveryRecord, DeliveryStatus, AttemptOutcome } from './webhook-records';
import { retryDelayMs, RetryPolicy } from './retry-schedule';

const EXCERPT_CHARS = 200;

/** Why a response is not a delivery, or null for a 2xx. */
function responseProblem(status: number, excerpt: string): string | null {
  if (status >= 200 && status < 300) return null;
  const said = excerpt.trim().slice(0, EXCERPT_CHARS);
  const kind = status >= 300 && status < 400 ? 'a redirect, which is not followed' : 'not a 2xx status';
  return `HTTP ${status} is ${kind}${said ? `: ${said}` : ''}`;
}

/** The delivery after an attempt at `now`: delivered, scheduled again with backoff, or failed for good. */
export function recordAttempt(delivery: DeliveryRecord, outcome: AttemptOutcome, now: Date, policy: RetryPolicy, random: number): DeliveryRecord {
  const attempts = delivery.attempts + 1;
  const problem = outcome.kind === 'response' ? responseProblem(outcome.status, outcome.excerpt) : outcome.message;
  const base = {
    ...delivery,
    attempts,
    last_attempt_at: now.toISOString(),
    last_response_code: outcome.kind === 'response' ? outcome.status : null,
    last_error: problem,
  };
  if (problem === null) return { ...base, status: DeliveryStatus.DELIVERED, next_attempt_at: null };
  const delay = outcome.kind === 'refused' ? null : retryDelayMs(attempts, policy, random);
  if (delay === null) return { ...base, status: DeliveryStatus.FAILED, next_attempt_at: null };
  return { ...base, status: DeliveryStatus.PENDING, next_attempt_at: new Date(now.getTime() + delay).toISOString() };
}

/** Which pending deliveries to attempt now (at most `slots`, oldest due first), and when to look again for the rest. */
export function dueDeliveries(pending: readonly Pick<DeliveryRecord, 'id' | 'next_attempt_at'>[], now: number, slots: number): { due: string[]; wakeAt: number | null } {
  const byTime = pending
    .filter((d) => d.next_attempt_at !== null)
    .map((d) => ({ id: d.id, at: Date.parse(d.next_attempt_at as string) }))
    .sort((a, b) => a.at - b.at);
  const due = byTime.filter((d) => d.at <= now).slice(0, Math.max(slots, 0));
  const rest = byTime.filter((d) => !due.includes(d));
  // when slots are full the rest wait for an attempt to finish, which looks again
  const wakeAt = rest.length > 0 && due.length < slots ? Math.max(rest[0].at, now) : null;
  return { due: due.map((d) => d.id), wakeAt };
}
