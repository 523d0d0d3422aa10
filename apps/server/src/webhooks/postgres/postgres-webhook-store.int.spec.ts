import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPostgres, TestPostgres } from '@cmm/test-services';
import type { Catalog, CatalogListener } from '../../catalog/catalog';
import type { PlaylistManifest } from '../../catalog/manifest';
import { PlaylistStatus } from '../../catalog/models/playlist-status.enum';
import { AppConfig } from '../../config/app-config';
import { LocalDiskStorage } from '../../storage/local-disk-storage';
import { describeWebhookImport, importWebhooks } from '../import-webhooks';
import type { OutboundHttp } from '../outbound-http';
import { StorageWebhookStore } from '../storage-webhook-store';
import { WebhookEventType } from '../webhook-event-type';
import { DeliveryRecord, DeliveryStatus, RaisedEvent, WebhookEndpoint } from '../webhook-records';
import { WebhooksService } from '../webhooks.service';
import { PostgresWebhookStore } from './postgres-webhook-store';

/** The webhook store against a real PostgreSQL, started for this file; two stores on one database are two processes. */
let postgres: TestPostgres;
let url: string;
const opened: PostgresWebhookStore[] = [];

const open = async () => {
  const store = await PostgresWebhookStore.open(url);
  opened.push(store);
  return store;
};

const T0 = Date.parse('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const endpoint = (id: string, events = [WebhookEventType.PLAYLIST_READY], ms = 0): WebhookEndpoint => ({ id, url: `https://example.com/${id}`, events, description: null, secret: `whsec_${id}`, created_at: at(ms).toISOString() });
const event = (id: string, ms = 0, type = WebhookEventType.PLAYLIST_READY): RaisedEvent => ({ id, type, at: at(ms).toISOString(), body: `{"id":"${id}"}` });
const finished = (d: DeliveryRecord, ms: number): DeliveryRecord => ({ ...d, status: DeliveryStatus.DELIVERED, attempts: d.attempts + 1, next_attempt_at: null, last_attempt_at: at(ms).toISOString(), last_response_code: 200 });

beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);

afterAll(async () => {
  await postgres?.close();
});

beforeEach(async () => {
  url = await postgres.createDatabase();
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.onApplicationShutdown()));
});

