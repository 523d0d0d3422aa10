import { claimableAt, dueDeliveries, newDelivery, nextClaimable, prunable, recordAttempt } from './delivery-step';
import { WebhookEventType } from './webhook-event-type';
import { AttemptOutcome, DeliveryRecord, DeliveryStatus } from './webhook-records';

const NOW = new Date('2026-01-01T00:00:00.000Z');
const policy = { baseMs: 1000, maxAttempts: 3 };
const pending: DeliveryRecord = {
  id: 'whd_1',
  webhook_id: 'wh_1',
  event_id: 'evt_1',
  event_type: WebhookEventType.PLAYLIST_READY,
  body: '{}',
  status: DeliveryStatus.PENDING,
  attempts: 0,
  created_at: NOW.toISOString(),
  next_attempt_at: NOW.toISOString(),
  last_attempt_at: null,
  last_response_code: null,
  last_error: null,
};
const later = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('recordAttempt', () => {
  it.each<[string, number, AttemptOutcome, Partial<DeliveryRecord>]>([
    ['a 200', 0, { kind: 'response', status: 200, excerpt: 'ok' }, { status: DeliveryStatus.DELIVERED, attempts: 1, last_response_code: 200, last_error: null, next_attempt_at: null }],
    ['a 204 on the last attempt', 2, { kind: 'response', status: 204, excerpt: '' }, { status: DeliveryStatus.DELIVERED, attempts: 3, last_response_code: 204 }],
    ['a 500', 0, { kind: 'response', status: 500, excerpt: ' boom ' }, { status: DeliveryStatus.PENDING, attempts: 1, last_response_code: 500, last_error: 'HTTP 500 is not a 2xx status: boom', next_attempt_at: later(1000) }],
    ['a second 500', 1, { kind: 'response', status: 503, excerpt: '' }, { status: DeliveryStatus.PENDING, attempts: 2, last_error: 'HTTP 503 is not a 2xx status', next_attempt_at: later(2000) }],
    ['a 500 on the last attempt', 2, { kind: 'response', status: 500, excerpt: '' }, { status: DeliveryStatus.FAILED, attempts: 3, next_attempt_at: null }],
    ['a redirect', 0, { kind: 'response', status: 302, excerpt: '' }, { status: DeliveryStatus.PENDING, last_response_code: 302, last_error: 'HTTP 302 is a redirect, which is not followed' }],
    ['a timeout', 0, { kind: 'error', message: 'No response within 10000 ms' }, { status: DeliveryStatus.PENDING, last_response_code: null, last_error: 'No response within 10000 ms', next_attempt_at: later(1000) }],
    ['a forbidden address', 0, { kind: 'refused', message: '127.0.0.1 is a loopback address' }, { status: DeliveryStatus.FAILED, attempts: 1, last_error: '127.0.0.1 is a loopback address', next_attempt_at: null }],
  ])('%s', (_name, attempts, outcome, expected) => {
    const next = recordAttempt({ ...pending, attempts }, outcome, NOW, policy, 0.5);
    expect(next).toMatchObject({ ...expected, last_attempt_at: NOW.toISOString(), id: 'whd_1', body: '{}' });
  });

  it('keeps only the start of a long response body', () => {
    const next = recordAttempt(pending, { kind: 'response', status: 400, excerpt: 'x'.repeat(5000) }, NOW, policy, 0.5);
    expect(next.last_error).toHaveLength('HTTP 400 is not a 2xx status: '.length + 200);
  });
});

describe('newDelivery', () => {
  it('is pending, due at the moment the event was raised, with the event’s body', () => {
    const event = { id: 'evt_1', type: WebhookEventType.PLAYLIST_READY, at: NOW.toISOString(), body: '{}' };
    expect(newDelivery('whd_1', 'wh_1', event)).toEqual(pending);
  });
});

const at = (id: string, ms: number | null, leaseMs: number | null = null) => ({ id, next_attempt_at: ms === null ? null : later(ms), lease_until: leaseMs === null ? null : later(leaseMs) });
const now = NOW.getTime();

describe('claimableAt', () => {
  it.each<[string, ReturnType<typeof at>, number | null]>([
    ['unclaimed: when due', at('a', 100), now + 100],
    ['claimed until after it is due: when the claim lapses', at('a', 100, 5000), now + 5000],
    ['a lapsed claim on a later attempt: when due', at('a', 5000, 100), now + 5000],
    ['finished (no next attempt)', at('a', null, 100), null],
  ])('%s', (_name, delivery, expected) => {
    expect(claimableAt(delivery)).toBe(expected);
  });
});

describe('dueDeliveries', () => {
  it.each<[string, ReturnType<typeof at>[], number, string[]]>([
    ['nothing pending', [], 4, []],
    ['due ones, oldest due first', [at('b', -10), at('a', -20), at('c', 0)], 4, ['a', 'b', 'c']],
    ['one due, one later', [at('a', -1), at('b', 5000)], 4, ['a']],
    ['more due than the limit', [at('a', -3), at('b', -2), at('c', -1)], 2, ['a', 'b']],
    ['no room', [at('a', -3)], 0, []],
    ['a finished one (no next attempt)', [at('a', null), at('b', -100)], 1, ['b']],
    ['one claimed by another attempt', [at('a', -3, 10_000), at('b', -1)], 4, ['b']],
    ['a claim that lapsed (its process died): due again', [at('a', -3, -1), at('b', -1)], 4, ['a', 'b']],
    ['a claim that lapses this very moment', [at('a', -3, 0)], 4, ['a']],
  ])('%s', (_name, deliveries, limit, expected) => {
    expect(dueDeliveries(deliveries, now, limit)).toEqual(expected);
  });
});

describe('nextClaimable', () => {
  it.each<[string, ReturnType<typeof at>[], number | null]>([
    ['nothing pending', [], null],
    ['only finished ones', [at('a', null)], null],
    ['the earliest of several', [at('a', 5000), at('b', 100), at('c', 3000)], now + 100],
    ['a claimed one counts from its claim’s end', [at('a', -100, 8000), at('b', 9000)], now + 8000],
    ['one due already', [at('a', -100), at('b', 100)], now - 100],
  ])('%s', (_name, deliveries, expected) => {
    expect(nextClaimable(deliveries)).toBe(expected);
  });
});

describe('prunable', () => {
  const d = (id: string, ms: number, status = DeliveryStatus.DELIVERED) => ({ id, status, created_at: later(ms) });

  it.each<[string, ReturnType<typeof d>[], number, string[]]>([
    ['fewer finished than kept', [d('a', 1), d('b', 2)], 3, []],
    ['the oldest finished beyond the kept ones', [d('c', 3), d('a', 1), d('b', 2), d('d', 4, DeliveryStatus.FAILED)], 2, ['b', 'a']],
    ['pending ones, however old, never', [d('a', 1, DeliveryStatus.PENDING), d('b', 2), d('c', 3)], 1, ['b']],
    ['one creation time: the id decides', [d('b', 1), d('a', 1), d('c', 1)], 1, ['b', 'a']],
  ])('%s', (_name, deliveries, keep, expected) => {
    expect(prunable(deliveries, keep)).toEqual(expected);
  });
});
