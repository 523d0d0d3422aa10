/**
 * Scale-out, in one run on one machine: jobs per minute on short clips with one ROLE=worker process
 * and then two (one Redis, one PostgreSQL, one ROLE=api, one MEDIA_DIR), and the latency from an
 * upload's answer (the file stored, the job recorded) to the first progress event of its processing
 * at a graphql-ws subscriber, through BullMQ and Redis PubSub against ROLE=all without Redis
 * (in-process queue and PubSub), the two sites asked in turn.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { ffmpegPath, makeClip } from '@cmm/ffmpeg-binaries/testing';
import { startPostgres, startRedis } from '@cmm/test-services';
import { median, percentile, table, writeSection } from '../../../tools/bench/report';
import { gql, uploadFile } from '../src/support/graphql-client';
import { RunningServer, startServer } from '../src/support/server-process';

const JOBS = Number(process.env['BENCH_SCALE_JOBS'] ?? 8);
const LATENCY_UPLOADS = Number(process.env['BENCH_SCALE_UPLOADS'] ?? 8);
const OPTIONS = { resolutions: [240, 144], segmentDuration: 2 };
const PROGRESS = `subscription($id: ID!) { processingProgress(playlistId: $id) { status } }`;
const STATUS = `query($id: ID!) { playlist(id: $id) { status error } }`;

async function upload(url: string, clip: string): Promise<string> {
  const { body } = await uploadFile(url, clip, OPTIONS);
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.uploadVideo.id as string;
}

async function readyAll(url: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    for (;;) {
      const playlist = (await gql(url, STATUS, { id })).data?.playlist;
      if (playlist?.status === 'READY') break;
      if (playlist?.status === 'FAILED') throw new Error(`${id} failed: ${playlist.error}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Jobs per minute: `JOBS` uploads at once, until every one is READY. */
async function throughput(api: RunningServer, clip: string): Promise<number> {
  const started = performance.now();
  const ids = await Promise.all(Array.from({ length: JOBS }, () => upload(api.url, clip)));
  await readyAll(api.url, ids);
  return JOBS / ((performance.now() - started) / 60_000);
}

/** Milliseconds from the upload's answer to the first event past QUEUED at a subscriber of the same API; then waits for READY. */
async function firstProgressMs(api: RunningServer, clip: string): Promise<number> {
  const id = await upload(api.url, clip);
  const answered = performance.now();
  const client = createClient({ url: api.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0 });
  try {
    let first = 0;
    await new Promise<void>((resolve, reject) => {
      client.subscribe<{ processingProgress: { status: string } }>(
        { query: PROGRESS, variables: { id } },
        {
          next: ({ data }) => {
            const status = data?.processingProgress.status;
            if (status !== 'QUEUED' && first === 0) first = performance.now() - answered;
            if (status === 'READY') resolve();
            if (status === 'FAILED') reject(new Error(`${id} failed`));
          },
          error: reject,
          complete: resolve,
        },
      );
    });
    return first;
  } finally {
    await client.dispose();
  }
}

async function main(): Promise<void> {
  const startLoad = loadavg()[0].toFixed(1);
  const work = mkdtempSync(join(tmpdir(), 'cmm-bench-scale-'));
  const clip = makeClip(join(work, 'Short clip.mp4'), { seconds: 4, width: 320, height: 240 });
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  const mediaDir = join(work, 'media');
  const shared = { LOG_LEVEL: 'warn', REDIS_URL: redis.url, DATABASE_URL: postgres.url, TRANSCODE_CONCURRENCY: '1' };
  const servers: RunningServer[] = [];
  const start = async (env: Record<string, string>, dir?: string) => {
    const server = await startServer(env, dir);
    servers.push(server);
    return server;
  };
  try {
    const api = await start({ ...shared, ROLE: 'api' }, mkdtempSync(mediaDir));
    await start({ ...shared, ROLE: 'worker' }, api.mediaDir);
    await throughput(api, clip); // warm-up: caches, JIT, the database's first plans
    const oneWorker = await throughput(api, clip);
    await start({ ...shared, ROLE: 'worker' }, api.mediaDir);
    const twoWorkers = await throughput(api, clip);
    console.log(`jobs per minute: 1 worker ${oneWorker.toFixed(1)}, 2 workers ${twoWorkers.toFixed(1)} (×${(twoWorkers / oneWorker).toFixed(2)})`);

    // the same API and workers against one ROLE=all process without Redis, asked in turn
    const embedded = await start({ LOG_LEVEL: 'warn', TRANSCODE_CONCURRENCY: '1' });
    const viaRedis: number[] = [];
    const inProcess: number[] = [];
    for (let i = 0; i < LATENCY_UPLOADS; i++) {
      viaRedis.push(await firstProgressMs(api, clip));
      inProcess.push(await firstProgressMs(embedded, clip));
    }
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    console.log(`upload answered → first progress event: Redis median ${ms(median(viaRedis))} p90 ${ms(percentile(viaRedis, 90))}; in-process median ${ms(median(inProcess))} p90 ${ms(percentile(inProcess, 90))}`);

    writeSection(
      'scale-out',
      'Scale-out: workers on BullMQ, progress through Redis',
      [
        `One-minute load average when the bench began: ${startLoad}. Redis, PostgreSQL, the API, the workers and the client all run on this machine, so the second worker competes with the first for the same cores: compare the ratio, not the rates.`,
        '',
        `Throughput: one ROLE=api process and ROLE=worker processes (TRANSCODE_CONCURRENCY=1 each) sharing one MEDIA_DIR; ${JOBS} uploads of a 4 s 320×240 clip (rungs 240p and 144p, 2 s segments) sent at once, timed until all are READY, after one such round to warm up.`,
        '',
        table(
          ['workers', 'jobs per minute', 'ratio'],
          [
            ['1', oneWorker.toFixed(1), '1.00'],
            ['2', twoWorkers.toFixed(1), (twoWorkers / oneWorker).toFixed(2)],
          ],
        ),
        '',
        `Latency: from the upload's answer (the file stored, its job recorded) to the first event past QUEUED at a graphql-ws subscriber of the same API, ${LATENCY_UPLOADS} uploads each, one site then the other in turn, each waited to READY before the next.`,
        '',
        table(
          ['queue and PubSub', 'median', 'p90'],
          [
            ['BullMQ + Redis (ROLE=api → ROLE=worker)', ms(median(viaRedis)), ms(percentile(viaRedis, 90))],
            ['in-process (ROLE=all, no Redis)', ms(median(inProcess)), ms(percentile(inProcess, 90))],
            ['added by Redis', ms(median(viaRedis) - median(inProcess)), ''],
          ],
        ),
      ].join('\n'),
      ffmpegPath(),
    );
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all([redis.remove(), postgres.close()]);
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
