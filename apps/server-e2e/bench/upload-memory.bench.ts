/**
 * Memory of a large upload: the server's resident set while a GiB-sized multipart upload
 * streams through graphql-upload into media/, against its resident set after a small upload
 * in the same run. Target: the large upload adds at most a few tens of MB.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uploadFile } from '../src/support/graphql-client';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { startServer } from '../src/support/server-process';

const SIZE = Number(process.env['BENCH_UPLOAD_BYTES'] ?? 1024 ** 3);
const LIMIT_MB = 64;

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function writeLargeFile(path: string, bytes: number): void {
  const chunk = Buffer.alloc(8 * 1024 ** 2, 7);
  const fd = openSync(path, 'w');
  for (let written = 0; written < bytes; written += chunk.length) writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - written));
  closeSync(fd);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'cmm-bench-'));
  const server = await startServer({ MAX_UPLOAD_BYTES: String(SIZE * 2), LOG_LEVEL: 'warn' });
  try {
    const small = makeClip(join(work, 'small.mp4'), { seconds: 2 });
    await uploadFile(server.url, small, { resolutions: [144], segmentDuration: 2 });
    await new Promise((r) => setTimeout(r, 3000));
    const baseline = rssMb(server.pid);

    const large = join(work, 'large.mkv');
    writeLargeFile(large, SIZE);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 20);
    const started = Date.now();
    const { body } = await uploadFile(server.url, large, { resolutions: [144], segmentDuration: 2 });
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;

    const growth = peak - baseline;
    console.log(`upload of ${(SIZE / 1024 ** 2).toFixed(0)} MiB in ${seconds.toFixed(1)} s (${(SIZE / 1024 ** 2 / seconds).toFixed(0)} MiB/s)`);
    console.log(`server RSS: baseline ${baseline.toFixed(1)} MB after a small upload, peak ${peak.toFixed(1)} MB during the large one`);
    console.log(`growth ${growth.toFixed(1)} MB = ${((growth / (SIZE / 1024 ** 2)) * 100).toFixed(2)} % of the upload size (target ≤ ${LIMIT_MB} MB)`);
    console.log(`server answer: ${body.errors?.[0]?.message ?? body.data?.uploadVideo?.status}`);
    if (growth > LIMIT_MB) process.exitCode = 1;
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
