import type { WebhookEventType } from './webhook-event-type';

/** A registered endpoint as stored; `secret` never leaves the server after creation. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  secret: string;
  created_at: string;
}

export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

/** One event for one endpoint: its signed body is fixed at creation, its attempts recorded as they happen. */
export interface DeliveryRecord {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: WebhookEventType;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  created_at: string;
  /** When the next attempt is due; null once DELIVERED or FAILED. */
  next_attempt_at: string | null;
  last_attempt_at: string | null;
  last_response_code: number | null;
  last_error: string | null;
}

/** What one attempt came to, as the outbound client reports it. */
export type AttemptOutcome =
  /** The receiver answered (any status; only 2xx counts as delivered). */
  | { kind: 'response'; status: number; excerpt: string }
  /** No answer: connection refused, reset, timed out. Worth retrying. */
  | { kind: 'error'; message: string }
  /** Never sent: the address is forbidden or the URL unusable. Retrying would not help. */
  | { kind: 'refused'; message: string };

/** An event as raised, its body fixed once for every endpoint that gets it. */
export interface RaisedEvent {
  id: string;
  type: WebhookEventType;
  at: string;
  body: string;
}
