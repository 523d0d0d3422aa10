import type { DeliveryRecord, WebhookEndpoint } from './webhook-records';

/**
 * Where endpoints and deliveries are kept. The embedded default is files in the media folder
 * (StorageWebhookStore); a database can implement the same contract later.
 */
export abstract class WebhookStore {
  abstract load(): Promise<{ endpoints: WebhookEndpoint[]; deliveries: DeliveryRecord[] }>;
  abstract saveEndpoint(endpoint: WebhookEndpoint): Promise<void>;
  /** Removes the endpoint and every delivery it has. */
  abstract removeEndpoint(id: string): Promise<void>;
  abstract saveDelivery(delivery: DeliveryRecord): Promise<void>;
  abstract removeDelivery(delivery: DeliveryRecord): Promise<void>;
}
