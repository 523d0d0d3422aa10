import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { bearer, gql, uploadFile } from './support/graphql-client';
import { RunningServer, startServer } from './support/server-process';
import { deliveries, DELIVERIES, finished, startWebhookReceiver, verifies, WebhookReceiver } from './support/webhook-receiver';
import { until } from './support/until';

const TOKEN = 'e2e-token-0123456789abcdef';
const AUTH = bearer(TOKEN);
const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url events } } }`;
const LIST = `{ webhooks { id url events description createdAt } }`;
const DELETE_PLAYLIST = `mutation($id: ID!) { deletePlaylist(id: $id) }`;
const PLAYLIST = `query($id: ID!) { playlist(id: $id) { status } }`;
const OPTIONS = { resolutions: [144], segmentDuration: 2 };

async function createWebhook(server: RunningServer, url: string, events: string[]): Promise<{ id: string; secret: string }> {
  const { data, errors } = await gql(server.url, CREATE, { input: { url, events } }, AUTH);
  expect(errors).toBeUndefined();
  return { id: data?.createWebhook.webhook.id, secret: data?.createWebhook.secret };
}

async function upload(server: RunningServer, clip: string): Promise<string> {
  const { body } = await uploadFile(server.url, clip, OPTIONS, undefined, { 'apollo-require-preflight': 'true', ...AUTH });
  expect(body.errors).toBeUndefined();
  return body.data.uploadVideo.id;
}

describe('signed webhooks with a real receiver', () => {
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-webhooks-'));
  let clip: string;
  let receiver: WebhookReceiver;
  let server: RunningServer;

  beforeAll(async () => {
    clip = makeClip(join(work, 'hook.mp4'), { seconds: 2, width: 192, height: 144 });
    receiver = await startWebhookReceiver();
    server = await startServer({ API_TOKENS: TOKEN, WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_MS: '300', WEBHOOK_MAX_ATTEMPTS: '5' });
  });

  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  describe('the API', () => {
    it.each([
      ['listing webhooks', LIST, {}],
      ['reading deliveries', DELIVERIES, { id: 'wh_x' }],
      ['creating a webhook', CREATE, { input: { url: 'https://example.com/h', events: ['PLAYLIST_READY'] } }],
      ['deleting a webhook', `mutation { deleteWebhook(id: "wh_x") }`, {}],
    ])('refuses %s without the token', async (_name, query, variables) => {
      const { errors } = await gql(server.url, query, variables);
      expect(errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it.each([
      ['an ftp URL', { url: 'ftp://example.com/h', events: ['PLAYLIST_READY'] }, 'url', /http or https URL/],
      ['a URL with a password', { url: 'https://user:pw@example.com/h', events: ['PLAYLIST_READY'] }, 'url', /without user or password/],
      ['no events', { url: 'https://example.com/h', events: [] }, 'events', /at least one event/],
      ['an event twice', { url: 'https://example.com/h', events: ['PLAYLIST_READY', 'PLAYLIST_READY'] }, 'events', /once/],
    ])('refuses %s as BAD_USER_INPUT, keeping nothing', async (_name, input, field, message) => {
      const { errors } = await gql(server.url, CREATE, { input }, AUTH);
      expect(errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', field } });
      expect((await gql(server.url, LIST, {}, AUTH)).data?.webhooks).toEqual([]);
    });

    it('shows the secret once: never in the listing', async () => {
      const { id, secret } = await createWebhook(server, 'https://example.com/listed', ['PLAYLIST_FAILED']);
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
      const listing = await gql(server.url, LIST, {}, AUTH);
      expect(listing.data?.webhooks).toEqual([expect.objectContaining({ id, url: 'https://example.com/listed', events: ['PLAYLIST_FAILED'] })]);
      expect(JSON.stringify(listing)).not.toContain(secret.slice(6));
      expect((await fetch(`${server.url}/media/.webhooks/${id}/endpoint.json`)).status).toBe(404);
      expect((await gql(server.url, `mutation($id: ID!) { deleteWebhook(id: $id) }`, { id }, AUTH)).data?.deleteWebhook).toBe(id);
      expect((await gql(server.url, LIST, {}, AUTH)).data?.webhooks).toEqual([]);
      expect((await gql(server.url, `mutation($id: ID!) { deleteWebhook(id: $id) }`, { id }, AUTH)).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('deliveries', () => {
    let hook: { id: string; secret: string };
    let flaky: { id: string; secret: string };
    let flakyReceiver: WebhookReceiver;
    let playlistId: string;

    beforeAll(async () => {
      flakyReceiver = await startWebhookReceiver();
      hook = await createWebhook(server, receiver.url, ['PLAYLIST_PLAYABLE', 'PLAYLIST_READY', 'PLAYLIST_DELETED']);
      playlistId = await upload(server, clip);
    });

    afterAll(async () => {
      await flakyReceiver?.close();
    });

    it('sends playlist.ready after an upload, signed with the webhook’s secret', async () => {
      const delivery = await finished(server.url, hook.id, 'PLAYLIST_READY', AUTH);
      expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 1, lastResponseCode: 200, lastError: null });
      const request = receiver.requests.find((r) => r.headers['webhook-id'] === delivery.eventId);
      expect(request).toBeDefined();
      const body = JSON.parse(request?.body ?? '{}');
      expect(body).toMatchObject({ id: delivery.eventId, type: 'playlist.ready', data: { playlist: { id: playlistId, status: 'READY', playable: true, hlsUrl: expect.stringMatching(`^/media/${playlistId}/.*\\.m3u8$`) } } });
      expect(request?.body).toBe(delivery.payload);
      expect(verifies(request?.headers ?? {}, request?.body ?? '', hook.secret)).toBe(true);
      expect(verifies(request?.headers ?? {}, request?.body ?? '', 'whsec_' + Buffer.from('another secret, 24 bytes').toString('base64'))).toBe(false);
      expect(verifies(request?.headers ?? {}, (request?.body ?? '').replace('READY', 'FAILED'), hook.secret)).toBe(false);
    });

    it('sends playlist.playable too (receivers order events by their timestamp: deliveries may overtake each other)', async () => {
      const playable = await finished(server.url, hook.id, 'PLAYLIST_PLAYABLE', AUTH);
      expect(playable.status).toBe('DELIVERED');
      const request = receiver.requests.find((r) => r.headers['webhook-id'] === playable.eventId);
      expect(JSON.parse(request?.body ?? '{}')).toMatchObject({ type: 'playlist.playable', data: { playlist: { id: playlistId, playable: true } } });
    });

    it('retries a 500 with backoff and records both attempts', async () => {
      flaky = await createWebhook(server, flakyReceiver.url, ['PLAYLIST_DELETED']);
      flakyReceiver.answer(500, 200);
      expect((await gql(server.url, DELETE_PLAYLIST, { id: playlistId }, AUTH)).errors).toBeUndefined();
      const delivery = await finished(server.url, flaky.id, 'PLAYLIST_DELETED', AUTH);
      expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 2, lastResponseCode: 200 });
      expect(flakyReceiver.requests).toHaveLength(2);
      // the same event, de-duplicable, signed afresh on each attempt
      expect(new Set(flakyReceiver.requests.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery.eventId]));
      expect(flakyReceiver.requests.every((r) => verifies(r.headers, r.body, flaky.secret))).toBe(true);
      expect(JSON.parse(flakyReceiver.requests[0].body)).toMatchObject({ type: 'playlist.deleted', data: { playlist: { id: playlistId, hlsUrl: null } } });
    });

    it('sends the same deletion to every webhook that asked for it', async () => {
      const delivery = await finished(server.url, hook.id, 'PLAYLIST_DELETED', AUTH);
      expect(delivery.status).toBe('DELIVERED');
      const flakyDelivery = (await deliveries(server.url, flaky.id, AUTH))[0];
      expect(delivery.eventId).toBe(flakyDelivery.eventId);
    });

    it('records a 500 as the last error until attempts run out', async () => {
      const failingReceiver = await startWebhookReceiver();
      try {
        const failing = await createWebhook(server, failingReceiver.url, ['PLAYLIST_DELETED']);
        failingReceiver.answer(500, 500, 500, 500, 500, 500);
        const id = await upload(server, clip);
        expect((await gql(server.url, DELETE_PLAYLIST, { id }, AUTH)).errors).toBeUndefined();
        const delivery = await finished(server.url, failing.id, 'PLAYLIST_DELETED', AUTH);
        expect(delivery).toMatchObject({ status: 'FAILED', attempts: 5, lastResponseCode: 500, lastError: 'HTTP 500 is not a 2xx status: failing on purpose with 500' });
        expect(failingReceiver.requests).toHaveLength(5);
      } finally {
        await failingReceiver.close();
      }
    });
  });
});

describe('webhook deliveries across a restart', () => {
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-webhooks-'));
  const env = { API_TOKENS: TOKEN, WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_MS: '300', WEBHOOK_MAX_ATTEMPTS: '30' };
  let server: RunningServer;
  let down: WebhookReceiver;

  beforeAll(async () => {
    down = await startWebhookReceiver();
    server = await startServer(env);
  });

  afterAll(async () => {
    await server?.stop();
    await down?.close();
  });

  it('delivers after a restart what was pending when the server died', async () => {
    const clip = makeClip(join(work, 'hook.mp4'), { seconds: 1, width: 192, height: 144 });
    const hook = await createWebhook(server, down.url, ['PLAYLIST_DELETED']);
    down.answer(...Array(30).fill(503));
    const id = await upload(server, clip);
    expect((await gql(server.url, DELETE_PLAYLIST, { id }, AUTH)).errors).toBeUndefined();
    const pending = await until('a failed attempt', async () => (await deliveries(server.url, hook.id, AUTH)).find((d) => d.attempts >= 1 && d.status === 'PENDING'));
    expect(pending.lastResponseCode).toBe(503);
    await server.stop('SIGKILL');
    down.answer();
    const seen = down.requests.length;
    server = await startServer(env, server.mediaDir);
    const delivered = await finished(server.url, hook.id, 'PLAYLIST_DELETED', AUTH);
    expect(delivered).toMatchObject({ id: pending.id, eventId: pending.eventId, status: 'DELIVERED', lastResponseCode: 200 });
    expect(delivered.attempts).toBeGreaterThan(pending.attempts);
    expect(down.requests.length).toBeGreaterThan(seen);
    expect(down.requests.at(-1)?.headers['webhook-id']).toBe(pending.eventId);
  });
});

describe('webhooks without WEBHOOK_ALLOW_PRIVATE', () => {
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-webhooks-'));
  let receiver: WebhookReceiver;
  let server: RunningServer;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startServer({ API_TOKENS: TOKEN, WEBHOOK_RETRY_BASE_MS: '300' });
  });

  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it.each(['http://127.0.0.1:9/h', 'http://[::1]:9/h', 'http://169.254.169.254/latest/meta-data', 'http://10.0.0.1/h'])('refuses to register %s', async (url) => {
    const { errors } = await gql(server.url, CREATE, { input: { url, events: ['PLAYLIST_DELETED'] } }, AUTH);
    expect(errors?.[0]).toMatchObject({ message: expect.stringMatching(/address.*WEBHOOK_ALLOW_PRIVATE=true/), extensions: { code: 'BAD_USER_INPUT', field: 'url' } });
  });

  it('makes no request to a name that resolves to loopback, and records why', async () => {
    const hook = await createWebhook(server, receiver.url, ['PLAYLIST_DELETED']);
    const clip = makeClip(join(work, 'hook.mp4'), { seconds: 1, width: 192, height: 144 });
    const id = await upload(server, clip);
    expect((await gql(server.url, DELETE_PLAYLIST, { id }, AUTH)).errors).toBeUndefined();
    const delivery = await finished(server.url, hook.id, 'PLAYLIST_DELETED', AUTH);
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 1, lastResponseCode: null, lastError: expect.stringMatching(/^localhost resolves to .* is a loopback address; private addresses are not allowed/) });
    expect(receiver.connections()).toBe(0);
    expect((await gql(server.url, PLAYLIST, { id })).data?.playlist).toBeNull();
  });
});
