// Issue 11 end to end: one Redis, one PostgreSQL, two ROLE=api processes and two ROLE=worker
// processes sharing one MEDIA_DIR, started with the commands docs/deploy.md gives.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ffprobeJson, makeClip } from '@cmm/ffmpeg-binaries/testing';
import { RunningRedis, startPostgres, startRedis, TestPostgres } from '@cmm/test-services';
import { EncodeGate, encodeGate } from './support/encode-gate';
import { collectSubscription, gql, uploadFile } from './support/graphql-client';
import { RunningServer, runServerCommand, startServer } from './support/server-process';
import { until } from './support/until';

const PROGRESS = `subscription Progress($id: ID!) { processingProgress(playlistId: $id) { status percent error } }`;
const PLAYLIST = `query One($id: ID!) {
  playlist(id: $id) { id status error hlsUrl dashUrl variants { label height playlistUrl segmentCount segments(first: 1000) { url } } }
}`;
const LIST = `query { playlists(first: 50) { totalCount edges { node { id status } } } }`;
const DELETE = `mutation($id: ID!) { deletePlaylist(id: $id) }`;

interface Progress {
  status: string;
  percent: number;
  error: string | null;
}

interface Variant {
  label: string;
  height: number;
  playlistUrl: string;
  segmentCount: number;
  segments: { url: string }[];
}

const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-scale-'));
const clip = (name: string, seconds = 4) => makeClip(join(work, name), { seconds, width: 320, height: 240 });

const statusOf = async (api: RunningServer, id: string): Promise<string | undefined> => (await gql(api.url, PLAYLIST, { id })).data?.playlist?.status;

