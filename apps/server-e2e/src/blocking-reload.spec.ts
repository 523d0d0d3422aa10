// LL-HLS blocking playlist reloads against the built server, the rung playlist renamed into its
// MEDIA_DIR by this process as an encoding worker does (ROLE=worker: the only thing the serving
// process shares with the writer is the file). Real ffmpeg and hls.js: apps/web-e2e growing-stream.spec.ts.
import { request } from 'node:http';
import { growingPlaylist, inotifyWatches, publish } from './support/growing-playlist';
import { type RunningServer, startServer } from './support/server-process';

const KEY = 'blocking/stream/r1/240p/playlist.m3u8';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('blocking playlist reloads from the built server', () => {
  let server: RunningServer;
  const url = (query: string) => `${server.url}/media/${KEY}?${query}`;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  beforeEach(() => publish(server.mediaDir, KEY, growingPlaylist(3)));

  it('answers a request for the next segment only once it is published, with the playlist that lists it', async () => {
    let answeredAt = 0;
    const pending = fetch(url('_HLS_msn=3')).then(async (res) => {
      answeredAt = performance.now();
      return { status: res.status, body: await res.text() };
    });
    await sleep(1000);
    expect(answeredAt).toBe(0);
    publish(server.mediaDir, KEY, growingPlaylist(4));
    const publishedAt = performance.now();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.body).toContain('segment_00003.m4s');
    expect(answeredAt).toBeGreaterThanOrEqual(publishedAt);
  });

  it('answers 400 at once for a segment more than two past the last', async () => {
    // held, it would end in 503 (nothing is published)
    expect((await fetch(url('_HLS_msn=6'))).status).toBe(400);
  });

  it('answers 503 after three target durations when no segment comes', async () => {
    publish(server.mediaDir, KEY, growingPlaylist(3, { target: 1 }));
    const started = performance.now();
    expect((await fetch(url('_HLS_msn=3'))).status).toBe(503);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2900);
  });

  it('stops watching the playlist when the client disconnects', async () => {
    const before = inotifyWatches(server.pid);
    const req = request(url('_HLS_msn=3'));
    req.on('error', () => undefined).end();
    await sleep(300);
    expect(inotifyWatches(server.pid)).toBe(before + 1);
    req.destroy();
    for (let i = 0; i < 50 && inotifyWatches(server.pid) > before; i++) await sleep(20);
    expect(inotifyWatches(server.pid)).toBe(before);
  });

  // last: it stops the server
  it('answers held requests 503 when the server is stopped, rather than keeping it up', async () => {
    const pending = fetch(url('_HLS_msn=3'));
    await sleep(300);
    const stopping = performance.now();
    const [res] = await Promise.all([pending, server.stop('SIGTERM')]);
    expect(res.status).toBe(503);
    // well before the 10 s Apollo's drain would wait for an open request
    expect(performance.now() - stopping).toBeLessThan(9000);
  });
});
