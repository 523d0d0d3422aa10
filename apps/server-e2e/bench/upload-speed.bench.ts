/**
 * Upload speed: a 1 GiB GraphQL multipart upload of a real MP4 (a short clip looped with
 * `-c copy`, so it passes the server's probe) over loopback, until the server answers QUEUED,
 * against a bare Node `http` server streaming the same request body to the same disk, alternately
 * in the same run. One client sends both the same bytes. The server's encodes are held at a gate
 * and each playlist is deleted after its round, so no transcode runs during the measurement.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ffmpegPath, ffprobePath, makeClip } from '@cmm/ffmpeg-binaries/testing';
import { alternate, median, table, writeSection } from '../../../tools/bench/report';
import { encodeGate } from '../src/support/encode-gate';
import { gql, UPLOAD_MUTATION } from '../src/support/graphql-client';
import { startServer } from '../src/support/server-process';

const SIZE = Number(process.env['BENCH_UPLOAD_BYTES'] ?? 1024 ** 3);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const TARGET = 0.4;
const MiB = 1024 ** 2;

/** A valid MP4 of at least `bytes`: a high-bitrate clip looped without re-encoding. */
function largeVideo(work: string, bytes: number): string {
  const clip = makeClip(join(work, 'clip.mp4'), { seconds: 10, width: 1280, height: 720, extraArgs: ['-qp', '0'] });
  const loops = Math.ceil(bytes / statSync(clip).size);
  const out = join(work, 'large.mp4');
  const result = spawnSync(ffmpegPath(), ['-v', 'error', '-y', '-stream_loop', String(loops - 1), '-i', clip, '-c', 'copy', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr.toString()}`);
  return out;
}

/** POSTs the file as a GraphQL multipart request (streamed from disk) and resolves with the answer's body and the seconds it took. */
function postMultipart(url: string, file: string, options: Record<string, unknown>): Promise<{ body: string; seconds: number }> {
  const boundary = `----cmm${randomBytes(12).toString('hex')}`;
  const field = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const head = Buffer.from(
    field('operations', JSON.stringify({ query: UPLOAD_MUTATION, variables: { file: null, options } })) +
      field('map', JSON.stringify({ '0': ['variables.file'] })) +
      `--${boundary}\r\nContent-Disposition: form-data; name="0"; filename="large.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + statSync(file).size + tail.length;
  async function* body() {
    yield head;
    yield* createReadStream(file, { highWaterMark: MiB });
    yield tail;
  }
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': length, 'apollo-require-preflight': 'true' },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ body: Buffer.concat(chunks).toString('utf8'), seconds: (performance.now() - t0) / 1000 }));
      res.on('error', reject);
    });
    pipeline(Readable.from(body()), req).catch(reject);
  });
}

/** The baseline: a bare Node `http` server in its own process, piping each request body into a file. */
async function startBareServer(dir: string): Promise<{ url: string; stop: () => void }> {
  const script = `
    const { createServer } = require('node:http');
    const { createWriteStream } = require('node:fs');
    const { pipeline } = require('node:stream/promises');
    let n = 0;
    const server = createServer((req, res) => {
      const out = createWriteStream(require('node:path').join(process.argv[1], 'upload-' + n++));
      pipeline(req, out).then(() => res.end(JSON.stringify({ bytes: out.bytesWritten })), (e) => { res.statusCode = 500; res.end(e.message); });
    });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ['-e', script, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

async function main(): Promise<void> {
  const startLoad = loadavg()[0].toFixed(1);
  const work = mkdtempSync(join(tmpdir(), 'cmm-bench-upload-speed-'));
  const gate = encodeGate(work);
  const bareDir = mkdtempSync(join(work, 'bare-'));
  const bare = await startBareServer(bareDir);
  const server = await startServer({ MAX_UPLOAD_BYTES: String(SIZE * 2), LOG_LEVEL: 'warn', ...gate.env });
  try {
    const video = largeVideo(work, SIZE);
    const bytes = statSync(video).size;
    const probeStart = performance.now();
    spawnSync(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', video]);
    const probeMs = performance.now() - probeStart;

    const results = await alternate(
      ROUNDS,
      async () => {
        const { body, seconds } = await postMultipart(bare.url, video, {});
        if (JSON.parse(body).bytes < bytes) throw new Error(`bare server stored ${body}`);
        for (const name of readdirSync(bareDir)) rmSync(join(bareDir, name));
        return seconds;
      },
      async () => {
        const { body, seconds } = await postMultipart(server.url, video, { resolutions: [144], segmentDuration: 4 }).catch((error: Error) => {
          throw new Error(`upload failed: ${error.message}; the server said:\n${server.logs().slice(-4000)}`);
        });
        const id = JSON.parse(body).data?.uploadVideo?.id;
        if (!id) throw new Error(`upload refused: ${body}`);
        await gql(server.url, 'mutation D($id: ID!) { deletePlaylist(id: $id) }', { id }, { 'apollo-require-preflight': 'true' });
        return seconds;
      },
    );
    const rate = (seconds: number) => bytes / MiB / seconds;
    const a = median(results.baseline);
    const b = median(results.candidate);
    const ratio = rate(b) / rate(a);
    const rounds = (xs: number[]) => xs.map((s) => s.toFixed(2)).join(', ');
    console.log(`bare server: ${rounds(results.baseline)} s; ours: ${rounds(results.candidate)} s; rate ratio ${ratio.toFixed(2)} (target ≥ ${TARGET})`);
    writeSection(
      'upload-speed',
      'Upload speed',
      [
        `One-minute load average when the bench began: ${startLoad}. Other work on the machine stretches every wall time here, baseline and candidate alike.`,
        '',
        `A ${(bytes / MiB).toFixed(0)} MiB MP4 (a 10 s 720p clip looped with \`-c copy\`, so it passes the probe) sent as one GraphQL multipart request over loopback, timed until the answer; the baseline is a bare Node \`http\` server piping the same request body to a file on the same disk. Alternated, ${ROUNDS} rounds each, medians. Our time includes the probe (ffprobe on this file alone: ${probeMs.toFixed(0)} ms) and recording the playlist; encodes are held, and each playlist is deleted after its round.`,
        '',
        table(
          ['server', 'rounds (s)', 'median', 'rate', 'share of bare rate'],
          [
            ['bare Node http → file', rounds(results.baseline), `${a.toFixed(2)} s`, `${rate(a).toFixed(0)} MiB/s`, '1.00'],
            ['our uploadVideo', rounds(results.candidate), `${b.toFixed(2)} s`, `${rate(b).toFixed(0)} MiB/s`, `${ratio.toFixed(2)} (target ≥ ${TARGET}) ${ratio >= TARGET ? '✅' : '❌'}`],
          ],
        ),
      ].join('\n'),
      ffmpegPath(),
    );
    if (ratio < TARGET) process.exitCode = 1;
  } finally {
    bare.stop();
    await server.stop();
    rmSync(server.mediaDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
