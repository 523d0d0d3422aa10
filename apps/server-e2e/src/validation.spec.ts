import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { UPLOAD_MUTATION, uploadFile } from './support/graphql-client';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { RunningServer, startServer } from './support/server-process';

const MAX_UPLOAD_BYTES = 2_000_000;

describe('upload validation: clear BAD_USER_INPUT errors, nothing left behind', () => {
  let server: RunningServer;
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-invalid-'));
  let clip: string;

  beforeAll(async () => {
    server = await startServer({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES), MAX_DURATION_SECONDS: '10', MAX_SOURCE_PIXELS: String(640 * 480) });
    clip = makeClip(join(work, 'clip.mp4'), { seconds: 2 });
  });

  afterAll(async () => {
    await server?.stop();
  });

  const valid = { resolutions: [240], segmentDuration: 2 };

  function playlistsOnDisk(): string[] {
    return readdirSync(server.mediaDir).filter((e) => !e.startsWith('.'));
  }

  it.each([
    ['no resolution', { ...valid, resolutions: [] }, 'resolutions', /at least one resolution/i],
    ['a resolution outside the allowed set', { ...valid, resolutions: [720, 1000] }, 'resolutions', /must be one of/i],
    ['a segment duration below 1 s', { ...valid, segmentDuration: 0.5 }, 'segmentDuration', /at least 1/i],
    ['a segment duration above 30 s', { ...valid, segmentDuration: 31 }, 'segmentDuration', /at most 30/i],
    ['a title over 200 characters', { ...valid, title: 'x'.repeat(201) }, 'title', /at most 200/i],
  ])('rejects %s', async (_name, options, field, message) => {
    const { body } = await uploadFile(server.url, clip, options);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors?.[0].message).toMatch(message);
    expect(playlistsOnDisk()).toEqual([]);
  });

  it('rejects a disallowed extension', async () => {
    const { body } = await uploadFile(server.url, clip, valid, 'clip.exe');
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(body.errors?.[0].message).toMatch(/mp4, mov, m4v, mkv, webm, avi, mts, m2ts, ts/);
    expect(playlistsOnDisk()).toEqual([]);
  });

  it('rejects a file that is not a video although its name says so', async () => {
    const fake = join(work, 'notes.mp4');
    writeFileSync(fake, 'this is plain text, not a movie\n'.repeat(100));
    const { body } = await uploadFile(server.url, fake, valid);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(playlistsOnDisk()).toEqual([]);
  });

  it('refuses an HLS playlist disguised as a video, without publishing the file it names', async () => {
    // the playlist names a real clip on this machine: before the demuxer allow-list, the server transcoded it as the upload
    const playlist = join(work, 'holiday.mkv');
    writeFileSync(playlist, ['#EXTM3U', '#EXT-X-TARGETDURATION:2', '#EXTINF:2,', clip, '#EXT-X-ENDLIST', ''].join('\n'));
    const { body } = await uploadFile(server.url, playlist, valid);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(body.errors?.[0].message).toMatch(/not in a video container this server accepts|not a video that can be read/);
    expect(body.errors?.[0].message).not.toContain(work);
    expect(playlistsOnDisk()).toEqual([]);
  });

  it('rejects an audio-only file, saying it has no video stream', async () => {
    const audio = makeClip(join(work, 'song.mp4'), { seconds: 2, video: false });
    const { body } = await uploadFile(server.url, audio, valid);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(body.errors?.[0].message).toMatch(/no video stream/i);
    expect(playlistsOnDisk()).toEqual([]);
  });

  it('rejects a file over the configured maximum size', async () => {
    const big = join(work, 'big.mp4');
    const bytes = readFileSync(clip);
    writeFileSync(big, Buffer.concat(Array.from({ length: Math.ceil((MAX_UPLOAD_BYTES * 1.5) / bytes.length) }, () => bytes)));
    const { body } = await uploadFile(server.url, big, valid);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(body.errors?.[0].message).toMatch(/larger than the maximum upload size/i);
    expect(playlistsOnDisk()).toEqual([]);
  });

  it.each([
    ['longer than MAX_DURATION_SECONDS', { seconds: 12, width: 64, height: 48 }, /^The video is 12 s long; the limit is 10 s\.$/],
    ['larger than MAX_SOURCE_PIXELS', { seconds: 1, width: 1280, height: 720 }, /^The picture is 1280×720 \(921,600 pixels\); the limit is 307,200 pixels/],
  ])('refuses a video %s before anything is encoded', async (_name, size, message) => {
    const tooBig = makeClip(join(work, `too-big-${size.width}.mp4`), { ...size, audio: false });
    const { body } = await uploadFile(server.url, tooBig, valid);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    expect(body.errors?.[0].message).toMatch(message);
    expect(playlistsOnDisk()).toEqual([]);
  });

  it('forgets an upload cut off mid-file: no playlist, no buffer left, the server still answering', async () => {
    const boundary = 'cut-off-upload';
    const head = [
      `--${boundary}\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: UPLOAD_MUTATION, variables: { file: null, options: valid } })}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="map"\r\n\r\n${JSON.stringify({ '0': ['variables.file'] })}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="clip.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
    ].join('');
    const bytes = readFileSync(clip);
    const req = request(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': Buffer.byteLength(head) + bytes.length + 100, 'apollo-require-preflight': 'true' },
    });
    req.on('error', () => undefined);
    req.write(head);
    req.write(bytes.subarray(0, bytes.length / 2));
    const buffers = () => readdirSync(join(server.mediaDir, '.uploads'));
    // cut off once the server is buffering the file
    for (const deadline = Date.now() + 10_000; buffers().length === 0 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    expect(buffers()).toHaveLength(1);
    req.destroy();
    for (const deadline = Date.now() + 10_000; (buffers().length > 0 || playlistsOnDisk().length > 0) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    expect(buffers()).toEqual([]);
    expect(playlistsOnDisk()).toEqual([]);
    expect((await fetch(`${server.url}/health`)).ok).toBe(true);
  });

  it('rejects a request without a file', async () => {
    const { body } = await uploadFile(server.url, null, valid);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(playlistsOnDisk()).toEqual([]);
  });

  it('still accepts a valid upload afterwards', async () => {
    const { body } = await uploadFile(server.url, clip, valid);
    expect(body.errors).toBeUndefined();
    expect(body.data.uploadVideo.status).toBe('QUEUED');
    expect(playlistsOnDisk()).toEqual([body.data.uploadVideo.id]);
  });
});

describe('uploads when the media volume is down to its reserve', () => {
  let server: RunningServer | undefined;
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-reserve-'));

  afterAll(async () => {
    await server?.stop();
  });

  it('refuses them up front with 507 INSUFFICIENT_STORAGE, storing nothing, not even the upload buffer', async () => {
    // a reserve no disk has: every upload would eat into it
    server = await startServer({ MIN_FREE_BYTES: String(2 ** 52) });
    const clip = makeClip(join(work, 'clip.mp4'), { seconds: 1 });
    const { status, body } = await uploadFile(server.url, clip, { resolutions: [240], segmentDuration: 2 });
    expect(status).toBe(507);
    expect(body.errors?.[0]).toMatchObject({ message: 'The server is out of storage space; nothing was kept. Try again later.', extensions: { code: 'INSUFFICIENT_STORAGE' } });
    expect(readdirSync(server.mediaDir).filter((e) => !e.startsWith('.'))).toEqual([]);
    expect(readdirSync(join(server.mediaDir, '.uploads'))).toEqual([]);
  });
});