describe('PostgresWebhookStore', () => {
  it('keeps endpoints newest first, shared by every process, up to the limit even when two add at once', async () => {
    const [a, b] = [await open(), await open()];
    expect(await a.addEndpoint(endpoint('wh_1', undefined, 1), 3)).toBe(true);
    expect(await b.addEndpoint(endpoint('wh_2', [WebhookEventType.PLAYLIST_FAILED, WebhookEventType.PLAYLIST_READY], 2), 3)).toBe(true);
    expect(await b.endpoints()).toEqual([endpoint('wh_2', [WebhookEventType.PLAYLIST_FAILED, WebhookEventType.PLAYLIST_READY], 2), endpoint('wh_1', undefined, 1)]);
    expect(await a.endpoint('wh_2')).toEqual(endpoint('wh_2', [WebhookEventType.PLAYLIST_FAILED, WebhookEventType.PLAYLIST_READY], 2));
    const racing = await Promise.all([a.addEndpoint(endpoint('wh_3'), 3), b.addEndpoint(endpoint('wh_4'), 3)]);
    expect(racing.filter(Boolean)).toHaveLength(1);
    expect(await a.endpoints()).toHaveLength(3);
    expect(await b.removeEndpoint('wh_1')).toBe(true);
    expect(await a.removeEndpoint('wh_1')).toBe(false);
    expect(await a.endpoint('wh_1')).toBeNull();
  });

  it('records a delivery for each endpoint subscribed at that moment, and pages them newest first', async () => {
    const [a, b] = [await open(), await open()];
    await a.addEndpoint(endpoint('wh_ready'), 10);
    await a.addEndpoint(endpoint('wh_failed', [WebhookEventType.PLAYLIST_FAILED]), 10);
    const [first] = await b.addDeliveries(event('evt_1', 1));
    expect(first).toMatchObject({ webhook_id: 'wh_ready', event_id: 'evt_1', status: DeliveryStatus.PENDING, attempts: 0, next_attempt_at: at(1).toISOString(), body: '{"id":"evt_1"}' });
    await b.addDeliveries(event('evt_2', 2));
    await b.addDeliveries(event('evt_3', 3));
    const page = await a.deliveries('wh_ready', 2, null);
    expect(page).toMatchObject({ hasNextPage: true, totalCount: 3 });
    expect(page?.items.map((d) => d.event_id)).toEqual(['evt_3', 'evt_2']);
    expect((await a.deliveries('wh_ready', 2, page?.items[1].id ?? null))?.items).toEqual([first]);
    expect(await a.deliveries('wh_ready', 2, 'whd_none')).toBeNull();
    expect(await a.deliveries('wh_failed', 2, null)).toEqual({ items: [], hasNextPage: false, totalCount: 0 });
    // a removed endpoint takes its deliveries along and gets no more
    await a.removeEndpoint('wh_ready');
    expect(await b.addDeliveries(event('evt_4', 4))).toEqual([]);
    expect(await b.claimDue(at(10), 10, at(60_000))).toEqual([]);
  });

  it('gives each due delivery to one of two claimers racing for them', async () => {
    const [a, b] = [await open(), await open()];
    await a.addEndpoint(endpoint('wh_1'), 10);
    await a.addEndpoint(endpoint('wh_2'), 10);
    for (let i = 0; i < 20; i++) await a.addDeliveries(event(`evt_${i}`, i));
    const claimed: string[] = [];
    const claimer = async (store: PostgresWebhookStore) => {
      for (;;) {
        const claims = await store.claimDue(at(100), 3, at(60_000));
        if (claims.length === 0) return;
        claimed.push(...claims.map((c) => c.delivery.id));
      }
    };
    await Promise.all([claimer(a), claimer(b), claimer(a), claimer(b)]);
    expect(claimed).toHaveLength(40);
    expect(new Set(claimed).size).toBe(40);
    expect(await a.nextClaimableAt()).toEqual(at(60_000));
  });

  it('claims what is due, oldest first, with its endpoint as it is now; a lapsed claim is claimable again, same delivery', async () => {
    const [a, b] = [await open(), await open()];
    await a.addEndpoint(endpoint('wh_1'), 10);
    const [early] = await a.addDeliveries(event('evt_1', 0));
    const [late] = await a.addDeliveries(event('evt_2', 5000));
    expect(await a.nextClaimableAt()).toEqual(at(0));
    const [claim, ...rest] = await a.claimDue(at(1000), 5, at(30_000));
    expect(rest).toEqual([]);
    expect(claim).toEqual({ delivery: early, url: 'https://example.com/wh_1', secret: 'whsec_wh_1', leaseUntil: at(30_000).toISOString() });
    expect(await a.nextClaimableAt()).toEqual(at(5000));
    // the claimer dies: until its claim lapses nobody else makes the attempt
    expect((await b.claimDue(at(29_999), 5, at(90_000))).map((c) => c.delivery.id)).toEqual([late.id]);
    const [retaken] = await b.claimDue(at(30_000), 5, at(90_000));
    expect(retaken.delivery).toEqual(early);
    // the first claimer's late record is refused; the one holding the claim records it
    expect(await a.saveAttempt(finished(early, 2000), claim.leaseUntil, 100)).toBe(false);
    expect(await b.saveAttempt(finished(early, 31_000), retaken.leaseUntil, 100)).toBe(true);
    expect((await a.deliveries('wh_1', 10, null))?.items.find((d) => d.id === early.id)).toEqual(finished(early, 31_000));
    // recorded, it is no longer due; the other, whose claim lapsed unrecorded, is
    expect((await b.claimDue(at(200_000), 5, at(300_000))).map((c) => c.delivery.id)).toEqual([late.id]);
  });

  it('frees a delivery scheduled again for its next attempt, and prunes the finished ones beyond those kept', async () => {
    const store = await open();
    await store.addEndpoint(endpoint('wh_1'), 10);
    for (let i = 0; i < 4; i++) await store.addDeliveries(event(`evt_${i}`, i));
    const claims = await store.claimDue(at(10), 10, at(60_000));
    const retry = { ...claims[3].delivery, attempts: 1, next_attempt_at: at(2000).toISOString(), last_response_code: 500 };
    expect(await store.saveAttempt(retry, claims[3].leaseUntil, 2)).toBe(true);
    expect(await store.nextClaimableAt()).toEqual(at(2000));
    for (const { delivery, leaseUntil } of claims.slice(0, 3)) expect(await store.saveAttempt(finished(delivery, 20), leaseUntil, 2)).toBe(true);
    const kept = (await store.deliveries('wh_1', 10, null))?.items ?? [];
    expect(kept.map((d) => [d.event_id, d.status])).toEqual([
      ['evt_3', DeliveryStatus.PENDING],
      ['evt_2', DeliveryStatus.DELIVERED],
      ['evt_1', DeliveryStatus.DELIVERED],
    ]);
    expect((await store.claimDue(at(2000), 10, at(60_000))).map((c) => c.delivery)).toEqual([retry]);
  });
});

