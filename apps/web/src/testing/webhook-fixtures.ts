// Webhook answers as the server sends them, for the web app's specs.
import type {
  Webhook,
  WebhookDelivery,
} from '../app/webhooks/webhooks.service';

export function webhookFixture(
  id: string,
  url = `https://example.com/${id}`,
): Webhook {
  return {
    __typename: 'Webhook',
    id,
    url,
    events: ['PLAYLIST_READY'],
    description: null,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}

export function deliveryFixture(
  id: string,
  change: Partial<WebhookDelivery> = {},
): WebhookDelivery {
  return {
    __typename: 'WebhookDelivery',
    id,
    eventId: `evt_${id}`,
    eventType: 'PLAYLIST_READY',
    status: 'DELIVERED',
    attempts: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    lastAttemptAt: '2026-01-01T00:00:01.000Z',
    nextAttemptAt: null,
    lastResponseCode: 200,
    lastError: null,
    ...change,
  };
}
