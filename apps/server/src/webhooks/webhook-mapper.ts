import type { Webhook } from './models/webhook.model';
import type { WebhookDelivery } from './models/webhook-delivery.model';
import type { DeliveryRecord, WebhookEndpoint } from './webhook-records';

/** The GraphQL view of an endpoint: everything but its secret. */
export function toWebhook(e: WebhookEndpoint): Webhook {
  return { id: e.id, url: e.url, events: e.events, description: e.description, createdAt: new Date(e.created_at) };
}

const dateOrNull = (iso: string | null) => (iso ? new Date(iso) : null);

export function toWebhookDelivery(d: DeliveryRecord): WebhookDelivery {
  return {
    id: d.id,
    eventId: d.event_id,
    eventType: d.event_type,
    status: d.status,
    attempts: d.attempts,
    createdAt: new Date(d.created_at),
    lastAttemptAt: dateOrNull(d.last_attempt_at),
    nextAttemptAt: dateOrNull(d.next_attempt_at),
    lastResponseCode: d.last_response_code,
    lastError: d.last_error,
    payload: d.body,
  };
}