describe('importWebhooks', () => {
  it('carries a single node’s webhooks over with their secrets and deliveries, pending ones still due, once', async () => {
    const files = new StorageWebhookStore(new LocalDiskStorage(mkdtempSync(join(tmpdir(), 'cmm-webhooks-import-'))));
    await files.addEndpoint(endpoint('wh_1'), 10);
    const [done] = await files.addDeliveries(event('evt_1', 0));
    const [claim] = await files.claimDue(at(1), 1, at(60_000));
    await files.saveAttempt(finished(done, 10), claim.leaseUntil, 100);
    const [pending] = await files.addDeliveries(event('evt_2', 20));
    const database = await open();
    expect(describeWebhookImport(await importWebhooks(files, database))).toBe('import-catalog: 1 webhooks found: 1 imported with 2 deliveries, 0 already in the database');
    expect(await database.endpoints()).toEqual([endpoint('wh_1')]);
    expect((await database.deliveries('wh_1', 10, null))?.items).toEqual([pending, finished(done, 10)]);
    expect((await database.claimDue(at(100), 10, at(60_000))).map((c) => c.delivery)).toEqual([pending]);
    expect(await importWebhooks(files, database)).toEqual({ found: 1, imported: 0, deliveries: 0 });
  });
});

/** A process: the service over its own connection, its own catalog's changes, and a receiver that records what it was sent. */
async function startProcess(sent: string[]) {
  const store = await open();
  const listeners: CatalogListener[] = [];
  const catalog = { onChange: (listener: CatalogListener) => listeners.push(listener) } as unknown as Catalog;
  const outbound = { post: async (_url: string, headers: Record<string, string>) => (sent.push(headers['webhook-id']), { kind: 'response', status: 204, excerpt: '' }) } as unknown as OutboundHttp;
  const service = new WebhooksService(store, outbound, catalog, Object.assign(new AppConfig(), { WEBHOOK_RETRY_BASE_MS: 1, WEBHOOK_MAX_ATTEMPTS: 3 }));
  service.onModuleInit();
  service.onApplicationBootstrap();
  const change = (before: PlaylistManifest | null, after: PlaylistManifest | null) => listeners.forEach((listener) => listener(before, after));
  return { store, service, change };
}

async function delivered(service: WebhooksService, webhookId: string, count: number) {
  for (;;) {
    const { items } = await service.page(webhookId, 100, null);
    if (items.length >= count && items.every((d) => d.status === DeliveryStatus.DELIVERED)) return items;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('WebhooksService over PostgreSQL, in two processes', () => {
  const playlist = (status: PlaylistStatus) => ({ id: 'p1', title: 'P', status, error: null, hls_manifest: null, dash_manifest: null, poster: null, playable_at: null }) as PlaylistManifest;
  let services: WebhooksService[] = [];

  afterEach(async () => {
    await Promise.all(services.map((service) => service.onModuleDestroy()));
    services = [];
  });

  it('delivers the events one process raises once, with a webhook another process created, and both see it delivered', async () => {
    const sent: string[] = [];
    const [api, worker] = [await startProcess(sent), await startProcess(sent)];
    services = [api.service, worker.service];
    const hook = await api.service.create({ url: 'https://example.com/h', events: [WebhookEventType.PLAYLIST_READY, WebhookEventType.PLAYLIST_FAILED] });
    for (let i = 0; i < 5; i++) worker.change(playlist(PlaylistStatus.PACKAGING), playlist(i % 2 ? PlaylistStatus.READY : PlaylistStatus.FAILED));
    const items = await delivered(api.service, hook.id, 5);
    expect(sent.sort()).toEqual(items.map((d) => d.event_id).sort());
    expect(items.every((d) => d.attempts === 1)).toBe(true);
  });

  it('makes the attempt a dead process had claimed once its claim lapses: the same delivery, at least once', async () => {
    const sent: string[] = [];
    const dead = await open();
    await dead.addEndpoint(endpoint('wh_1'), 10);
    const [delivery] = await dead.addDeliveries(event('evt_1', 0));
    // claimed by a process that dies before its attempt
    await dead.claimDue(new Date(), 10, new Date(Date.now() + 500));
    const other = await startProcess(sent);
    services = [other.service];
    const [done] = await delivered(other.service, 'wh_1', 1);
    expect(done).toMatchObject({ id: delivery.id, event_id: 'evt_1', attempts: 1 });
    expect(sent).toEqual(['evt_1']);
  });
});
