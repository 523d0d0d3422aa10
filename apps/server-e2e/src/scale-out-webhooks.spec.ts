// Issue 11, webhooks across processes: two ROLE=api processes and two ROLE=worker processes on one
// Redis, one PostgreSQL (which holds the webhooks) and one MEDIA_DIR, as docs/deploy.md starts them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { RunningRedis, startPostgres, startRedis, TestPostgres } from '@cmm/test-services';
import { bearer, gql, uploadFile } from './support/graphql-client';
import { RunningServer, startServer } from './support/server-process';
import { deliveries, finished, startWebhookReceiver, verifies, WebhookReceiver } from './support/webhook-receiver';
import { until } from './support/until';

const TOKEN = 'e2e-token-0123456789abcdef';
const AUTH = bearer(TOKEN);
const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id } } }`;
const LIST = `{ webhooks { id url events } }`;
const PLAYLIST = `query($id: ID!) { playlist(id: $id) { status error } }`;

async function upload(api: RunningServer, clip: string): Promise<string> {
  const { body } = await uploadFile(api.url, clip, { resolutions: [144], segmentDuration: 2 }, undefined, { 'apollo-require-preflight': 'true', ...AUTH });
  expect(body.errors).toBeUndefined();
  return body.data.uploadVideo.id;
}

describe('scale-out webhooks: two API processes and two workers sharing the webhooks in PostgreSQL', () => {
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-scale-hooks-'));
  const mediaDir = mkdtempSync(join(tmpdir(), 'cmm-e2e-scale-hooks-media-'));
  let redis: RunningRedis;
  let postgres: TestPostgres;
  let receiver: WebhookReceiver;
  const apis: RunningServer[] = [];
  let workers: RunningServer[] = [];
  let hook: { id: string; secret: string };

  beforeAll(async () => {
    [redis, postgres, receiver] = await Promise.all([startRedis(), startPostgres(), startWebhookReceiver()]);
    const shared = { REDIS_URL: redis.url, DATABASE_URL: postgres.url, API_TOKENS: TOKEN, WEBHOOK_ALLOW_PRIVATE: 'true' };
    // the first process migrates the database; the others find it done
    apis.push(await startServer({ ...shared, ROLE: 'api' }, mediaDir));
    apis.push(await startServer({ ...shared, ROLE: 'api' }, mediaDir));
    workers = await Promise.all([1, 2].map(() => startServer({ ...shared, ROLE: 'worker' }, mediaDir)));
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...apis, ...workers].map((server) => server.stop()));
    await Promise.all([redis?.remove(), postgres?.close(), receiver?.close()]);
  });

  it('knows through API 1 a webhook created through API 2, and keeps no file of it in the media folder', async () => {
    const { data, errors } = await gql(apis[1].url, CREATE, { input: { url: receiver.url, events: ['PLAYLIST_READY', 'PLAYLIST_FAILED'] } }, AUTH);
    expect(errors).toBeUndefined();
    hook = { id: data?.createWebhook.webhook.id, secret: data?.createWebhook.secret };
    expect((await gql(apis[0].url, LIST, {}, AUTH)).data?.webhooks).toEqual([{ id: hook.id, url: receiver.url, events: ['PLAYLIST_READY', 'PLAYLIST_FAILED'] }]);
    expect((await fetch(`${apis[0].url}/media/.webhooks/${hook.id}/endpoint.json`)).status).toBe(404);
  });

  it('sends playlist.ready, raised by the worker that finished the upload made through API 1, signed, and shows it delivered through API 1', async () => {
    const id = await upload(apis[0], makeClip(join(work, 'ready.mp4'), { seconds: 2, width: 192, height: 144 }));
    await until('the upload to be READY', async () => (await gql(apis[1].url, PLAYLIST, { id })).data?.playlist?.status === 'READY');

    const delivery = await finished(apis[0].url, hook.id, 'PLAYLIST_READY', AUTH);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 1, lastResponseCode: 200 });
    const request = receiver.requests.find((r) => r.headers['webhook-id'] === delivery.eventId);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ id: delivery.eventId, type: 'playlist.ready', data: { playlist: { id, status: 'READY', playable: true } } });
    expect(request?.body).toBe(delivery.payload);
    expect(verifies(request?.headers ?? {}, request?.body ?? '', hook.secret)).toBe(true);
  }, 180_000);

  it('sends playlist.failed for an upload the worker cannot encode', async () => {
    const full = makeClip(join(work, 'full.mp4'), { seconds: 6, extraArgs: ['-movflags', '+faststart'] });
    const truncated = join(work, 'cut-short.mp4');
    // the index (moov) is at the front, so the upload is accepted; the media data stops at 40 %
    const bytes = readFileSync(full);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.4)));
    const id = await upload(apis[0], truncated);

    const delivery = await finished(apis[1].url, hook.id, 'PLAYLIST_FAILED', AUTH);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 1 });
    const request = receiver.requests.find((r) => r.headers['webhook-id'] === delivery.eventId);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ type: 'playlist.failed', data: { playlist: { id, status: 'FAILED', error: expect.stringMatching(/truncated/i) } } });
    expect(verifies(request?.headers ?? {}, request?.body ?? '', hook.secret)).toBe(true);
  }, 180_000);

  it('delivered each event once, though four processes look for due deliveries', async () => {
    const all = await deliveries(apis[1].url, hook.id, AUTH);
    expect(all.map((d) => [d.eventType, d.status]).sort()).toEqual([
      ['PLAYLIST_FAILED', 'DELIVERED'],
      ['PLAYLIST_READY', 'DELIVERED'],
    ]);
    const received = receiver.requests.map((r) => r.headers['webhook-id']);
    expect(received.sort()).toEqual(all.map((d) => d.eventId).sort());
  });
});
