// Issue 11, resilience: Redis stopped and started again under a running API and worker, and Redis
// emptied under them. This spec starts a Redis of its own (never REDIS_URL's): it stops and flushes it.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { RunningRedis, startPostgres, startRedis, TestPostgres } from '@cmm/test-services';
import { EncodeGate, encodeGate } from './support/encode-gate';
import { gql, uploadFile } from './support/graphql-client';
import { RunningServer, startServer } from './support/server-process';
import { patch } from './support/tus';
import { until } from './support/until';

const PLAYLIST = `query One($id: ID!) { playlist(id: $id) { id status error hlsUrl } }`;
const LIST = `query { playlists(first: 50) { totalCount edges { node { id status } } } }`;
const CREATE_RESUMABLE = `mutation Create($file: ResumableFileInput!, $options: UploadOptionsInput!) {
  createResumableUpload(file: $file, options: $options) { playlistId uploadUrl }
}`;

const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-redis-outage-'));
const clip = (name: string, seconds = 2) => makeClip(join(work, name), { seconds, width: 320, height: 240 });

interface Health {
  status: number;
  body: { redis?: string; down?: string[] };
}

const health = async (server: RunningServer): Promise<Health> => {
  const res = await fetch(`${server.url}/health`);
  return { status: res.status, body: await res.json() };
};

