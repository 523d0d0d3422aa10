import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { PlaylistManifest } from '../catalog/manifest';
import { Catalog } from '../catalog/catalog';
import { AppConfig } from '../config/app-config';
import { NotFoundError, ValidationError } from '../errors/domain-error';
import { forbiddenAddressReason } from './address-rule';
import { dueDeliveries, recordAttempt } from './delivery-step';
import type { CreateWebhookInput } from './dto/create-webhook.input';
import { lifecycleEvents } from './lifecycle-events';
import { OutboundHttp } from './outbound-http';
import type { RetryPolicy } from './retry-schedule';
import { WebhookEventType } from './webhook-event-type';
import { webhookPayload } from './webhook-payload';
import { DeliveryRecord, DeliveryStatus, WebhookEndpoint } from './webhook-records';
import { SECRET_PREFIX, signedHeaders } from './webhook-signature';
import { WebhookStore } from './webhook-store';

export const MAX_WEBHOOKS = 50;
/** Finished deliveries kept per webhook for `webhookDeliveries`; older ones are removed. */
export const KEPT_DELIVERIES = 100;
/** Attempts in flight at once, over all webhooks. */
const PARALLEL_ATTEMPTS = 4;
/** setTimeout's longest wait; a later attempt is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const newId = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;
const byCreation = (a: DeliveryRecord, b: DeliveryRecord) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id);

/**
 * Webhooks: endpoints, and deliveries of the playlist events the catalog's changes raise. Every
 * delivery is persisted before its first attempt and after each one, so a restart resumes the
 * pending ones (at least once: an attempt cut short by a crash is made again).
 */
