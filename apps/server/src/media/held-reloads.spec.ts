import { type FSWatcher, watch } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMediaPlaylist } from '../packaging/hls-playlist';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { HeldReloads } from './held-reloads';
import { MediaRequestHandler } from './media-request-handler';
import { serveMediaFirst } from './serve-media-first';

const KEY = 'clip/stream/r1/240p/playlist.m3u8';
const URL_PATH = `/media/${KEY}`;

/** A rung playlist as stream-publisher.ts writes it: `count` 1 s segments, target `target` s. */
function playlist(count: number, { target = 4, ended = false } = {}): string {
  const segments = Array.from({ length: count }, (_, i) => ({ uri: `segment_${String(i).padStart(5, '0')}.m4s`, duration: 1 }));
  return writeMediaPlaylist({ initUri: 'init.mp4', segments, segmentDuration: target, ended, blockingReload: true });
}

/** A folder inotify cannot watch (a network volume written from another host, say): only the poll sees changes. */
const unwatchable = (): FSWatcher => {
  throw Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' });
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('blocking playlist reloads over HTTP, the playlist written as the publisher writes it', () => {
  let root: string;
  let storage: LocalDiskStorage;
  let held: HeldReloads;
  let server: Server;
  let origin: string;

  /** A media server over `root` with these held reloads. */
  async function serve(heldReloads: HeldReloads): Promise<void> {
    held = heldReloads;
    server = createServer((_req, res) => res.writeHead(418).end());
    serveMediaFirst(server, new MediaRequestHandler(storage, held));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'held-reloads-'));
    storage = new LocalDiskStorage(root);
    await storage.writeAtomic(KEY, playlist(3));
  });

  afterEach(async () => {
    held.onModuleDestroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await rm(root, { recursive: true, force: true });
  });

  it('holds a request for the next segment until the playlist holds it, then answers with that playlist', async () => {
    // a poll too slow to matter: only the folder watch can release the request before the 12 s hold ends in 503
    await serve(new HeldReloads(storage, { maxHeld: 10, pollMs: 60_000, watch }));
    let answeredAt = 0;
    const pending = fetch(`${origin}${URL_PATH}?_HLS_msn=3`).then(async (res) => {
      answeredAt = performance.now();
      return { status: res.status, text: await res.text() };
    });
    await sleep(300);
    expect(answeredAt).toBe(0);
    expect(held.size).toBe(1);
    await storage.writeAtomic(KEY, playlist(4));
    const res = await pending;
    expect(res).toEqual({ status: 200, text: playlist(4) });
    expect({ held: held.size, watching: held.watching }).toEqual({ held: 0, watching: 0 });
  });

  it.each([
    ['a segment the playlist holds', '_HLS_msn=2', 200],
    ['one more than two past the last', '_HLS_msn=5', 400],
    ['_HLS_part without _HLS_msn', '_HLS_part=0', 400],
    ['a malformed _HLS_msn', '_HLS_msn=next', 400],
    ['no directive, only other parameters', 'v=1', 200],
  ])('answers %s without holding it (%s)', async (_name, query, status) => {
    await serve(new HeldReloads(storage));
    // a held request could only end in 503 here (nothing is published): the status says it was not held
    const res = await fetch(`${origin}${URL_PATH}?${query}`);
    expect(res.status).toBe(status);
    if (status === 200) expect(await res.text()).toBe(playlist(3));
  });

  it('answers at once once the playlist is finished, however far ahead the request', async () => {
    await serve(new HeldReloads(storage));
    await storage.writeAtomic(KEY, playlist(5, { ended: true }));
    const res = await fetch(`${origin}${URL_PATH}?_HLS_msn=40`);
    expect({ status: res.status, text: await res.text() }).toEqual({ status: 200, text: playlist(5, { ended: true }) });
  });

  it('releases a held request when the playlist ends without the segment', async () => {
    await serve(new HeldReloads(storage));
    const pending = fetch(`${origin}${URL_PATH}?_HLS_msn=4`);
    await sleep(100);
    await storage.writeAtomic(KEY, playlist(3, { ended: true }));
    const res = await pending;
    expect(await res.text()).toContain('#EXT-X-ENDLIST');
  });

  it('answers 503 after three target durations without the segment', async () => {
    await storage.writeAtomic(KEY, playlist(3, { target: 1 }));
    await serve(new HeldReloads(storage));
    const started = performance.now();
    const res = await fetch(`${origin}${URL_PATH}?_HLS_msn=3`);
    expect(res.status).toBe(503);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2900);
    expect({ held: held.size, watching: held.watching }).toEqual({ held: 0, watching: 0 });
  });

  it('lets go of a request, its timer and the watch when the client disconnects', async () => {
    await serve(new HeldReloads(storage));
    const client = new AbortController();
    const pending = fetch(`${origin}${URL_PATH}?_HLS_msn=3`, { signal: client.signal }).catch((error: Error) => error.name);
    await sleep(100);
    expect({ held: held.size, watching: held.watching }).toEqual({ held: 1, watching: 1 });
    client.abort();
    expect(await pending).toBe('AbortError');
    for (let i = 0; i < 50 && held.size > 0; i++) await sleep(10);
    expect({ held: held.size, watching: held.watching }).toEqual({ held: 0, watching: 0 });
  });

  it('shares one watch among the requests held on one playlist and releases each', async () => {
    await serve(new HeldReloads(storage));
    const pending = [3, 3, 4].map((msn) => fetch(`${origin}${URL_PATH}?_HLS_msn=${msn}`).then((res) => res.text()));
    await sleep(100);
    expect({ held: held.size, watching: held.watching }).toEqual({ held: 3, watching: 1 });
    await storage.writeAtomic(KEY, playlist(4));
    await sleep(100);
    expect(held.size).toBe(1);
    await storage.writeAtomic(KEY, playlist(5));
    expect(await Promise.all(pending)).toEqual([playlist(4), playlist(4), playlist(5)]);
  });

  it('answers 503 at once past the limit of held requests, and serves others as before', async () => {
    await serve(new HeldReloads(storage, { maxHeld: 2, pollMs: 250, watch }));
    const first = [fetch(`${origin}${URL_PATH}?_HLS_msn=3`), fetch(`${origin}${URL_PATH}?_HLS_msn=3`)];
    await sleep(100);
    expect((await fetch(`${origin}${URL_PATH}?_HLS_msn=3`)).status).toBe(503);
    expect((await fetch(`${origin}${URL_PATH}`)).status).toBe(200);
    await storage.writeAtomic(KEY, playlist(4));
    expect((await Promise.all(first)).map((res) => res.status)).toEqual([200, 200]);
  });

  it('still releases by polling when the folder cannot be watched', async () => {
    await serve(new HeldReloads(storage, { maxHeld: 10, pollMs: 50, watch: unwatchable }));
    const pending = fetch(`${origin}${URL_PATH}?_HLS_msn=3`).then((res) => res.text());
    await sleep(100);
    await storage.writeAtomic(KEY, playlist(4));
    expect(await pending).toBe(playlist(4));
  });

  it('answers every held request 503 when the server shuts down, and holds none after', async () => {
    await serve(new HeldReloads(storage));
    const pending = fetch(`${origin}${URL_PATH}?_HLS_msn=3`);
    await sleep(100);
    held.onModuleDestroy();
    expect((await pending).status).toBe(503);
    // held, it would wait three target durations (12 s) for its 503
    const started = performance.now();
    expect((await fetch(`${origin}${URL_PATH}?_HLS_msn=3`)).status).toBe(503);
    expect(performance.now() - started).toBeLessThan(6000);
  });
});
