import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
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

  it('reports the queue position while waiting, and resumes unfinished jobs after a crash', async () => {
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

    // crash hard while the first job runs
    await collectSubscription<Progress>(server.wsUrl, PROGRESS, { id: idA }, (p) => p.status === 'TRANSCODING');
    await server.stop('SIGKILL');
    gate.open();
    server = await startServer({ TRANSCODE_CONCURRENCY: '1', ...gate.env }, mediaDir);

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