/** The manifest.json a process wrote beside the playlist (the encoder it records names the process running ffmpeg). */
const manifestOn = (mediaDir: string, id: string): { encoder?: { pgid: number } | null } | null => {
  try {
    return JSON.parse(readFileSync(join(mediaDir, id, 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
};

/** The worker whose log says it runs the playlist's encode. */
const holderOf = (workers: RunningServer[], id: string): RunningServer | undefined =>
  workers.find((worker) => worker.logs().split('\n').some((line) => line.includes('"job.transcoding"') && line.includes(id)));

/** Whether the process runs (an orphan reaped late by a container's init shows as a zombie: not running). */
const alive = (pid: number): boolean => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

describe('scale-out: two API processes and two workers on one Redis, one PostgreSQL and one media folder', () => {
  let redis: RunningRedis;
  let postgres: TestPostgres;
  let gate: EncodeGate;
  const mediaDir = mkdtempSync(join(tmpdir(), 'cmm-e2e-scale-media-'));
  const apis: RunningServer[] = [];
  let workers: RunningServer[] = [];
  let imported: string;

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    gate = encodeGate(work);
    gate.open();
    // a single-node site (ROLE=all, no Redis, no database) moving up: its playlist is imported
    const single = await startServer({}, mediaDir);
    const { body } = await uploadFile(single.url, clip('Single node.mp4', 2), { resolutions: [144], segmentDuration: 2 });
    imported = body.data.uploadVideo.id;
    await until('the single node to finish', async () => (await statusOf(single, imported)) === 'READY');
    await single.stop();
    const importing = await runServerCommand(['import-catalog'], { DATABASE_URL: postgres.url, MEDIA_DIR: mediaDir });
    expect(importing).toMatchObject({ code: 0, output: expect.stringContaining('1 imported') });
    // a killed worker's job is taken by the other once its lock lapses: 2 s here, 30 s by default
    const shared = { REDIS_URL: redis.url, DATABASE_URL: postgres.url, JOB_STALLED_MS: '2000', JOB_BACKOFF_MS: '0' };
    // the first process migrates the database; the others find it done
    apis.push(await startServer({ ...shared, ROLE: 'api' }, mediaDir));
    apis.push(await startServer({ ...shared, ROLE: 'api' }, mediaDir));
    workers = await Promise.all([1, 2].map(() => startServer({ ...shared, ...gate.env, ROLE: 'worker' }, mediaDir)));
  }, 180_000);

  afterAll(async () => {
    gate?.open();
    await Promise.all([...apis, ...workers].map((server) => server.stop()));
    await Promise.all([redis?.remove(), postgres?.close()]);
  });

  it('uploads through API 1, follows progress through API 2 until READY, and lists and plays from both', async () => {
    // the encode is held until API 2's subscriber has seen it, however fast the machine
    gate.close();
    const { body } = await uploadFile(apis[0].url, clip('First.mp4'), { resolutions: [240, 144], segmentDuration: 2 });
    expect(body.errors).toBeUndefined();
    const id = body.data.uploadVideo.id as string;

    const seen: string[] = [];
    const following = collectSubscription<Progress>(apis[1].wsUrl, PROGRESS, { id }, (p) => {
      seen.push(p.status);
      return p.status === 'READY' || p.status === 'FAILED';
    });
    await until('API 2 to deliver the held encode', () => seen.includes('TRANSCODING'));
    gate.open();
    const events = await following;
    expect(events.at(-1)).toMatchObject({ status: 'READY', percent: 100, error: null });

    for (const api of apis) {
      expect((await gql(api.url, LIST)).data?.playlists).toMatchObject({ totalCount: 2, edges: [{ node: { id, status: 'READY' } }, { node: { id: imported, status: 'READY' } }] });
      const playlist = (await gql(api.url, PLAYLIST, { id })).data?.playlist;
      const master = await fetch(`${api.url}${playlist.hlsUrl}`);
      expect(master.status).toBe(200);
      expect(await master.text()).toMatch(/^#EXTM3U/);
      const rung = (playlist.variants as Variant[])[0];
      expect((await fetch(`${api.url}${rung.playlistUrl}`)).status).toBe(200);
      const segment = await fetch(`${api.url}${rung.segments[0].url}`);
      expect(segment.status).toBe(200);
      expect((await segment.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  }, 180_000);

  it('hands the job of a SIGKILLed worker to the other, which publishes one valid ladder from one run', async () => {
    gate.close();
    const { body } = await uploadFile(apis[0].url, clip('Killed.mp4', 6), { resolutions: [240, 144], segmentDuration: 2 });
    expect(body.errors).toBeUndefined();
    const id = body.data.uploadVideo.id as string;

    // the encode waits at the gate: the holder has started ffmpeg and recorded it
    const encoder = await until('the encode to start', () => manifestOn(mediaDir, id)?.encoder);
    const holder = await until('a worker to log the job', () => holderOf(workers, id));
    const other = workers.find((worker) => worker !== holder) as RunningServer;
    await holder.stop('SIGKILL');
    gate.open();

    const events = await collectSubscription<Progress>(apis[1].wsUrl, PROGRESS, { id }, (p) => p.status === 'READY' || p.status === 'FAILED', 180_000);
    expect(events.at(-1)).toMatchObject({ status: 'READY', error: null });
    expect(holderOf([other], id)).toBe(other);
    // the killed worker's encoder, left running, was ended by the worker that took the job over
    expect(alive(encoder.pgid)).toBe(false);

    const playlist = (await gql(apis[1].url, PLAYLIST, { id })).data?.playlist;
    const run = (playlist.hlsUrl as string).match(/\/stream\/([^/]+)\/master\.m3u8$/)?.[1];
    expect(run).toBeDefined();
    // one run published, nothing left of the killed one
    expect(readdirSync(join(mediaDir, id, 'stream'))).toEqual([run]);
    expect(existsSync(join(mediaDir, id, '.work')) ? readdirSync(join(mediaDir, id, '.work')) : []).toEqual([]);

    const variants = playlist.variants as Variant[];
    expect(variants.map((v) => v.height)).toEqual([240, 144]);
    for (const variant of variants) {
      const text = await (await fetch(`${apis[0].url}${variant.playlistUrl}`)).text();
      const uris = text.split('\n').filter((line) => line && !line.startsWith('#'));
      expect(uris).toHaveLength(variant.segmentCount);
      expect(variant.segments).toHaveLength(variant.segmentCount);
      for (const segment of variant.segments) expect(segment.url).toContain(`/stream/${run}/`);
    }
    const probe = ffprobeJson(`${apis[0].url}${playlist.hlsUrl}`);
    const heights = probe.streams.filter((s) => s['codec_type'] === 'video').map((s) => s['height']);
    expect(new Set(heights)).toEqual(new Set([240, 144]));
    expect(Number(probe.format['duration'])).toBeCloseTo(6, 0);
  }, 240_000);

  it('cancels a running job on the worker holding it when the playlist is deleted, and removes its output', async () => {
    gate.close();
    const { body } = await uploadFile(apis[1].url, clip('Deleted.mp4'), { resolutions: [144], segmentDuration: 2 });
    expect(body.errors).toBeUndefined();
    const id = body.data.uploadVideo.id as string;
    const encoder = await until('the encode to start', () => manifestOn(mediaDir, id)?.encoder);
    const holder = await until('a worker to log the job', () => holderOf(workers, id));
    expect(await statusOf(apis[0], id)).toBe('TRANSCODING');

    expect((await gql(apis[0].url, DELETE, { id })).data).toEqual({ deletePlaylist: id });
    await until('the encoder to be stopped', () => !alive(encoder.pgid));
    expect(existsSync(join(mediaDir, id))).toBe(false);
    for (const api of apis) expect((await gql(api.url, PLAYLIST, { id })).data).toEqual({ playlist: null });
    expect(holder.logs()).toMatch(new RegExp(`"job\\.cancelled".*${id}|${id}.*"job\\.cancelled"`));

    // the worker goes on taking jobs
    gate.open();
    const next = await uploadFile(apis[1].url, clip('After.mp4', 2), { resolutions: [144], segmentDuration: 2 });
    expect(next.body.errors).toBeUndefined();
    await until('the next upload to be READY', async () => (await statusOf(apis[0], next.body.data.uploadVideo.id)) === 'READY');
  }, 240_000);
});
