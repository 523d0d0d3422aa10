import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeGate } from './support/encode-gate';
import { collectSubscription, gql, uploadFile } from './support/graphql-client';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { RunningServer, startServer } from './support/server-process';

const PROGRESS = `subscription($id: ID!) { processingProgress(playlistId: $id) { status percent queuePosition error } }`;

interface Progress {
  status: string;
  percent: number;
  queuePosition: number | null;
  error: string | null;
}

/** Whether any process of the group is alive (signal 0 checks without sending). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls a state until it holds: what the test waits for, never how long. */
async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('failed and interrupted jobs', () => {
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-fail-'));
  let server: RunningServer | undefined;

  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('ends a truncated upload FAILED with a message that says so, keeping the source and nothing partial', async () => {
    server = await startServer();
    const full = makeClip(join(work, 'full.mp4'), { seconds: 6, extraArgs: ['-movflags', '+faststart'] });
    const bytes = readFileSync(full);
    const truncated = join(work, 'cut-short.mp4');
    // the index (moov) is at the front, so ffprobe still reads 6 s; the media data stops at 40 %
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.4)));

    const { body } = await uploadFile(server.url, truncated, { resolutions: [240], segmentDuration: 2 });
    expect(body.errors).toBeUndefined();
    const id = body.data.uploadVideo.id as string;
    const events = await collectSubscription<Progress>(server.wsUrl, PROGRESS, { id }, (p) => p.status === 'READY' || p.status === 'FAILED');

    const last = events.at(-1);
    expect(last?.status).toBe('FAILED');
    expect(last?.error).toMatch(/truncated/i);
    const { data } = await gql(server.url, `query($id: ID!) { playlist(id: $id) { status error variants { label } hlsUrl } }`, { id });
    expect(data?.['playlist']).toMatchObject({ status: 'FAILED', variants: [], hlsUrl: null });
    expect(data?.['playlist'].error).toBe(last?.error);
    const folder = join(server.mediaDir, id);
    expect(readdirSync(folder).sort()).toEqual(['manifest.json', 'source']);
    expect(statSync(join(folder, 'source', 'cut-short.mp4')).size).toBeGreaterThan(0);
  });

  it('reports the queue position while waiting; after a crash ends the orphaned encoder, sweeps leftovers and resumes unfinished jobs', async () => {
    // the first job's encode waits at the gate, so the second stays queued behind it until the test moves on
    const gate = encodeGate(work);
    server = await startServer({ TRANSCODE_CONCURRENCY: '1', ...gate.env });
    const mediaDir = server.mediaDir;
    const first = makeClip(join(work, 'first.mp4'), { seconds: 6, width: 640, height: 360 });
    const second = makeClip(join(work, 'second.mp4'), { seconds: 2 });
    const a = await uploadFile(server.url, first, { resolutions: [360, 240], segmentDuration: 2 });
    const b = await uploadFile(server.url, second, { resolutions: [240], segmentDuration: 2 });
    const idA = a.body.data.uploadVideo.id as string;
    const idB = b.body.data.uploadVideo.id as string;

    const waiting = await collectSubscription<Progress>(server.wsUrl, PROGRESS, { id: idB }, () => true);
    expect(waiting[0]).toMatchObject({ status: 'QUEUED', queuePosition: 1 });

    // crash hard while the first job's encoder runs (held at the gate) and is on record
    const manifestA = join(mediaDir, idA, 'manifest.json');
    await waitFor('the encoder on record', () => JSON.parse(readFileSync(manifestA, 'utf8')).encoder?.pgid as number | undefined);
    await server.stop('SIGKILL');
    const { pgid } = JSON.parse(readFileSync(manifestA, 'utf8')).encoder as { pgid: number };
    expect(groupAlive(pgid)).toBe(true);
    // what a crash mid-upload leaves: a folder without manifest.json and graphql-upload's buffer
    mkdirSync(join(mediaDir, 'cut-20261130T000000Z-abcdef', 'source'), { recursive: true });
    writeFileSync(join(mediaDir, 'cut-20261130T000000Z-abcdef', 'source', 'cut.mp4'), 'half a video');
    writeFileSync(join(mediaDir, '.uploads', 'capacitor-0123abcd.tmp'), 'half an upload');

    server = await startServer({ TRANSCODE_CONCURRENCY: '1', ...gate.env }, mediaDir);
    await waitFor('the orphaned encoder to end', () => !groupAlive(pgid));
    expect(server.logs()).toMatch(/"event":"job.orphan_stopped"[^\n]*"pgid":\d+/);
    expect(server.logs()).toMatch(/"event":"catalog.swept","key":"cut-20261130T000000Z-abcdef"/);
    expect(server.logs()).toMatch(/"event":"upload.temp_swept","files":1/);
    expect(existsSync(join(mediaDir, 'cut-20261130T000000Z-abcdef'))).toBe(false);
    expect(readdirSync(join(mediaDir, '.uploads'))).toEqual([]);
    gate.open();

    for (const id of [idA, idB]) {
      const events = await collectSubscription<Progress>(server.wsUrl, PROGRESS, { id }, (p) => p.status === 'READY' || p.status === 'FAILED');
      expect(events.at(-1)?.status).toBe('READY');
      expect(existsSync(join(mediaDir, id, '.work'))).toBe(false);
    }
  });

  it('ends a subscription with NOT_FOUND when its playlist is deleted mid-encode, and removes everything', async () => {
    const gate = encodeGate(work);
    server = await startServer(gate.env);
    const clip = makeClip(join(work, 'deleted.mp4'), { seconds: 2 });
    const id = (await uploadFile(server.url, clip, { resolutions: [240], segmentDuration: 2 })).body.data.uploadVideo.id as string;
    const ended = collectSubscription<Progress>(server.wsUrl, PROGRESS, { id }, () => false).then(
      () => 'completed without an error',
      (error: Error) => error.message,
    );
    await collectSubscription<Progress>(server.wsUrl, PROGRESS, { id }, (p) => p.status === 'TRANSCODING');

    const { data } = await gql(server.url, `mutation($id: ID!) { deletePlaylist(id: $id) }`, { id });
    expect(data?.['deletePlaylist']).toBe(id);
    expect(await ended).toMatch(/"code":"NOT_FOUND"/);
    expect(existsSync(join(server.mediaDir, id))).toBe(false);
  });
});
