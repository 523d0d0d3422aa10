import { chmodSync, mkdtempSync, openAsBlob, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ffmpegPath, makeClip } from '@cmm/ffmpeg-binaries/testing';
import { launchChromium } from './support/browser';
import { REPO_ROOT } from './support/repo';
import { assertBuilt, freePort, type RunningServer, startServer } from './support/server-process';

/**
 * hls.js and Shaka, on a page from another origin, play a playlist while its ladder is still
 * being encoded and after it completes. The server's encodes read their input at its own rate
 * (`-re`, through an FFMPEG_PATH wrapper), so a 30 s source takes at least 30 s to encode on any
 * machine: the players are seen playing while the status is not yet READY, then play it whole.
 */
const SECONDS = 30;

const PAGE = `<!doctype html><html><body>
<video id="v" muted playsinline width="640"></video>
<script src="/hls.js"></script><script src="/shaka.js"></script>
<script>
window.errors = [];
window.play = async (kind, url) => {
  const video = document.getElementById('v');
  if (kind === 'hls') {
    const hls = new Hls({ startPosition: 0 });
    hls.on(Hls.Events.ERROR, (_e, d) => d.fatal && window.errors.push('hls: ' + d.details));
    hls.loadSource(url);
    hls.attachMedia(video);
  } else {
    shaka.polyfill.installAll();
    const player = new shaka.Player();
    await player.attach(video);
    player.addEventListener('error', (e) => window.errors.push('shaka: ' + e.detail.code));
    await player.load(url, 0).catch((e) => window.errors.push('shaka load: ' + e.code));
  }
  await video.play().catch((e) => window.errors.push('play: ' + e.message));
};
</script></body></html>`;

/** Serves the test page and the two players' builds on an origin of its own. */
async function pageOrigin(): Promise<{ url: string; server: Server }> {
  const files: Record<string, string> = {
    '/hls.js': join(REPO_ROOT, 'node_modules/hls.js/dist/hls.min.js'),
    '/shaka.js': join(REPO_ROOT, 'node_modules/shaka-player/dist/shaka-player.compiled.js'),
  };
  const server = createServer(async (req, res) => {
    const file = files[req.url ?? ''];
    if (file) {
      res.setHeader('content-type', 'text/javascript');
      res.end(await openAsBlob(file).then((b) => b.text()));
    } else {
      res.setHeader('content-type', 'text/html');
      res.end(PAGE);
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, server };
}

/** ffmpeg for the server: encodes (they use -filter_complex) read their input in real time. */
function realTimeEncoder(dir: string): string {
  const wrapper = join(dir, 'ffmpeg-real-time');
  writeFileSync(
    wrapper,
    [
      '#!/bin/sh',
      'encode=0',
      'for arg in "$@"; do [ "$arg" = "-filter_complex" ] && encode=1; done',
      'if [ $encode = 1 ]; then',
      '  for arg in "$@"; do shift; if [ "$arg" = "-i" ]; then set -- "$@" -re -i; else set -- "$@" "$arg"; fi; done',
      'fi',
      `exec '${ffmpegPath()}' "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(wrapper, 0o755);
  return wrapper;
}

interface PlaylistState {
  status: string;
  playable: boolean;
  hlsUrl: string | null;
  dashUrl: string | null;
  error: string | null;
}

async function graphql<T>(baseUrl: string, query: string, variables: object): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const json = (await res.json()) as { data?: T; errors?: unknown };
  if (!json.data || json.errors) throw new Error(`GraphQL failed: ${JSON.stringify(json.errors)}`);
  return json.data;
}

const STATE = 'query($id: ID!) { playlist(id: $id) { status playable hlsUrl dashUrl error } }';
const state = (baseUrl: string, id: string) => graphql<{ playlist: PlaylistState }>(baseUrl, STATE, { id }).then((d) => d.playlist);

async function upload(baseUrl: string, file: string): Promise<string> {
  const form = new FormData();
  const query = 'mutation($file: Upload!, $options: UploadOptionsInput!) { uploadVideo(file: $file, options: $options) { id } }';
  form.append('operations', JSON.stringify({ query, variables: { file: null, options: { resolutions: [360, 240], segmentDuration: 4 } } }));
  form.append('map', JSON.stringify({ 0: ['variables.file'] }));
  form.append('0', await openAsBlob(file), 'growing.mp4');
  const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true' } });
  const json = (await res.json()) as { data?: { uploadVideo: { id: string } }; errors?: unknown };
  if (!json.data) throw new Error(`Upload failed: ${JSON.stringify(json.errors)}`);
  return json.data.uploadVideo.id;
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const currentTime = (page: Page) => page.evaluate(() => (document.getElementById('v') as HTMLVideoElement).currentTime);
const errors = (page: Page) => page.evaluate(() => (window as unknown as { errors: string[] }).errors);

describe('a growing playlist in hls.js and Shaka, from another origin', () => {
  let dir: string;
  let server: RunningServer;
  let origin: { url: string; server: Server };
  let browser: BrowserContext;
  let source: string;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'cmm-growing-'));
    source = makeClip(join(dir, 'growing.mp4'), { seconds: SECONDS, width: 640, height: 360 });
    server = await startServer({ MEDIA_DIR: join(dir, 'media'), FFMPEG_PATH: realTimeEncoder(dir) });
    origin = await pageOrigin();
    browser = await launchChromium(join(dir, 'profile'));
  });

  afterAll(async () => {
    await browser?.close();
    origin?.server.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['hls.js', 'hls', 'hlsUrl'],
    ['Shaka', 'dash', 'dashUrl'],
  ] as const)('%s plays it while it grows, then the finished one from the start', async (_name, kind, field) => {
    const id = await upload(server.baseUrl, source);
    const playable = await until('playable', async () => {
      const s = await state(server.baseUrl, id);
      if (s.status === 'FAILED') throw new Error(`Processing failed: ${s.error}\n${server.logTail()}`);
      return s.playable ? s : null;
    });
    expect(playable.status).not.toBe('READY');

    const page = await browser.newPage();
    await page.goto(origin.url);
    await page.evaluate(([k, url]) => (window as unknown as { play: (k: string, u: string) => Promise<void> }).play(k, url), [kind, `${server.baseUrl}${playable[field]}`]);
    // Playing two seconds in, asked in that order: the status read after still is not READY.
    await until('two seconds played', async () => ((await currentTime(page)) >= 2 ? true : null));
    expect((await state(server.baseUrl, id)).status).not.toBe('READY');
    expect(await errors(page)).toEqual([]);

    await until('READY', async () => ((await state(server.baseUrl, id)).status === 'READY' ? true : null));
    await page.close();

    const after = await browser.newPage();
    await after.goto(origin.url);
    const ready = await state(server.baseUrl, id);
    await after.evaluate(([k, url]) => (window as unknown as { play: (k: string, u: string) => Promise<void> }).play(k, url), [kind, `${server.baseUrl}${ready[field]}`]);
    await until('the finished playlist playing', async () => ((await currentTime(after)) >= 2 ? true : null));
    const duration = await after.evaluate(() => (document.getElementById('v') as HTMLVideoElement).duration);
    expect(Math.abs(duration - SECONDS)).toBeLessThan(1);
    expect(await errors(after)).toEqual([]);
    await after.close();
  });
});
