import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { StorageWebhookStore } from './storage-webhook-store';
import { WebhookEventType } from './webhook-event-type';
import { DeliveryStatus, RaisedEvent, WebhookEndpoint } from './webhook-records';

const endpoint: WebhookEndpoint = { id: 'wh_1', url: 'https://example.com/h', events: [WebhookEventType.PLAYLIST_READY], description: null, secret: 'whsec_x', created_at: '2026-01-01T00:00:00.000Z' };
const event: RaisedEvent = { id: 'evt_1', type: WebhookEventType.PLAYLIST_READY, at: endpoint.created_at, body: '{}' };
const NOW = new Date('2026-01-01T00:00:01.000Z');
const LEASE = new Date('2026-01-01T00:01:00.000Z');

describe('StorageWebhookStore', () => {
  let root: string;
  const open = async () => {
    const store = new StorageWebhookStore(new LocalDiskStorage(root));
    await store.load();
    return store;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cmm-webhooks-'));
  });

  it('loads what was saved, in a hidden folder of the media root', async () => {
    const store = await open();
    await store.addEndpoint(endpoint, 10);
    const [delivery] = await store.addDeliveries(event);
    const [claim] = await store.claimDue(NOW, 4, LEASE);
    await store.saveAttempt({ ...delivery, attempts: 1 }, claim.leaseUntil, 100);
    expect(readdirSync(root)).toEqual(['.webhooks']);
    const reopened = await open();
    expect(await reopened.endpoints()).toEqual([endpoint]);
    expect((await reopened.deliveries('wh_1', 10, null))?.items).toEqual([{ ...delivery, attempts: 1 }]);
  });

  it('frees the claims of a previous run: its process is gone', async () => {
    const store = await open();
    await store.addEndpoint(endpoint, 10);
    await store.addDeliveries(event);
    expect(await store.claimDue(NOW, 4, LEASE)).toHaveLength(1);
    expect(await store.claimDue(NOW, 4, LEASE)).toEqual([]);
    expect(await (await open()).claimDue(NOW, 4, LEASE)).toHaveLength(1);
  });

  it('forgets a pruned delivery, and a removed endpoint with all its deliveries', async () => {
    const store = await open();
    await store.addEndpoint(endpoint, 10);
    await store.addDeliveries(event);
    await store.addDeliveries({ ...event, id: 'evt_2', at: '2026-01-01T00:00:00.500Z' });
    for (const { delivery, leaseUntil } of await store.claimDue(NOW, 4, LEASE)) await store.saveAttempt({ ...delivery, status: DeliveryStatus.DELIVERED, next_attempt_at: null }, leaseUntil, 1);
    expect((await (await open()).deliveries('wh_1', 10, null))?.items.map((d) => d.event_id)).toEqual(['evt_2']);
    expect(await store.removeEndpoint('wh_1')).toBe(true);
    expect(await (await open()).endpoints()).toEqual([]);
    expect(existsSync(join(root, '.webhooks', 'wh_1'))).toBe(false);
  });

  it('sweeps what a crash during a deletion left, and skips temp and unreadable files', async () => {
    const store = await open();
    await store.addEndpoint(endpoint, 10);
    const [delivery] = await store.addDeliveries(event);
    const deliveries = join(root, '.webhooks/wh_1/deliveries');
    writeFileSync(join(deliveries, `${delivery.id}.json.abc123.tmp`), '{');
    writeFileSync(join(deliveries, 'whd_bad.json'), '{ half');
    mkdirSync(join(root, '.webhooks/wh_gone/deliveries'), { recursive: true });
    writeFileSync(join(root, '.webhooks/wh_gone/deliveries/whd_9.json'), JSON.stringify({ ...delivery, id: 'whd_9', webhook_id: 'wh_gone' }));
    const reopened = await open();
    expect(await reopened.endpoints()).toEqual([endpoint]);
    expect((await reopened.deliveries('wh_1', 10, null))?.items).toEqual([delivery]);
    expect(existsSync(join(root, '.webhooks/wh_gone'))).toBe(false);
  });
});
