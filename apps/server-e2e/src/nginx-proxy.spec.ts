// deploy/nginx.conf in front of the built server, as an operator runs it: the upload, its progress
// over graphql-ws, the media headers, the refusals, blocking playlist reloads and hls.js playback
// all go through nginx.
// Needs `nx build server`, Debian's nginx (skipped with a warning without it) and chromium.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { launchChromium } from './support/chromium';
import { collectSubscription, gql, uploadFile } from './support/graphql-client';
import { growingPlaylist, publish } from './support/growing-playlist';
import { NGINX_PATH, nginxInstalled, renderDeployConf, type RunningNginx, startNginx } from './support/nginx';
import { repoRoot, type RunningServer, startServer } from './support/server-process';

const PROGRESS = `subscription Progress($id: ID!) { processingProgress(playlistId: $id) { status percent error } }`;
const PLAYLIST = `query One($id: ID!) {
  playlist(id: $id) { status hlsUrl dashUrl posterUrl variants { playlistUrl initUrl segments { url } } }
}`;

interface Progress {
  status: string;
  percent: number;
  error: string | null;
}

/** What nginx must say exactly as the server does about the same file (ETag formats differ; both are strong). */
const SAME_HEADERS = ['content-type', 'content-length', 'content-range', 'cache-control', 'last-modified', 'access-control-allow-origin', 'access-control-expose-headers', 'x-content-type-options'];

