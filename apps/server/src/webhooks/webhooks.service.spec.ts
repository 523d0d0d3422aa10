import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Catalog, CatalogListener } from '../catalog/catalog';
import type { PlaylistManifest } from '../catalog/manifest';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { AppConfig } from '../config/app-config';
import { NotFoundError, ValidationError } from '../errors/domain-error';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import type { OutboundHttp } from './outbound-http';
import { StorageWebhookStore } from './storage-webhook-store';
import { WebhookEventType } from './webhook-event-type';
import { AttemptOutcome, DeliveryStatus } from './webhook-records';
import { verifySignature } from './webhook-signature';
import { WebhooksService } from './webhooks.service';

const playlist = (status: PlaylistStatus, playable_at: string | null = null) => ({ id: 'p1', title: 'P', status, error: null, hls_manifest: 'stream/master.m3u8', dash_manifest: null, poster: null, playable_at }) as PlaylistManifest;

/** The service over a real store in a temp folder; the outbound adapter records what it was asked to send, and answers once `held` settles. */
function setup(root = mkdtempSync(join(tmpdir(), 'cmm-webhooks-service-')), answers: AttemptOutcome[] = [], held = Promise.resolve()) {
  const listeners: CatalogListener[] = [];
  const catalog = { onChange: (listener: CatalogListener) => listeners.push(listener) } as unknown as Catalog;
  const sent: { url: string; headers: Record<string, string>; body: string }[] = [];
  const outbound = {
    post: async (url: string, headers: Record<string, string>, body: string) => {
      sent.push({ url, headers, body });
      await held;
      return answers.shift() ?? { kind: 'response', status: 204, excerpt: '' };
    },
  } as unknown as OutboundHttp;
  const config = Object.assign(new AppConfig(), { WEBHOOK_RETRY_BASE_MS: 1, WEBHOOK_MAX_ATTEMPTS: 3 });
  const store = new StorageWebhookStore(new LocalDiskStorage(root));
  const service = new WebhooksService(store, outbound, catalog, config);
  const change = (before: PlaylistManifest | null, after: PlaylistManifest | null) => listeners.forEach((listener) => listener(before, after));
  // what the module's factory does before the service starts
  const init = async () => {
    await store.load();
    service.onModuleInit();
  };
  return { root, service, sent, change, init };
}

async function settled(service: WebhooksService, webhookId: string, count = 1) {
  for (;;) {
    const items = (await service.page(webhookId, 100, null)).items;
    if (items.length >= count && items.every((d) => d.status !== DeliveryStatus.PENDING)) return items;
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('WebhooksService', () => {
  it('sends a subscribed event, signed with the endpoint’s secret, and records it', async () => {
    const { service, sent, change, init } = setup();
    await init();
    service.onApplicationBootstrap();
    const hook = await service.create({ url: 'https://example.com/h', events: [WebhookEventType.PLAYLIST_READY] });
    change(playlist(PlaylistStatus.PACKAGING, 'x'), playlist(PlaylistStatus.READY, 'x'));
    const [delivery] = await settled(service, hook.id);
    expect(delivery).toMatchObject({ status: DeliveryStatus.DELIVERED, attempts: 1, last_response_code: 204, event_type: WebhookEventType.PLAYLIST_READY });
    expect(sent).toHaveLength(1);
    const { headers, body } = sent[0];
    expect(verifySignature({ id: headers['webhook-id'], timestamp: Number(headers['webhook-timestamp']), body }, headers['webhook-signature'], hook.secret, Date.now() / 1000)).toBe(true);
    await service.onModuleDestroy();
  });

  it('sends nothing for events a webhook did not subscribe to', async () => {
    const { service, sent, change, init } = setup();
    await init();
    service.onApplicationBootstrap();
    const hook = await service.create({ url: 'https://example.com/h', events: [WebhookEventType.PLAYLIST_DELETED] });
    change(playlist(PlaylistStatus.TRANSCODING), playlist(PlaylistStatus.FAILED));
    change(playlist(PlaylistStatus.READY), null);
    await settled(service, hook.id);
    expect((await service.page(hook.id, 10, null)).items.map((d) => d.event_type)).toEqual([WebhookEventType.PLAYLIST_DELETED]);
    expect(sent).toHaveLength(1);
    await service.onModuleDestroy();
  });

  it('retries with backoff until the attempts run out', async () => {
    const failure: AttemptOutcome = { kind: 'response', status: 500, excerpt: '' };
    const { service, sent, change, init } = setup(undefined, [failure, failure, failure]);
    await init();
    service.onApplicationBootstrap();
    const hook = await service.create({ url: 'https://example.com/h', events: [WebhookEventType.PLAYLIST_DELETED] });
    change(playlist(PlaylistStatus.READY), null);
    const [delivery] = await settled(service, hook.id);
    expect(delivery).toMatchObject({ status: DeliveryStatus.FAILED, attempts: 3, last_response_code: 500 });
    expect(new Set(sent.map((s) => s.headers['webhook-id'])).size).toBe(1);
    await service.onModuleDestroy();
  });

  it('resumes at start-up the deliveries a previous run left pending', async () => {
    const first = setup();
    await first.init();
    const hook = await first.service.create({ url: 'https://example.com/h', events: [WebhookEventType.PLAYLIST_DELETED] });
    // not bootstrapped: the delivery is written but never attempted, as when a server dies at once
    first.change(playlist(PlaylistStatus.READY), null);
    while ((await first.service.page(hook.id, 10, null)).totalCount === 0) await new Promise((r) => setTimeout(r, 5));
    expect(first.sent).toEqual([]);
    const second = setup(first.root);
    await second.init();
    second.service.onApplicationBootstrap();
    const [delivery] = await settled(second.service, hook.id);
    expect(delivery.status).toBe(DeliveryStatus.DELIVERED);
    expect(second.sent).toHaveLength(1);
    await second.service.onModuleDestroy();
  });

  it('lets an attempt in flight finish and records it when shutting down', async () => {
    let answer = () => undefined as void;
    const { root, service, sent, change, init } = setup(undefined, [], new Promise<void>((resolve) => (answer = resolve)));
    await init();
    service.onApplicationBootstrap();
    const hook = await service.create({ url: 'https://example.com/h', events: [WebhookEventType.PLAYLIST_DELETED] });
    change(playlist(PlaylistStatus.READY), null);
    while (sent.length === 0) await new Promise((r) => setTimeout(r, 5));
    const stopping = service.onModuleDestroy();
    answer();
    await stopping;
    const restarted = setup(root);
    await restarted.init();
    expect((await restarted.service.page(hook.id, 10, null)).items).toEqual([expect.objectContaining({ status: DeliveryStatus.DELIVERED, attempts: 1 })]);
  });

  it('refuses a private IP unless allowed, and unknown ids', async () => {
    const { service, init } = setup();
    await init();
    await expect(service.create({ url: 'http://192.168.1.5/h', events: [WebhookEventType.PLAYLIST_READY] })).rejects.toThrow(ValidationError);
    await expect(service.delete('wh_none')).rejects.toThrow(NotFoundError);
    await expect(service.page('wh_none', 10, null)).rejects.toThrow(NotFoundError);
    expect(await service.list()).toEqual([]);
  });
});
