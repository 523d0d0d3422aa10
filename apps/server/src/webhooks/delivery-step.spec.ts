import { dueDeliveries, recordAttempt } from './delivery-step';
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

describe('dueDeliveries', () => {
  const at = (id: string, ms: number | null) => ({ id, next_attempt_at: ms === null ? null : later(ms) });
  const now = NOW.getTime();

  it.each<[string, ReturnType<typeof at>[], number, { due: string[]; wakeAt: number | null }]>([
    ['nothing pending', [], 4, { due: [], wakeAt: null }],
    ['due ones, oldest first', [at('b', -10), at('a', -20), at('c', 0)], 4, { due: ['a', 'b', 'c'], wakeAt: null }],
    ['one due, one later', [at('a', -1), at('b', 5000)], 4, { due: ['a'], wakeAt: now + 5000 }],
    ['more due than slots', [at('a', -3), at('b', -2), at('c', -1)], 2, { due: ['a', 'b'], wakeAt: null }],
    ['no free slot', [at('a', -3)], 0, { due: [], wakeAt: null }],
    ['a finished one (no next attempt)', [at('a', null), at('b', 100)], 1, { due: [], wakeAt: now + 100 }],
  ])('%s', (_name, deliveries, slots, expected) => {
    expect(dueDeliveries(deliveries, now, slots)).toEqual(expected);
  });
});
