import { FSWatcher, mkdtempSync, readdirSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { bearer, collectSubscription, gql, gqlResponse, uploadFile } from './support/graphql-client';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { RunningServer, startServer } from './support/server-process';

const TOKEN = 'e2e-token-0123456789abcdef';
const WRONG = 'e2e-token-fedcba9876543210';
const LISTED = 'https://app.example.com';
const OTHER = 'https://evil.example';
const PROGRESS = `subscription($id: ID!) { processingProgress(playlistId: $id) { status percent } }`;
const PLAYLIST = `query($id: ID!) { playlist(id: $id) { id status hlsUrl } }`;
const DELETE = `mutation($id: ID!) { deletePlaylist(id: $id) }`;
const valid = { resolutions: [240], segmentDuration: 2 };
const CSRF = { 'apollo-require-preflight': 'true' };

/** Every file created or removed in `dir` from now on. */
function watchDir(dir: string): { events: string[]; close: () => void } {
  const events: string[] = [];
  const watcher: FSWatcher = watch(dir, (event, name) => events.push(`${event} ${name}`));
  return { events, close: () => watcher.close() };
}

/** Opens a graphql-ws socket as a browser page on `origin` would, sends connection_init, and reports how it ended. */
function openSocket(wsUrl: string, options: { origin?: string; init?: boolean }): Promise<{ acknowledged: boolean; closeCode: number | null; elapsedMs: number }> {
  const started = Date.now();
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { headers: options.origin ? { Origin: options.origin } : {} });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket stayed open')), 10_000);
    socket.on('open', () => {
      if (options.init !== false) socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    });
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') {
        clearTimeout(timer);
        socket.close();
        resolve({ acknowledged: true, closeCode: null, elapsedMs: Date.now() - started });
      }
    });
    socket.on('close', (code) => {
      clearTimeout(timer);
      resolve({ acknowledged: false, closeCode: code, elapsedMs: Date.now() - started });
    });
    socket.on('error', reject);
  });
}