/** A GET that sends the path byte for byte (fetch would resolve `..` and `%2e%2e` first). */
function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}/`, { path }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject).end();
  });
}

const nginxPresent = nginxInstalled();
if (!nginxPresent) {
  console.warn(`\n!!! nginx-proxy.spec.ts SKIPPED: no nginx at ${NGINX_PATH}; deploy/nginx.conf is untested. Install it (apt-get install nginx) or set NGINX_PATH. !!!\n`);
}
const describeWithNginx = nginxPresent ? describe : describe.skip;

describeWithNginx('deploy/nginx.conf in front of the server', () => {
  let work: string;
  let server: RunningServer;
  let nginx: RunningNginx;
  let playlistId: string;
  let progress: Progress[];
  let playlist: {
    status: string;
    hlsUrl: string;
    dashUrl: string;
    posterUrl: string;
    variants: { playlistUrl: string; initUrl: string; segments: { url: string }[] }[];
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'cmm-nginx-e2e-'));
    server = await startServer();
    nginx = await startNginx((port) => renderDeployConf({ listen: `127.0.0.1:${port}`, mediaDir: server.mediaDir, upstream: new URL(server.url).host }));
    const clip = makeClip(join(work, 'through nginx.mp4'), { seconds: 8, width: 320, height: 240 });
    const { status, body } = await uploadFile(nginx.url, clip, { resolutions: [240, 144], segmentDuration: 2, title: 'Through nginx' });
    if (status !== 200 || body.errors) throw new Error(`upload through nginx failed (${status}): ${JSON.stringify(body)}\n${nginx.logs()}`);
    playlistId = body.data.uploadVideo.id;
    progress = await collectSubscription<Progress>(nginx.url.replace('http:', 'ws:') + '/graphql', PROGRESS, { id: playlistId }, (p) => ['READY', 'FAILED'].includes(p.status));
    playlist = (await gql(nginx.url, PLAYLIST, { id: playlistId })).data?.['playlist'];
  }, 300_000);

  afterAll(async () => {
    await nginx?.stop();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('takes a multipart upload and streams its progress over graphql-ws, both through nginx', () => {
    expect(progress.at(-1)).toMatchObject({ status: 'READY', percent: 100 });
    expect(progress.length).toBeGreaterThan(1);
    expect(playlist.status).toBe('READY');
  });

  it.each([
    ['the HLS master', () => playlist.hlsUrl],
    ['a rung playlist', () => playlist.variants[0].playlistUrl],
    ['the DASH manifest', () => playlist.dashUrl],
    ['an init segment', () => playlist.variants[0].initUrl],
    ['a media segment', () => playlist.variants[0].segments[1].url],
    ['the poster', () => playlist.posterUrl],
  ])('serves %s from disk with the headers and bytes the server sends', async (_name, url) => {
    const headers = { Origin: 'https://player.example', Range: 'bytes=0-99' };
    const [fromNginx, fromServer] = await Promise.all([fetch(nginx.url + url(), { headers }), fetch(server.url + url(), { headers })]);
    const pick = (res: Response) => ({ status: res.status, ...Object.fromEntries(SAME_HEADERS.map((name) => [name, res.headers.get(name)])) });
    expect(pick(fromNginx)).toEqual(pick(fromServer));
    expect(fromNginx.status).toBe(206);
    expect(fromNginx.headers.get('server')).toMatch(/^nginx/);
    expect(fromNginx.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(Buffer.from(await fromNginx.arrayBuffer())).toEqual(Buffer.from(await fromServer.arrayBuffer()));
  });

  it('answers a whole-file GET with Accept-Ranges and a matching If-None-Match with 304', async () => {
    const url = nginx.url + playlist.variants[0].segments[0].url;
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    await whole.arrayBuffer();
    expect((await fetch(url, { headers: { 'If-None-Match': whole.headers.get('etag') ?? '' } })).status).toBe(304);
  });

  it('answers a CORS preflight for a Range request as the server does', async () => {
    const init = { method: 'OPTIONS', headers: { Origin: 'https://player.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'range' } };
    const [fromNginx, fromServer] = await Promise.all([fetch(nginx.url + playlist.hlsUrl, init), fetch(server.url + playlist.hlsUrl, init)]);
    const pick = (res: Response) =>
      Object.fromEntries(['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age'].map((n) => [n, res.headers.get(n)]));
    expect(fromNginx.status).toBe(204);
    expect(fromServer.status).toBe(204);
    expect(pick(fromNginx)).toEqual(pick(fromServer));
  });

  it('refuses the original upload, the catalog record, work files and escapes with 404, as the server does', async () => {
    const [source] = readdirSync(join(server.mediaDir, playlistId, 'source'));
    for (const path of [
      `/media/${playlistId}/source/${encodeURIComponent(source)}`,
      `/media/${playlistId}/manifest.json`,
      `/media/${playlistId}/.work/x`,
      `/media/${playlistId}/stream/../manifest.json`,
      `/media/${playlistId}/stream/%2e%2e/manifest.json`,
      '/media/.health',
      `/media/${playlistId}/stream`,
    ]) {
      const [viaNginx, direct] = await Promise.all([rawGet(nginx.url, path), rawGet(server.url, path)]);
      expect({ path, nginx: viaNginx.status, server: direct.status }).toEqual({ path, nginx: 404, server: 404 });
      expect(viaNginx.body).not.toContain(server.mediaDir);
    }
  });

  describe('a growing rung playlist, renamed into MEDIA_DIR as the encoding process does', () => {
    const key = 'growing/stream/r1/240p/playlist.m3u8';

    beforeEach(() => publish(server.mediaDir, key, growingPlaylist(3)));

    it('passes a blocking reload (_HLS_msn) to Node, which answers once the segment is published', async () => {
      let answeredAt = 0;
      const pending = fetch(`${nginx.url}/media/${key}?_HLS_msn=3`, { headers: { Origin: 'https://player.example' } }).then(async (res) => {
        answeredAt = performance.now();
        return res;
      });
      await new Promise((r) => setTimeout(r, 1000));
      expect(answeredAt).toBe(0);
      publish(server.mediaDir, key, growingPlaylist(4));
      const publishedAt = performance.now();
      const res = await pending;
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(growingPlaylist(4));
      expect(answeredAt).toBeGreaterThanOrEqual(publishedAt);
      // Node's headers alone: nginx adds no second CORS header (browsers refuse a repeated one)
      const direct = await fetch(`${server.url}/media/${key}`);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('etag')).toBe(direct.headers.get('etag'));
    });

    it('refuses a request far past the last segment with 400, as Node does', async () => {
      expect((await fetch(`${nginx.url}/media/${key}?_HLS_msn=9`)).status).toBe(400);
    });

    it('serves the playlist from disk at once without directives', async () => {
      const [fromNginx, fromServer] = await Promise.all([fetch(`${nginx.url}/media/${key}?v=1`), fetch(`${server.url}/media/${key}`)]);
      expect(await fromNginx.text()).toBe(growingPlaylist(3));
      // nginx's own ETag (mtime-size), not Node's (size-mtime)
      expect(fromNginx.headers.get('etag')).not.toBe(fromServer.headers.get('etag'));
    });
  });

  describe('in hls.js in Chromium, on a page from another origin', () => {
    let page: Server;
    let context: BrowserContext | undefined;

    beforeAll(async () => {
      const hlsJs = readFileSync(join(repoRoot, 'node_modules/hls.js/dist/hls.min.js'));
      const html = `<!doctype html><html><body><video id="v" muted playsinline></video><script src="/hls.min.js"></script><script>
        const video = document.getElementById('v');
        const hls = new Hls();
        hls.on(Hls.Events.ERROR, (_e, data) => { if (data.fatal) window.fatalError = data.details; });
        hls.on(Hls.Events.MANIFEST_PARSED, () => video.play());
        hls.loadSource(${JSON.stringify(nginx.url + playlist.hlsUrl)});
        hls.attachMedia(video);
      </script></body></html>`;
      page = createServer((req, res) => {
        if (req.url === '/hls.min.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(hlsJs);
        else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
      });
      await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
      context = await launchChromium(join(work, 'profile'));
    });

    afterAll(async () => {
      await context?.close().catch(() => undefined);
      await new Promise((resolve) => page?.close(resolve));
    });

    it('plays the HLS master past a few seconds', async () => {
      if (!context) throw new Error('Chromium did not start (see beforeAll)');
      const tab = context.pages()[0] ?? (await context.newPage());
      await tab.goto(`http://127.0.0.1:${(page.address() as AddressInfo).port}/`);
      await tab.waitForFunction(() => (window as unknown as { fatalError?: string }).fatalError !== undefined || (document.getElementById('v') as HTMLVideoElement).currentTime > 3, undefined, {
        timeout: 60_000,
        polling: 200,
      });
      const state = await tab.evaluate(() => ({
        fatalError: (window as unknown as { fatalError?: string }).fatalError ?? null,
        currentTime: (document.getElementById('v') as HTMLVideoElement).currentTime,
      }));
      expect(state.fatalError).toBeNull();
      expect(state.currentTime).toBeGreaterThan(3);
    });
  });
});
