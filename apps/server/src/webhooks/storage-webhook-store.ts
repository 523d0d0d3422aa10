import { Logger } from '@nestjs/common';
import type { Storage } from '../storage/storage';
import type { DeliveryRecord, WebhookEndpoint } from './webhook-records';
import { WebhookStore } from './webhook-store';

/** Hidden, so the catalog's start-up scan never takes it for a playlist. */
export const WEBHOOKS_DIR = '.webhooks';
const ENDPOINT_FILE = 'endpoint.json';
const RECORD = /^[\w-]+\.json$/;

const endpointDir = (id: string) => `${WEBHOOKS_DIR}/${id}`;
const deliveryKey = (d: Pick<DeliveryRecord, 'webhook_id' | 'id'>) => `${endpointDir(d.webhook_id)}/deliveries/${d.id}.json`;

/** `.webhooks/<webhook id>/endpoint.json` and `deliveries/<delivery id>.json` beside it, each written atomically. */
export class StorageWebhookStore extends WebhookStore {
  private readonly logger = new Logger(StorageWebhookStore.name);

  constructor(private readonly storage: Storage) {
    super();
  }

  async load(): Promise<{ endpoints: WebhookEndpoint[]; deliveries: DeliveryRecord[] }> {
    const endpoints: WebhookEndpoint[] = [];
    const deliveries: DeliveryRecord[] = [];
    for (const id of await this.storage.list(WEBHOOKS_DIR)) {
      if (id.startsWith('.')) continue;
      const entries = await this.storage.list(endpointDir(id));
      if (!entries.includes(ENDPOINT_FILE)) {
        // what a crash during deleteWebhook leaves
        await this.storage.removeTree(endpointDir(id));
        this.logger.warn({ event: 'webhook.swept', webhookId: id });
        continue;
      }
      endpoints.push(JSON.parse(await this.storage.readText(`${endpointDir(id)}/${ENDPOINT_FILE}`)) as WebhookEndpoint);
      for (const name of await this.storage.list(`${endpointDir(id)}/deliveries`)) {
        if (!RECORD.test(name)) continue;
        try {
          deliveries.push(JSON.parse(await this.storage.readText(`${endpointDir(id)}/deliveries/${name}`)) as DeliveryRecord);
        } catch (error) {
          this.logger.warn({ event: 'webhook.delivery_skipped', webhookId: id, file: name, reason: (error as Error).message });
        }
      }
    }
    return { endpoints, deliveries };
  }

  saveEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    return this.storage.writeAtomic(`${endpointDir(endpoint.id)}/${ENDPOINT_FILE}`, JSON.stringify(endpoint, null, 2) + '\n');
  }

  async removeEndpoint(id: string): Promise<void> {
    // the endpoint file first: a crash part-way leaves a folder that load() sweeps
    await this.storage.removeTree(`${endpointDir(id)}/${ENDPOINT_FILE}`);
    await this.storage.removeTree(endpointDir(id));
  }

  saveDelivery(delivery: DeliveryRecord): Promise<void> {
    return this.storage.writeAtomic(deliveryKey(delivery), JSON.stringify(delivery) + '\n');
  }

  removeDelivery(delivery: DeliveryRecord): Promise<void> {
    return this.storage.removeTree(deliveryKey(delivery));
  }
}
