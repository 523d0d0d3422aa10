import { DeliveryRecord, DeliveryStatus, AttemptOutcome, RaisedEvent } from './webhook-records';
import { retryDelayMs, RetryPolicy } from './retry-schedule';

const EXCERPT_CHARS = 200;

/** Why a response is not a delivery, or null for a 2xx. */
function responseProblem(status: number, excerpt: string): string | null {
  if (status >= 200 && status < 300) return null;
  const said = excerpt.trim().slice(0, EXCERPT_CHARS);
  const kind = status >= 300 && status < 400 ? 'a redirect, which is not followed' : 'not a 2xx status';
  return `HTTP ${status} is ${kind}${said ? `: ${said}` : ''}`;
}

/** The delivery of `event` to webhook `webhookId` before any attempt: due at once. */
export function newDelivery(id: string, webhookId: string, event: RaisedEvent): DeliveryRecord {
  return {
    id,
    webhook_id: webhookId,
    event_id: event.id,
    event_type: event.type,
    body: event.body,
    status: DeliveryStatus.PENDING,
    attempts: 0,
    created_at: event.at,
    next_attempt_at: event.at,
    last_attempt_at: null,
    last_response_code: null,
    last_error: null,
  };
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

/** A pending delivery as a claim sees it: when its attempt is due, and until when an earlier claim holds it. */
export type Claimable = Pick<DeliveryRecord, 'id' | 'next_attempt_at'> & { lease_until: string | null };

/** When a delivery can next be claimed: its attempt's due time, or the end of the claim on it if later; null once finished. */
export function claimableAt(delivery: Claimable): number | null {
  if (delivery.next_attempt_at === null) return null;
  const due = Date.parse(delivery.next_attempt_at);
  return delivery.lease_until === null ? due : Math.max(due, Date.parse(delivery.lease_until));
}

/** Which deliveries to claim at `now`: at most `limit`, oldest due first (PostgresWebhookStore.claimDue asks the same in SQL). */
export function dueDeliveries(pending: readonly Claimable[], now: number, limit: number): string[] {
  return pending
    .map((d) => ({ id: d.id, due: d.next_attempt_at === null ? null : Date.parse(d.next_attempt_at), at: claimableAt(d) }))
    .filter((d): d is { id: string; due: number; at: number } => d.at !== null && d.at <= now)
    .sort((a, b) => a.due - b.due || a.id.localeCompare(b.id))
    .slice(0, Math.max(limit, 0))
    .map((d) => d.id);
}

/** When the first of `pending` can be claimed, null when none can. */
export function nextClaimable(pending: readonly Claimable[]): number | null {
  const times = pending.map(claimableAt).filter((at): at is number => at !== null);
  return times.length > 0 ? Math.min(...times) : null;
}

/** The finished deliveries of one webhook beyond the `keep` newest, to remove; pending ones are always kept. */
export function prunable(deliveries: readonly Pick<DeliveryRecord, 'id' | 'status' | 'created_at'>[], keep: number): string[] {
  return deliveries
    .filter((d) => d.status !== DeliveryStatus.PENDING)
    .sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id))
    .slice(keep)
    .map((d) => d.id);
}