describe('Redis lost under a running API and worker', () => {
  let redis: RunningRedis;
  let postgres: TestPostgres;
  let gate: EncodeGate;
  const mediaDir = mkdtempSync(join(tmpdir(), 'cmm-e2e-redis-outage-media-'));
  let api: RunningServer;
  let worker: RunningServer;

  const statusOf = async (id: string): Promise<string | undefined> => (await gql(api.url, PLAYLIST, { id })).data?.playlist?.status;
  const upload = async (name: string): Promise<string> => {
    const { body } = await uploadFile(api.url, clip(name), { resolutions: [144], segmentDuration: 2 });
    expect(body.errors).toBeUndefined();
    return body.data.uploadVideo.id as string;
  };
  const ready = (id: string) => until(`${id} to be READY`, async () => (await statusOf(id)) === 'READY', 180_000);
  const logged = (server: RunningServer, event: string, id: string) => server.logs().split('\n').some((line) => line.includes(`"${event}"`) && line.includes(id));
  /**
   * How many runs of the playlist's job reached READY (a job run again after READY would encode it
   * twice), once one has said so: a worker logs `job.ready` just after the catalog says READY.
   */
  const readyRuns = async (id: string, workers: RunningServer[] = [worker]) => {
    const count = () => workers.reduce((n, w) => n + w.logs().split('\n').filter((line) => line.includes('"job.ready"') && line.includes(id)).length, 0);
    await until(`a worker to log ${id} READY`, () => count() > 0);
    return count();
  };
  /** Its published run folder, the only one left. */
  const onePublishedRun = async (id: string) => {
    const hlsUrl = (await gql(api.url, PLAYLIST, { id })).data?.playlist?.hlsUrl as string;
    const run = hlsUrl.match(/\/stream\/([^/]+)\/master\.m3u8$/)?.[1];
    expect(readdirSync(join(mediaDir, id, 'stream'))).toEqual([run]);
    expect(existsSync(join(mediaDir, id, '.work')) ? readdirSync(join(mediaDir, id, '.work')) : []).toEqual([]);
  };

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis({ own: true }), startPostgres()]);
    gate = encodeGate(work);
    gate.open();
    // a lapsed lock is noticed within 2 s, a lost job within 1 s
    const shared = { REDIS_URL: redis.url, DATABASE_URL: postgres.url, JOB_STALLED_MS: '2000', JOB_BACKOFF_MS: '0', JOB_RECONCILE_MS: '1000' };
    api = await startServer({ ...shared, ROLE: 'api' }, mediaDir);
    worker = await startServer({ ...shared, ...gate.env, ROLE: 'worker', TRANSCODE_CONCURRENCY: '1' }, mediaDir);
  }, 180_000);

  afterAll(async () => {
    gate?.open();
    await Promise.all([api, worker].map((server) => server?.stop()));
    await Promise.all([redis?.remove(), postgres?.close()]);
  });

  it('refuses uploads (multipart and tus) while Redis is stopped, names it in /health, and finishes every accepted playlist once it is back', async () => {
    gate.close();
    const running = await upload('Running.mp4');
    await until('the first encode to start', async () => (await statusOf(running)) === 'TRANSCODING');
    const waiting = await upload('Waiting.mp4');
    expect(await statusOf(waiting)).toBe('QUEUED');

    await redis.stop();
    const down = await until('the API to report Redis down', async () => {
      const answer = await health(api);
      return answer.body.redis === 'down' && answer;
    });
    expect(down).toMatchObject({ status: 503, body: { redis: 'down', down: ['redis'] } });
    const refused = await uploadFile(api.url, clip('Refused.mp4'), { resolutions: [144], segmentDuration: 2 });
    expect(refused.body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/Redis.*not kept.*Try again/), extensions: { code: 'SERVICE_UNAVAILABLE', dependency: 'redis' } });
    // a resumable upload can be created (nothing is queued yet), but its bytes wait for Redis
    const resumableFile = readFileSync(clip('Resumable.mp4'));
    const created = await gql(api.url, CREATE_RESUMABLE, { file: { filename: 'Resumable.mp4', size: resumableFile.length }, options: { resolutions: [144], segmentDuration: 2 } });
    const { playlistId: resumable, uploadUrl } = created.data?.createResumableUpload ?? {};
    expect(await patch(`${api.url}${uploadUrl}`, 0, resumableFile)).toMatchObject({ status: 503, body: expect.stringMatching(/Redis is unreachable.*Try again/) });

    // the outage outlasts the running job's lock (JOB_STALLED_MS): Redis comes back without it
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await redis.start();
    await until('the API and the worker to see Redis again', async () => (await health(api)).status === 200 && (await health(worker)).status === 200);
    gate.open();
    await ready(running);
    await ready(waiting);
    const after = await upload('After.mp4');
    await ready(after);
    expect(await patch(`${api.url}${uploadUrl}`, 0, resumableFile)).toMatchObject({ status: 204, headers: { 'upload-offset': String(resumableFile.length) } });
    await ready(resumable);

    const list = (await gql(api.url, LIST)).data?.playlists;
    expect(list.totalCount).toBe(4);
    expect(new Set(list.edges.map((edge: { node: { id: string } }) => edge.node.id))).toEqual(new Set([running, waiting, after, resumable]));
    for (const id of [running, waiting, after, resumable]) {
      await onePublishedRun(id);
      expect(await readyRuns(id)).toBe(1);
    }
  }, 420_000);

  it('queues again the playlists whose jobs an emptied Redis lost, and finishes them', async () => {
    gate.close();
    const running = await upload('Flushed running.mp4');
    await until('its encode to start', async () => (await statusOf(running)) === 'TRANSCODING');
    const waiting = await upload('Flushed waiting.mp4');
    const client = new Redis(redis.url);
    try {
      await until('the waiting job to be in Redis', async () => (await client.exists(`cmm:transcode:${waiting}`)) === 1);
      await client.flushall();
      await until('both jobs to be queued again', async () => (await client.exists(`cmm:transcode:${running}`, `cmm:transcode:${waiting}`)) === 2);
    } finally {
      client.disconnect();
    }
    gate.open();
    await ready(running);
    await ready(waiting);
    for (const id of [running, waiting]) {
      await onePublishedRun(id);
      expect(await readyRuns(id)).toBe(1);
    }
    // whichever process looked first queued it again
    expect(api.logs() + worker.logs()).toMatch(new RegExp(`"job\\.requeued".*${waiting}|${waiting}.*"job\\.requeued"`));
  }, 420_000);

  it('fences out a worker frozen past its lock: once awake, its run stops and writes nothing, and the playlist ends READY once', async () => {
    gate.close();
    const id = await upload('Frozen.mp4');
    await until('the worker to start its encode', async () => (await statusOf(id)) === 'TRANSCODING');
    const other = await startServer({ REDIS_URL: redis.url, DATABASE_URL: postgres.url, JOB_STALLED_MS: '2000', JOB_BACKOFF_MS: '0', JOB_RECONCILE_MS: '1000', ...gate.env, ROLE: 'worker' }, mediaDir);
    try {
      process.kill(worker.pid, 'SIGSTOP');
      try {
        await until('the other worker to take the job over', () => logged(other, 'job.transcoding', id));
      } finally {
        process.kill(worker.pid, 'SIGCONT');
      }
      await until('the frozen worker to see it was superseded', () => logged(worker, 'job.superseded', id));
      gate.open();
      await ready(id);
      expect(await readyRuns(id, [worker, other])).toBe(1);
      await onePublishedRun(id);
    } finally {
      await other.stop();
    }
  }, 420_000);
});
