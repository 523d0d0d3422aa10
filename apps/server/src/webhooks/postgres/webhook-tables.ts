import type { ColumnType, Selectable } from 'kysely';
import type { WebhookEventType } from '../webhook-event-type';
import type { DeliveryRecord, DeliveryStatus, WebhookEndpoint } from '../webhook-records';

/** Written as ISO strings, read back as Dates. */
type Timestamp = ColumnType<Date, string, string>;
type NullableTimestamp = ColumnType<Date | null, string | null, string | null>;

/** `webhooks` (migration 0002_webhooks): one row per endpoint. */
export interface WebhooksTable {
  id: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  secret: string;
  created_at: Timestamp;
}

/** `webhook_deliveries`: a DeliveryRecord, plus the end of the claim a process holds on it while it attempts it. */
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: WebhookEventType;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  created_at: Timestamp;
  next_attempt_at: NullableTimestamp;
  last_attempt_at: NullableTimestamp;
  last_response_code: number | null;
  last_error: string | null;
  lease_until: NullableTimestamp;
}

export interface WebhooksDatabase {
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toEndpoint(row: Selectable<WebhooksTable>): WebhookEndpoint {
  return { id: row.id, url: row.url, events: row.events, description: row.description, secret: row.secret, created_at: row.created_at.toISOString() };
}

export function toDelivery(row: Selectable<WebhookDeliveriesTable>): DeliveryRecord {
  return {
    id: row.id,
    webhook_id: row.webhook_id,
    event_id: row.event_id,
    event_type: row.event_type,
    body: row.body,
    status: row.status,
    attempts: row.attempts,
    created_at: row.created_at.toISOString(),
    next_attempt_at: iso(row.next_attempt_at),
    last_attempt_at: iso(row.last_attempt_at),
    last_response_code: row.last_response_code,
    last_error: row.last_error,
  };
}
