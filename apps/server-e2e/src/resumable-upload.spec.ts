import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { bearer, collectSubscription, gql } from './support/graphql-client';
import { RunningServer, startServer } from './support/server-process';
import { patch, tus } from './support/tus';

const TOKEN = 'resumable-e2e-token-0123456789';
const CREATE = `mutation Create($file: ResumableFileInput!, $options: UploadOptionsInput!) {
  createResumableUpload(file: $file, options: $options) { playlistId uploadUrl expiresAt }
}`;
const PROGRESS = `subscription Progress($id: ID!) { processingProgress(playlistId: $id) { status percent error } }`;
const OPTIONS = { resolutions: [240], segmentDuration: 2, title: 'Resumed' };

/**
 * Starts a PATCH declaring the whole rest of the file, sends `bytes` of it, waits until the server
 * has written them to the partial file, then drops the connection, as a train entering a tunnel does.
 */
async function patchThenCut(url: string, partialFile: string, offset: number, rest: Buffer, bytes: number, headers: Record<string, string>): Promise<void> {
  const req = request(url, { method: 'PATCH', headers: { 'Tus-Resumable': '1.0.0', 'Upload-Offset': offset, 'Content-Type': 'application/offset+octet-stream', 'Content-Length': rest.length, ...headers } });
  req.on('error', () => undefined);
  req.write(rest.subarray(0, bytes));
  await waitFor(() => statSync(partialFile).size >= offset + bytes, 'the first half on the server');
  req.destroy();
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('resumable uploads (tus 1.0) over real HTTP, in protected mode', () => {
  let server: RunningServer;
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-tus-'));
  let clip: Buffer;
  const auth = { Authorization: `Bearer ${TOKEN}` };

  beforeAll(async () => {
    clip = readFileSync(makeClip(join(work, 'Train Ride.mp4'), { seconds: 4, width: 320, height: 240 }));
    server = await startServer({ API_TOKENS: TOKEN, MAX_UPLOAD_BYTES: String(clip.length * 4) });
  });

  afterAll(async () => {
    await server?.stop();
  });

  async function create(filename: string, size: number, headers = bearer(TOKEN)) {
    return gql(server.url, CREATE, { file: { filename, size }, options: OPTIONS }, headers);
  }

  it('survives a connection cut mid-upload: HEAD tells the offset, the rest resumes from it, and the stored source is byte-identical', async () => {
    const { data, errors } = await create('Train Ride.mp4', clip.length);
    expect(errors).toBeUndefined();
    const { playlistId, uploadUrl, expiresAt } = data?.['createResumableUpload'] ?? {};
    expect(playlistId).toMatch(/^train-ride-\d{8}T\d{6}Z-[0-9a-f]{6}$/);
    expect(uploadUrl).toBe(`/uploads/tus/${playlistId}`);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    // no playlist exists until the last byte arrives
    expect((await gql(server.url, `{ playlists { totalCount } }`)).data?.['playlists'].totalCount).toBe(0);

    const url = `${server.url}${uploadUrl}`;
    const half = Math.floor(clip.length / 2);
    await patchThenCut(url, join(server.mediaDir, '.resumable', playlistId), 0, clip, half, auth);
    let offset = -1;
    await waitFor(async () => {
      const head = await tus(url, 'HEAD', auth);
      offset = Number(head.headers['upload-offset']);
      return head.status === 200 && offset >= half;
    }, 'HEAD to report the bytes received');
    expect(offset).toBeLessThan(clip.length);

    const rest = await patch(url, offset, clip.subarray(offset), auth);
    expect(rest.status).toBe(204);
    expect(rest.headers['upload-offset']).toBe(String(clip.length));

    const progress = await collectSubscription<{ status: string; error: string | null }>(server.wsUrl, PROGRESS, { id: playlistId }, (p) => p.status === 'READY' || p.status === 'FAILED', 120_000, { authorization: `Bearer ${TOKEN}` });
    expect(progress.at(-1)).toMatchObject({ status: 'READY', error: null });
    expect(sha256(readFileSync(join(server.mediaDir, playlistId, 'source', 'train-ride.mp4')))).toBe(sha256(clip));
    expect(readdirSync(join(server.mediaDir, '.resumable'))).toEqual([]);
  }, 180_000);

  it.each([
    ['a file name that is not a video', 'notes.txt', 100, 'filename', 'Unsupported file type'],
    ['a size above the upload limit', 'big.mp4', 1e12, 'size', 'larger than the maximum upload size'],
    ['an empty file', 'empty.mp4', 0, 'size', 'The file is empty'],
  ])('refuses to create an upload with %s as BAD_USER_INPUT, creating nothing', async (_name, filename, size, field, message) => {
    const { errors } = await create(filename, size);
    expect(errors?.[0]).toMatchObject({ message: expect.stringContaining(message), extensions: { code: 'BAD_USER_INPUT', field } });
    expect(readdirSync(join(server.mediaDir, '.resumable'))).toEqual([]);
  });

  it('refuses options as uploadVideo does', async () => {
    const { errors } = await gql(server.url, CREATE, { file: { filename: 'a.mp4', size: 10 }, options: { resolutions: [333], segmentDuration: 2 } }, bearer(TOKEN));
    expect(errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'resolutions' } });
  });

  it('refuses the mutation and every tus request without the token, and creating uploads over tus at all', async () => {
    expect((await create('a.mp4', 10, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const { data } = await create('locked.mp4', 10);
    const url = `${server.url}${data?.['createResumableUpload'].uploadUrl}`;
    const noToken = await patch(url, 0, Buffer.alloc(10));
    expect(noToken.status).toBe(401);
    expect(noToken.headers['www-authenticate']).toBe('Bearer');
    expect((await tus(url, 'HEAD', { Authorization: 'Bearer wrong-token-000000000000' })).status).toBe(401);
    expect((await tus(url, 'HEAD', auth)).headers['upload-offset']).toBe('0');
    expect((await tus(`${server.url}/uploads/tus/`, 'POST', { ...auth, 'Upload-Length': 10 })).status).toBe(403);
    expect((await tus(`${server.url}/uploads/tus/made-up-20261201T000000Z-000000`, 'HEAD', auth)).status).toBe(404);
  });

  it('enforces the declared length while receiving', async () => {
    const { data } = await create('short.mp4', 1000);
    const { playlistId, uploadUrl } = data?.['createResumableUpload'] ?? {};
    const url = `${server.url}${uploadUrl}`;
    expect((await patch(url, 0, randomBytes(1500), auth)).status).toBe(413);
    // a chunked body declares no length: it is cut at the declared size as it streams in
    const chunked = await tus(url, 'PATCH', { ...auth, 'Upload-Offset': 0, 'Content-Type': 'application/offset+octet-stream', 'Transfer-Encoding': 'chunked' }, randomBytes(5000));
    expect(chunked.status).toBe(413);
    expect(statSync(join(server.mediaDir, '.resumable', playlistId)).size).toBeLessThanOrEqual(1000);
  });

  it('refuses a complete file that is not a video on its last PATCH, leaving nothing behind', async () => {
    const junk = randomBytes(4096);
    const { data } = await create('junk.mp4', junk.length);
    const { playlistId, uploadUrl } = data?.['createResumableUpload'] ?? {};
    const last = await patch(`${server.url}${uploadUrl}`, 0, junk, auth);
    expect(last.status).toBe(422);
    expect(JSON.parse(last.body).errors[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'file' } });
    expect(existsSync(join(server.mediaDir, playlistId))).toBe(false);
    expect(readdirSync(join(server.mediaDir, '.resumable')).filter((name) => name.startsWith(playlistId))).toEqual([]);
    expect((await gql(server.url, `query($id: ID!) { playlist(id: $id) { id } }`, { id: playlistId })).data?.['playlist'] ?? null).toBeNull();
  });
});

describe('resumable uploads expire', () => {
  let server: RunningServer;

  afterAll(async () => {
    await server?.stop();
  });

  it('removes an abandoned partial upload after RESUMABLE_UPLOAD_EXPIRY_SECONDS, and its URL answers no more', async () => {
    server = await startServer({ RESUMABLE_UPLOAD_EXPIRY_SECONDS: '2' });
    const { data } = await gql(server.url, CREATE, { file: { filename: 'abandoned.mp4', size: 1000 }, options: OPTIONS });
    const url = `${server.url}${data?.['createResumableUpload'].uploadUrl}`;
    expect((await patch(url, 0, randomBytes(400))).headers['upload-offset']).toBe('400');
    const folder = join(server.mediaDir, '.resumable');
    await waitFor(() => readdirSync(folder).length === 0, 'the sweep to remove the partial upload');
    expect([404, 410]).toContain((await tus(url, 'HEAD', {})).status);
    expect(readdirSync(server.mediaDir).filter((name) => !name.startsWith('.'))).toEqual([]);
  }, 90_000);

  it('sweeps uploads that expired while the server was down at start-up', async () => {
    await server.stop();
    const folder = join(server.mediaDir, '.resumable');
    writeFileSync(join(folder, 'old-20200101T000000Z-abcdef'), 'part');
    writeFileSync(join(folder, 'old-20200101T000000Z-abcdef.json'), JSON.stringify({ id: 'old-20200101T000000Z-abcdef', size: 1000, offset: 0, metadata: {}, creation_date: '2020-01-01T00:00:00.000Z' }));
    server = await startServer({ RESUMABLE_UPLOAD_EXPIRY_SECONDS: '3600' }, server.mediaDir);
    expect(readdirSync(folder)).toEqual([]);
  }, 90_000);
});
