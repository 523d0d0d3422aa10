import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { StorageWebhookStore } from './storage-webhook-store';
import { WebhookEventType } from './webhook-event-type';
import { DeliveryRecord, DeliveryStatus, WebhookEndpoint } from './webhook-records';

const endpoint: WebhookEndpoint = { id: 'wh_1', url: 'https://example.com/h', events: [WebhookEventType.PLAYLIST_READY], description: null, secret: 'whsec_x', created_at: '2026-01-01T00:00:00.000Z' };
const delivery: DeliveryRecord = {
  id: 'whd_1',
  webhook_id: 'wh_1',
  event_id: 'evt_1',
  event_type: WebhookEventType.PLAYLIST_READY,
  body: '{}',
  status: DeliveryStatus.PENDING,
  attempts: 0,
  created_at: endpoint.created_at,
  next_attempt_at: endpoint.created_at,
  last_attempt_at: null,
  last_response_code: null,
  last_error: null,
};

describe('StorageWebhookStore', () => {
  let root: string;
  const open = () => new StorageWebhookStore(new LocalDiskStorage(root));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cmm-webhooks-'));
  });

  it('loads what was saved, in a hidden folder of the media root', async () => {
    await open().saveEndpoint(endpoint);
    await open().saveDelivery(delivery);
    await open().saveDelivery({ ...delivery, attempts: 1 });
    expect(readdirSync(root)).toEqual(['.webhooks']);
    expect(await open().load()).toEqual({ endpoints: [endpoint], deliveries: [{ ...delivery, attempts: 1 }] });
  });

  it('forgets a removed delivery, and a removed endpoint with all its deliveries', async () => {
    const store = open();
    await store.saveEndpoint(endpoint);
    await store.saveDelivery(delivery);
    await store.saveDelivery({ ...delivery, id: 'whd_2' });
    await store.removeDelivery(delivery);
    expect((await open().load()).deliveries.map((d) => d.id)).toEqual(['whd_2']);
    await store.removeEndpoint('wh_1');
    expect(await open().load()).toEqual({ endpoints: [], deliveries: [] });
    expect(existsSync(join(root, '.webhooks', 'wh_1'))).toBe(false);
  });

  it('sweeps what a crash during a deletion left, and skips temp and unreadable files', async () => {
    await open().saveEndpoint(endpoint);
    await open().saveDelivery(delivery);
    writeFileSync(join(root, '.webhooks/wh_1/deliveries/whd_1.json.abc123.tmp'), '{');
    writeFileSync(join(root, '.webhooks/wh_1/deliveries/whd_bad.json'), '{ half');
    mkdirSync(join(root, '.webhooks/wh_gone/deliveries'), { recursive: true });
    writeFileSync(join(root, '.webhooks/wh_gone/deliveries/whd_9.json'), JSON.stringify({ ...delivery, id: 'whd_9', webhook_id: 'wh_gone' }));
    expect(await open().load()).toEqual({ endpoints: [endpoint], deliveries: [delivery] });
    expect(existsSync(join(root, '.webhooks/wh_gone'))).toBe(false);
  });
});
