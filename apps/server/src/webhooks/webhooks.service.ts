import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { PlaylistManifest } from '../catalog/manifest';
import { Catalog } from '../catalog/catalog';
import { AppConfig } from '../config/app-config';
import { NotFoundError, ValidationError } from '../errors/domain-error';
import { forbiddenAddressReason } from './address-rule';
import { recordAttempt } from './delivery-step';
import type { CreateWebhookInput } from './dto/create-webhook.input';
import { lifecycleEvents } from './lifecycle-events';
import { OutboundHttp } from './outbound-http';
import type { RetryPolicy } from './retry-schedule';
import { newId } from './webhook-id';
import { webhookPayload } from './webhook-payload';
import { DeliveryStatus, RaisedEvent, WebhookEndpoint } from './webhook-records';
import { SECRET_PREFIX, signedHeaders } from './webhook-signature';
import { ClaimedDelivery, DeliveryPage, WebhookStore } from './webhook-store';

export const MAX_WEBHOOKS = 50;
/** Finished deliveries kept per webhook for `webhookDeliveries`; older ones are removed. */
export const KEPT_DELIVERIES = 100;
/** Attempts in flight at once in this process, over all webhooks. */
const PARALLEL_ATTEMPTS = 4;
/** How often the store is asked for due deliveries when nothing nearer is known: other processes' new ones, claims that lapsed. */
const POLL_MS = 2000;
/** The shortest wait between two looks, so a delivery another process is claiming right now is not asked for in a loop. */
const MIN_WAIT_MS = 50;
/** A claim outlives the attempt it covers (bounded by WEBHOOK_TIMEOUT_MS) by this much before another process may retry it. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Webhooks: endpoints, and deliveries of the playlist events this process's catalog changes raise.
 * Every delivery is stored before its first attempt and after each one; attempts go to whoever
 * claims the delivery in the store (one process at a time, at least once: an attempt cut short by
 * a crash is made again once its claim lapses, by this process after a restart or by another).
 */
