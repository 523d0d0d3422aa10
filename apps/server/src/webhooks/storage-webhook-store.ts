import { Logger } from '@nestjs/common';
import type { Storage } from '../storage/storage';
import { Claimable, dueDeliveries, newDelivery, nextClaimable, prunable } from './delivery-step';
import { newId } from './webhook-id';
import { DeliveryRecord, DeliveryStatus, RaisedEvent, WebhookEndpoint } from './webhook-records';
import { ClaimedDelivery, DeliveryPage, WebhookStore } from './webhook-store';

/** Hidden, so the catalog's start-up scan never takes it for a playlist. */
export const WEBHOOKS_DIR = '.webhooks';
const ENDPOINT_FILE = 'endpoint.json';
const RECORD = /^[\w-]+\.json$/;

const endpointDir = (id: string) => `${WEBHOOKS_DIR}/${id}`;
const deliveryKey = (d: Pick<DeliveryRecord, 'webhook_id' | 'id'>) => `${endpointDir(d.webhook_id)}/deliveries/${d.id}.json`;
const byCreation = (a: DeliveryRecord, b: DeliveryRecord) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);

/**
 * `.webhooks/<webhook id>/endpoint.json` and `deliveries/<delivery id>.json` beside it, each written
 * atomically, and read once into memory by `load`: the embedded default has one process, which
 * owns these files. Claims live in memory only, so a restart frees those of attempts it cut short.
 */
export class StorageWebhookStore extends WebhookStore {
  private readonly logger = new Logger(StorageWebhookStore.name);
  private readonly byId = new Map<string, WebhookEndpoint>();
  /** Per webhook, oldest first. */
  private readonly lists = new Map<string, DeliveryRecord[]>();
  /** Claimed deliveries: id → claim end (ISO). */
  private readonly leases = new Map<string, string>();

  constructor(private readonly storage: Storage) {
    super();
  }

  /** Reads the files; what a crash during a deletion left is swept, unreadable deliveries skipped. */
  async load(): Promise<void> {
    for (const id of await this.storage.list(WEBHOOKS_DIR)) {
      if (id.startsWith('.')) continue;
      const entries = await this.storage.list(endpointDir(id));
      if (!entries.includes(ENDPOINT_FILE)) {
        // what a crash during deleteWebhook leaves
        await this.storage.removeTree(endpointDir(id));
        this.logger.warn({ event: 'webhook.swept', webhookId: id });
        continue;
      }
      this.byId.set(id, JSON.parse(await this.storage.readText(`${endpointDir(id)}/${ENDPOINT_FILE}`)) as WebhookEndpoint);
      const deliveries: DeliveryRecord[] = [];
      for (const name of await this.storage.list(`${endpointDir(id)}/deliveries`)) {
        if (!RECORD.test(name)) continue;
        try {
          deliveries.push(JSON.parse(await this.storage.readText(`${endpointDir(id)}/deliveries/${name}`)) as DeliveryRecord);
        } catch (error) {
          this.logger.warn({ event: 'webhook.delivery_skipped', webhookId: id, file: name, reason: (error as Error).message });
        }
      }
      this.lists.set(id, deliveries.sort(byCreation));
    }
  }

  async endpoints(): Promise<WebhookEndpoint[]> {
    return [...this.byId.values()].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
  }

  async endpoint(id: string): Promise<WebhookEndpoint | null> {
    return this.byId.get(id) ?? null;
  }

  async addEndpoint(endpoint: WebhookEndpoint, limit: number): Promise<boolean> {
    if (this.byId.size >= limit) return false;
    await this.storage.writeAtomic(`${endpointDir(endpoint.id)}/${ENDPOINT_FILE}`, JSON.stringify(endpoint, null, 2) + '\n');
    this.byId.set(endpoint.id, endpoint);
    this.lists.set(endpoint.id, []);
    return true;
  }

  async removeEndpoint(id: string): Promise<boolean> {
    if (!this.byId.delete(id)) return false;
    this.lists.delete(id);
    // the endpoint file first: a crash part-way leaves a folder that load() sweeps
    await this.storage.removeTree(`${endpointDir(id)}/${ENDPOINT_FILE}`);
    await this.storage.removeTree(endpointDir(id));
    return true;
  }

  async addDeliveries(event: RaisedEvent): Promise<DeliveryRecord[]> {
    const added: DeliveryRecord[] = [];
    for (const endpoint of this.byId.values()) {
      if (!endpoint.events.includes(event.type)) continue;
      const delivery = newDelivery(newId('whd'), endpoint.id, event);
      await this.write(delivery);
      this.lists.get(endpoint.id)?.push(delivery);
      added.push(delivery);
    }
    return added;
  }

  async deliveries(webhookId: string, first: number, after: string | null): Promise<DeliveryPage | null> {
    const newestFirst = [...(this.lists.get(webhookId) ?? [])].reverse();
    const start = after === null ? 0 : newestFirst.findIndex((d) => d.id === after) + 1;
    if (start === 0 && after !== null) return null;
    return { items: newestFirst.slice(start, start + first), hasNextPage: start + first < newestFirst.length, totalCount: newestFirst.length };
  }

  async claimDue(now: Date, limit: number, leaseUntil: Date): Promise<ClaimedDelivery[]> {
    const pending = this.pending();
    return dueDeliveries(pending.map(this.claimable), now.getTime(), limit).map((id) => {
      const delivery = pending.find((d) => d.id === id) as DeliveryRecord;
      const endpoint = this.byId.get(delivery.webhook_id) as WebhookEndpoint;
      this.leases.set(id, leaseUntil.toISOString());
      return { delivery, url: endpoint.url, secret: endpoint.secret, leaseUntil: leaseUntil.toISOString() };
    });
  }

  async nextClaimableAt(): Promise<Date | null> {
    const at = nextClaimable(this.pending().map(this.claimable));
    return at === null ? null : new Date(at);
  }

  async saveAttempt(delivery: DeliveryRecord, leaseUntil: string, keep: number): Promise<boolean> {
    const list = this.lists.get(delivery.webhook_id);
    const index = list?.findIndex((d) => d.id === delivery.id) ?? -1;
    if (!list || index < 0 || this.leases.get(delivery.id) !== leaseUntil) return false;
    await this.write(delivery);
    list[index] = delivery;
    this.leases.delete(delivery.id);
    if (delivery.status === DeliveryStatus.PENDING) return true;
    for (const id of prunable(list, keep)) {
      const [old] = list.splice(list.findIndex((d) => d.id === id), 1);
      await this.storage.removeTree(deliveryKey(old)).catch((error: Error) => this.logger.warn({ event: 'webhook.prune_failed', deliveryId: id, message: error.message }));
    }
    return true;
  }

  private pending(): DeliveryRecord[] {
    return [...this.lists.values()].flat().filter((d) => d.status === DeliveryStatus.PENDING);
  }

  private readonly claimable = (d: DeliveryRecord): Claimable => ({ id: d.id, next_attempt_at: d.next_attempt_at, lease_until: this.leases.get(d.id) ?? null });

  private write(delivery: DeliveryRecord): Promise<void> {
    return this.storage.writeAtomic(deliveryKey(delivery), JSON.stringify(delivery) + '\n');
  }
}