@Injectable()
export class WebhooksService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhooksService.name);
  private readonly endpoints = new Map<string, WebhookEndpoint>();
  /** Per webhook, oldest first. */
  private readonly deliveries = new Map<string, DeliveryRecord[]>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly policy: RetryPolicy;
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly store: WebhookStore,
    private readonly outbound: OutboundHttp,
    private readonly catalog: Catalog,
    private readonly config: AppConfig,
  ) {
    this.policy = { baseMs: config.WEBHOOK_RETRY_BASE_MS, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS };
  }

  async onModuleInit(): Promise<void> {
    const { endpoints, deliveries } = await this.store.load();
    for (const endpoint of endpoints) {
      this.endpoints.set(endpoint.id, endpoint);
      this.deliveries.set(endpoint.id, []);
    }
    for (const delivery of deliveries.sort(byCreation)) this.deliveries.get(delivery.webhook_id)?.push(delivery);
    this.catalog.onChange((before, after) => this.onPlaylistChange(before, after));
  }

  onApplicationBootstrap(): void {
    this.running = true;
    const pending = [...this.deliveries.values()].flat().filter((d) => d.status === DeliveryStatus.PENDING).length;
    this.logger.log({ event: 'webhooks.loaded', webhooks: this.endpoints.size, pending });
    this.wake();
  }

  /** Stops scheduling and lets attempts in flight finish (each is bounded by WEBHOOK_TIMEOUT_MS). */
  async onModuleDestroy(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all(this.inFlight.values());
  }

  list(): WebhookEndpoint[] {
    return [...this.endpoints.values()].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id.localeCompare(a.id));
  }

  get(id: string): WebhookEndpoint {
    const endpoint = this.endpoints.get(id);
    if (!endpoint) throw new NotFoundError(`No webhook with id "${id}"`);
    return endpoint;
  }

  async create(input: CreateWebhookInput): Promise<WebhookEndpoint> {
    if (this.endpoints.size >= MAX_WEBHOOKS) throw new ValidationError('url', `This server keeps at most ${MAX_WEBHOOKS} webhooks: delete one first`);
    const host = new URL(input.url).hostname.replace(/^\[(.*)\]$/, '$1');
    const reason = isIP(host) !== 0 && !this.config.WEBHOOK_ALLOW_PRIVATE ? forbiddenAddressReason(host) : null;
    if (reason) throw new ValidationError('url', `${reason}: webhooks may not reach private addresses unless the server sets WEBHOOK_ALLOW_PRIVATE=true`);
    const endpoint: WebhookEndpoint = {
      id: newId('wh'),
      url: input.url,
      events: [...input.events],
      description: input.description?.trim() || null,
      secret: SECRET_PREFIX + randomBytes(24).toString('base64'),
      created_at: new Date().toISOString(),
    };
    await this.store.saveEndpoint(endpoint);
    this.endpoints.set(endpoint.id, endpoint);
    this.deliveries.set(endpoint.id, []);
    this.logger.log({ event: 'webhook.created', webhookId: endpoint.id, events: endpoint.events });
    return endpoint;
  }

  /** Removes the webhook and its deliveries; an attempt in flight finishes but is not recorded. */
  async delete(id: string): Promise<void> {
    this.get(id);
    this.endpoints.delete(id);
    this.deliveries.delete(id);
    await this.store.removeEndpoint(id);
    this.logger.log({ event: 'webhook.deleted', webhookId: id });
  }

  /** A webhook's deliveries newest first, `first` of them after the delivery with id `after`. */
  page(webhookId: string, first: number, after: string | null): { items: DeliveryRecord[]; hasNextPage: boolean; totalCount: number } {
    this.get(webhookId);
    const newestFirst = [...(this.deliveries.get(webhookId) ?? [])].reverse();
    const start = after === null ? 0 : newestFirst.findIndex((d) => d.id === after) + 1;
    if (start === 0 && after !== null) throw new ValidationError('after', `No delivery "${after}" in this webhook's list: it may have been removed; start again without after`);
    const items = newestFirst.slice(start, start + first);
    return { items, hasNextPage: start + first < newestFirst.length, totalCount: newestFirst.length };
  }

  private onPlaylistChange(before: PlaylistManifest | null, after: PlaylistManifest | null): void {
    const manifest = after ?? before;
    if (!manifest) return;
    for (const type of lifecycleEvents(before, after)) {
      const event = { id: newId('evt'), type, at: new Date() };
      const body = webhookPayload(event, manifest);
      for (const endpoint of this.endpoints.values()) {
        if (endpoint.events.includes(type)) void this.enqueue(endpoint, event.id, type, body, event.at, manifest.id);
      }
    }
  }

  private async enqueue(endpoint: WebhookEndpoint, eventId: string, type: WebhookEventType, body: string, at: Date, playlistId: string): Promise<void> {
    const delivery: DeliveryRecord = {
      id: newId('whd'),
      webhook_id: endpoint.id,
      event_id: eventId,
      event_type: type,
      body,
      status: DeliveryStatus.PENDING,
      attempts: 0,
      created_at: at.toISOString(),
      next_attempt_at: at.toISOString(),
      last_attempt_at: null,
      last_response_code: null,
      last_error: null,
    };
    try {
      await this.store.saveDelivery(delivery);
    } catch (error) {
      this.logger.error({ event: 'webhook.delivery_unrecorded', webhookId: endpoint.id, playlistId, type, message: (error as Error).message });
      return;
    }
    const list = this.deliveries.get(endpoint.id);
    if (!list) return;
    list.push(delivery);
    this.wake();
  }

  /** Starts the attempts that are due, and sets a timer for the next one. */
  private wake(): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const pending = [...this.deliveries.values()].flat().filter((d) => d.status === DeliveryStatus.PENDING && !this.inFlight.has(d.id));
    const now = Date.now();
    const { due, wakeAt } = dueDeliveries(pending, now, PARALLEL_ATTEMPTS - this.inFlight.size);
    for (const id of due) {
      const delivery = pending.find((d) => d.id === id) as DeliveryRecord;
      const attempt = this.attempt(delivery)
        .catch((error: Error) => this.logger.error({ event: 'webhook.attempt_crashed', deliveryId: id, message: error.message, stack: error.stack }))
        .finally(() => (this.inFlight.delete(id), this.wake()));
      this.inFlight.set(id, attempt);
    }
    if (wakeAt !== null) this.timer = setTimeout(() => this.wake(), Math.min(wakeAt - now, MAX_TIMER_MS)).unref();
  }

  private async attempt(delivery: DeliveryRecord): Promise<void> {
    const endpoint = this.endpoints.get(delivery.webhook_id);
    if (!endpoint) return;
    const headers = signedHeaders({ id: delivery.event_id, timestamp: Math.floor(Date.now() / 1000), body: delivery.body }, endpoint.secret);
    const outcome = await this.outbound.post(endpoint.url, headers, delivery.body);
    const next = recordAttempt(delivery, outcome, new Date(), this.policy, Math.random());
    const list = this.deliveries.get(delivery.webhook_id);
    if (!list) return;
    // recorded before it is shown; unrecorded, the attempt is made again after a restart (at least once still holds)
    await this.store.saveDelivery(next).catch((error: Error) => this.logger.error({ event: 'webhook.attempt_unrecorded', webhookId: endpoint.id, deliveryId: delivery.id, message: error.message }));
    list[list.indexOf(delivery)] = next;
    const log = { event: `webhook.${next.status.toLowerCase()}`, webhookId: endpoint.id, deliveryId: next.id, type: next.event_type, attempts: next.attempts, code: next.last_response_code, error: next.last_error };
    if (next.status === DeliveryStatus.FAILED) this.logger.warn(log);
    else this.logger.log(log);
    if (next.status !== DeliveryStatus.PENDING) await this.prune(list);
  }

  private async prune(list: DeliveryRecord[]): Promise<void> {
    const finished = list.filter((d) => d.status !== DeliveryStatus.PENDING);
    for (const old of finished.slice(0, Math.max(finished.length - KEPT_DELIVERIES, 0))) {
      list.splice(list.indexOf(old), 1);
      await this.store.removeDelivery(old).catch((error: Error) => this.logger.warn({ event: 'webhook.prune_failed', deliveryId: old.id, message: error.message }));
    }
  }
}
