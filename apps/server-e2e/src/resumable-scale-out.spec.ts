// Issue 11: a resumable (tus) upload that moves between API instances, as a client behind a load
// balancer without stickiness does: created and half sent through API 1, resumed through API 2.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { RunningRedis, startPostgres, startRedis, TestPostgres } from '@cmm/test-services';
import { gql } from './support/graphql-client';
import { RunningServer, startServer } from './support/server-process';
import { patch, tus } from './support/tus';
import { until } from './support/until';

const CREATE = `mutation Create($file: ResumableFileInput!, $options: UploadOptionsInput!) {
  createResumableUpload(file: $file, options: $options) { playlistId uploadUrl }
}`;
const PLAYLIST = `query One($id: ID!) { playlist(id: $id) { id status error source { filename } } }`;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A PATCH declaring the whole file that sends only `bytes` of it and then goes quiet with its
 * connection open, as a client whose network dropped without a reset: resolves once the server has
 * written them, with whether the request has ended (answered or closed by the server).
 */
async function stalledPatch(url: string, partialFile: string, file: Buffer, bytes: number): Promise<{ ended: () => boolean }> {
  const req = request(url, { method: 'PATCH', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': 0, 'Content-Type': 'application/offset+octet-stream', 'Content-Length': file.length } });
  let ended = false;
  req.on('response', (res) => res.resume().on('end', () => (ended = true)));
  req.on('error', () => (ended = true));
  req.on('close', () => (ended = true));
  req.write(file.subarray(0, bytes));
  await until('the bytes sent on the server', () => statSync(partialFile).size >= bytes);
  return { ended: () => ended };
}

describe('resumable uploads across two API processes sharing MEDIA_DIR', () => {
  let redis: RunningRedis;
  let postgres: TestPostgres;
  const mediaDir = mkdtempSync(join(tmpdir(), 'cmm-e2e-tus-scale-media-'));
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-tus-scale-'));
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    const shared = { REDIS_URL: redis.url, DATABASE_URL: postgres.url };
    servers.push(await startServer({ ...shared, ROLE: 'api' }, mediaDir));
    servers.push(await startServer({ ...shared, ROLE: 'api' }, mediaDir));
    servers.push(await startServer({ ...shared, ROLE: 'worker' }, mediaDir));
  }, 180_000);

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all([redis?.remove(), postgres?.close()]);
  });

  it('creates and sends half through API 1, resumes through API 2, and ends READY with a byte-identical source', async () => {
    const [api1, api2] = servers;
    const clip = readFileSync(makeClip(join(work, 'Moving Client.mp4'), { seconds: 4, width: 320, height: 240 }));
    const { data, errors } = await gql(api1.url, CREATE, { file: { filename: 'Moving Client.mp4', size: clip.length }, options: { resolutions: [144], segmentDuration: 2 } });
    expect(errors).toBeUndefined();
    const { playlistId, uploadUrl } = data?.['createResumableUpload'] ?? {};

    const half = Math.floor(clip.length / 2);
    const first = await patch(`${api1.url}${uploadUrl}`, 0, clip.subarray(0, half));
    expect(first).toMatchObject({ status: 204, headers: { 'upload-offset': String(half) } });

    const head = await tus(`${api2.url}${uploadUrl}`, 'HEAD', {});
    expect(head).toMatchObject({ status: 200, headers: { 'upload-offset': String(half), 'upload-length': String(clip.length) } });
    const rest = await patch(`${api2.url}${uploadUrl}`, half, clip.subarray(half));
    expect(rest).toMatchObject({ status: 204, headers: { 'upload-offset': String(clip.length) } });

    await until('the playlist to be READY', async () => (await gql(api1.url, PLAYLIST, { id: playlistId })).data?.['playlist']?.status === 'READY', 180_000);
    expect(sha256(readFileSync(join(mediaDir, playlistId, 'source', 'moving-client.mp4')))).toBe(sha256(clip));
    expect(readdirSync(join(mediaDir, '.resumable'))).toEqual([]);
    // the finished upload answers no more, on either instance
    for (const api of [api1, api2]) expect([404, 410]).toContain((await tus(`${api.url}${uploadUrl}`, 'HEAD', {})).status);
    expect(existsSync(join(mediaDir, '.resumable', `${playlistId}.json`))).toBe(false);
  }, 300_000);

  it('ends the request API 1 is still holding when the client resumes through API 2 (one lock per upload across instances)', async () => {
    const [api1, api2] = servers;
    const clip = readFileSync(makeClip(join(work, 'Half Open.mp4'), { seconds: 4, width: 320, height: 240 }));
    const { data } = await gql(api1.url, CREATE, { file: { filename: 'Half Open.mp4', size: clip.length }, options: { resolutions: [144], segmentDuration: 2 } });
    const { playlistId, uploadUrl } = data?.['createResumableUpload'] ?? {};
    const half = Math.floor(clip.length / 2);
    const stalled = await stalledPatch(`${api1.url}${uploadUrl}`, join(mediaDir, '.resumable', playlistId), clip, half);

    // API 2 takes the upload's lock: API 1 lets its request go, with every byte it received written
    const head = await tus(`${api2.url}${uploadUrl}`, 'HEAD', {});
    await until('API 1 to let its request go', () => stalled.ended(), 60_000);
    expect(head.status).toBe(200);
    const offset = Number(head.headers['upload-offset']);
    expect(offset).toBeGreaterThanOrEqual(half);
    const rest = await patch(`${api2.url}${uploadUrl}`, offset, clip.subarray(offset));
    expect(rest).toMatchObject({ status: 204, headers: { 'upload-offset': String(clip.length) } });

    await until('the playlist to be READY', async () => (await gql(api2.url, PLAYLIST, { id: playlistId })).data?.['playlist']?.status === 'READY', 180_000);
    expect(sha256(readFileSync(join(mediaDir, playlistId, 'source', 'half-open.mp4')))).toBe(sha256(clip));
  }, 300_000);
});