describe('who may write: with API_TOKENS, writes need the token, reads stay public', () => {
  let server: RunningServer;
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-access-'));
  // graphql-upload buffers multipart bodies in the server's upload temp folder, watched here.
  let serverTmp: string;
  let clip: string;
  let playlistId: string;

  beforeAll(async () => {
    server = await startServer({ API_TOKENS: TOKEN, CORS_ORIGINS: LISTED });
    serverTmp = join(server.mediaDir, '.uploads');
    clip = makeClip(join(work, 'clip.mp4'), { seconds: 2 });
  });

  afterAll(async () => {
    await server?.stop();
  });

  const playlistsOnDisk = () => readdirSync(server.mediaDir).filter((e) => !e.startsWith('.'));

  it('says at start-up that it runs with tokens', () => {
    expect(server.logs()).toMatch(/"event":"server.listening"[^\n]*"access":"tokens"/);
  });

  it.each([
    ['without a token', CSRF, 401, 'UNAUTHENTICATED'],
    ['with a wrong token', { ...CSRF, ...bearer(WRONG) }, 401, 'UNAUTHENTICATED'],
    ['with the token but no CSRF header', bearer(TOKEN), 400, 'BAD_REQUEST'],
  ])('refuses an upload %s before reading it: no playlist, no file in MEDIA_DIR, no temp file', async (_name, headers, status, code) => {
    const temp = watchDir(serverTmp);
    const response = await uploadFile(server.url, clip, valid, undefined, headers);
    temp.close();
    expect(response.status).toBe(status);
    expect(response.body.errors?.[0].extensions?.code).toBe(code);
    expect(playlistsOnDisk()).toEqual([]);
    expect(temp.events).toEqual([]);
    expect(readdirSync(serverTmp)).toEqual([]);
    expect((await gql(server.url, '{ playlists { totalCount } }')).data?.['playlists'].totalCount).toBe(0);
  });

  it('accepts an upload with the token, passing it through the temp folder being watched above', async () => {
    const temp = watchDir(serverTmp);
    const { body } = await uploadFile(server.url, clip, valid, undefined, { ...CSRF, ...bearer(TOKEN) });
    temp.close();
    expect(body.errors).toBeUndefined();
    playlistId = body.data.uploadVideo.id;
    expect(playlistsOnDisk()).toEqual([playlistId]);
    expect(temp.events.length).toBeGreaterThan(0);
  });

  it('refuses a subscription without the token as UNAUTHENTICATED', async () => {
    await expect(collectSubscription(server.wsUrl, PROGRESS, { id: playlistId }, () => true, 10_000)).rejects.toThrow(/UNAUTHENTICATED/);
    await expect(collectSubscription(server.wsUrl, PROGRESS, { id: playlistId }, () => true, 10_000, { authorization: `Bearer ${WRONG}` })).rejects.toThrow(
      /UNAUTHENTICATED/,
    );
  });

  it('follows progress over a subscription with the token in connectionParams', async () => {
    const events = await collectSubscription<{ status: string }>(server.wsUrl, PROGRESS, { id: playlistId }, (p) => p.status === 'READY' || p.status === 'FAILED', 90_000, {
      authorization: `Bearer ${TOKEN}`,
    });
    expect(events.at(-1)?.status).toBe('READY');
  });

  it('answers queries without a token', async () => {
    const { data, errors } = await gql(server.url, `{ auth { tokenRequired canWrite } playlists { totalCount } uploadLimits { maxUploadBytes } }`);
    expect(errors).toBeUndefined();
    expect(data).toMatchObject({ auth: { tokenRequired: true, canWrite: false }, playlists: { totalCount: 1 } });
    expect((await gql(server.url, '{ auth { canWrite } }', {}, bearer(TOKEN))).data?.['auth'].canWrite).toBe(true);
  });

  it('serves the media of a READY playlist without a token, to any origin', async () => {
    const hlsUrl = (await gql(server.url, PLAYLIST, { id: playlistId })).data?.['playlist'].hlsUrl;
    const res = await fetch(server.url + hlsUrl, { headers: { Origin: OTHER } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toEqual(expect.stringMatching(/Content-Length.*Content-Range.*Accept-Ranges/));
  });

  it.each([
    ['without a token', {}, /only with an API token/],
    ['with a wrong token', bearer(WRONG), /not accepted/],
  ])('refuses a mutation %s as UNAUTHENTICATED (HTTP 401) and deletes nothing', async (_name, headers, message) => {
    const { status, body } = await gqlResponse(server.url, DELETE, { id: playlistId }, headers);
    expect(status).toBe(401);
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } });
    expect(body.data ?? null).toBeNull();
    expect(playlistsOnDisk()).toEqual([playlistId]);
  });

  it.each([
    ['from the same origin', () => server.url, true],
    ['from a listed origin', () => LISTED, true],
    ['without Origin (not a browser)', () => undefined, true],
    ['from another origin', () => OTHER, false],
  ])('opens a graphql-ws socket %s: %s', async (_name, origin, admitted) => {
    const result = await openSocket(server.wsUrl, { origin: origin() });
    expect(result).toMatchObject(admitted ? { acknowledged: true } : { acknowledged: false, closeCode: 4403 });
  });

  it('closes a socket that sends no connection_init within a few seconds', async () => {
    const result = await openSocket(server.wsUrl, { init: false });
    expect(result.closeCode).toBe(4408);
    expect(result.elapsedMs).toBeLessThan(6_000);
  });

  it.each([
    ['a listed origin gets CORS headers', LISTED, LISTED],
    ['another origin gets none', OTHER, null],
  ])('on /graphql, %s', async (_name, origin, allowed) => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(allowed);
    if (allowed) expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const { headers } = await gqlResponse(server.url, '{ auth { tokenRequired } }', {}, { Origin: origin });
    expect(headers.get('access-control-allow-origin')).toBe(allowed);
  });

  it('deletes with the token', async () => {
    const { body } = await gqlResponse(server.url, DELETE, { id: playlistId }, bearer(TOKEN));
    expect(body).toEqual({ data: { deletePlaylist: playlistId } });
    expect(playlistsOnDisk()).toEqual([]);
  });
});