@Injectable()
export class WebhooksService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhooksService.name);
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly policy: RetryPolicy;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  /** The look for due deliveries under way, and whether another was asked for meanwhile. */
  private looking: Promise<void> | null = null;
  private lookAgain = false;
  /** Whether the last look failed: a store that stays down is logged once, not at every poll. */
  private failing = false;

  constructor(
    private readonly store: WebhookStore,
    private readonly outbound: OutboundHttp,
    private readonly catalog: Catalog,
    private readonly config: AppConfig,
  ) {
    this.policy = { baseMs: config.WEBHOOK_RETRY_BASE_MS, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS };
    this.leaseMs = config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS;
  }

  onModuleInit(): void {
    this.catalog.onChange((before, after) => this.onPlaylistChange(before, after));
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.logger.log({ event: 'webhooks.started', store: this.store.constructor.name, pollMs: POLL_MS });
    this.wake();
  }

  /** Stops looking for due deliveries and lets attempts in flight finish and be recorded (each is bounded by WEBHOOK_TIMEOUT_MS). */
  async onModuleDestroy(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.looking;
    await Promise.all(this.inFlight.values());
  }

  list(): Promise<WebhookEndpoint[]> {
    return this.store.endpoints();
  }

  async get(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.store.endpoint(id);
    if (!endpoint) throw new NotFoundError(`No webhook with id "${id}"`);
    return endpoint;
  }

  async create(input: CreateWebhookInput): Promise<WebhookEndpoint> {
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
    if (!(await this.store.addEndpoint(endpoint, MAX_WEBHOOKS))) throw new ValidationError('url', `This server keeps at most ${MAX_WEBHOOKS} webhooks: delete one first`);
    this.logger.log({ event: 'webhook.created', webhookId: endpoint.id, events: endpoint.events });
    return endpoint;
  }

  /** Removes the webhook and its deliveries; an attempt in flight finishes but is not recorded. */
  async delete(id: string): Promise<void> {
    if (!(await this.store.removeEndpoint(id))) throw new NotFoundError(`No webhook with id "${id}"`);
    this.logger.log({ event: 'webhook.deleted', webhookId: id });
  }

  /** A webhook's deliveries newest first, `first` of them after the delivery with id `after`. */
  async page(webhookId: string, first: number, after: string | null): Promise<DeliveryPage> {
    await this.get(webhookId);
    const page = await this.store.deliveries(webhookId, first, after);
    if (!page) throw new ValidationError('after', `No delivery "${after}" in this webhook's list: it may have been removed; start again without after`);
    return page;
  }

  private onPlaylistChange(before: PlaylistManifest | null, after: PlaylistManifest | null): void {
    const manifest = after ?? before;
    if (!manifest) return;
    for (const type of lifecycleEvents(before, after)) {
      const at = new Date();
      const id = newId('evt');
      const event: RaisedEvent = { id, type, at: at.toISOString(), body: webhookPayload({ id, type, at }, manifest) };
      void this.store.addDeliveries(event).then(
        (added) => added.length > 0 && this.wake(),
        (error: Error) => this.logger.error({ event: 'webhook.delivery_unrecorded', playlistId: manifest.id, type, eventId: id, message: error.message }),
      );
    }
  }

  /** Looks for due deliveries now, unless a look is under way (then once more after it). */
  private wake(): void {
    if (!this.running) return;
    if (this.looking) {
      this.lookAgain = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.looking = this.look()
      .then(
        (wait) => {
          if (this.failing) this.logger.log({ event: 'webhook.claims_resumed' });
          this.failing = false;
          return wait;
        },
        (error: Error) => {
          if (!this.failing) this.logger.error({ event: 'webhook.claim_failed', message: error.message });
          this.failing = true;
          return POLL_MS;
        },
      )
      .then((wait) => {
        this.looking = null;
        if (!this.running) return;
        if (this.lookAgain) {
          this.lookAgain = false;
          this.wake();
        } else if (wait !== null) this.timer = setTimeout(() => this.wake(), wait).unref();
      });
  }

  /** Claims what is due for the free slots and starts the attempts; returns how long to wait before looking again (null: until an attempt ends). */
  private async look(): Promise<number | null> {
    const slots = PARALLEL_ATTEMPTS - this.inFlight.size;
    if (slots <= 0) return null;
    const now = new Date();
    for (const claim of await this.store.claimDue(now, slots, new Date(now.getTime() + this.leaseMs))) this.start(claim);
    if (this.inFlight.size >= PARALLEL_ATTEMPTS) return null;
    const next = await this.store.nextClaimableAt();
    return next === null ? POLL_MS : Math.min(Math.max(next.getTime() - Date.now(), MIN_WAIT_MS), POLL_MS);
  }

  private start(claim: ClaimedDelivery): void {
    const id = claim.delivery.id;
    const attempt = this.attempt(claim)
      .catch((error: Error) => this.logger.error({ event: 'webhook.attempt_crashed', deliveryId: id, message: error.message, stack: error.stack }))
      .finally(() => (this.inFlight.delete(id), this.wake()));
    this.inFlight.set(id, attempt);
  }

  private async attempt({ delivery, url, secret, leaseUntil }: ClaimedDelivery): Promise<void> {
    const headers = signedHeaders({ id: delivery.event_id, timestamp: Math.floor(Date.now() / 1000), body: delivery.body }, secret);
    const outcome = await this.outbound.post(url, headers, delivery.body);
    const next = recordAttempt(delivery, outcome, new Date(), this.policy, Math.random());
    const log = { webhookId: delivery.webhook_id, deliveryId: delivery.id, type: next.event_type, attempts: next.attempts, code: next.last_response_code, error: next.last_error };
    // unrecorded, the attempt is made again once the claim lapses: at least once still holds
    const recorded = await this.store.saveAttempt(next, leaseUntil, KEPT_DELIVERIES).catch((error: Error) => {
      this.logger.error({ event: 'webhook.attempt_unrecorded', ...log, message: error.message });
      return null;
    });
    if (recorded === null) return;
    // the webhook was deleted meanwhile, or the claim lapsed and another process took the delivery over
    if (!recorded) return this.logger.warn({ event: 'webhook.attempt_superseded', ...log });
    if (next.status === DeliveryStatus.FAILED) this.logger.warn({ event: 'webhook.failed', ...log });
    else this.logger.log({ event: `webhook.${next.status.toLowerCase()}`, ...log });
  }
}
