import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { encodeGate } from './support/encode-gate';
import { collectSubscription, gql, uploadFile } from './support/graphql-client';
import { processMemory } from './support/process-memory';
import { RunningServer, startServer } from './support/server-process';

const UPLOADS = 10;
const RANGE_READS = 200;
/**
 * The Node server process alone (each ffmpeg is its own process, not counted). It sits near
 * 125 MiB once it has served a playlist and peaked near 140 MiB under this load; 256 MiB is about
 * twice that: room for garbage-collector slack on other machines, while memory that grows with the
 * load (more than about half a MiB kept per request) would cross it.
 */
const PEAK_RSS_LIMIT_MIB = 256;
/** Jobs queue behind TRANSCODE_CONCURRENCY=1 on a shared machine; the wait is on state, this only bounds a hang. */
const TEST_TIMEOUT_MS = 10 * 60_000;

const PROGRESS = `subscription($id: ID!) { processingProgress(playlistId: $id) { status error } }`;
const SEGMENTS = `query($id: ID!) { playlist(id: $id) { variants { segments { url } } } }`;
const STATUSES = `query($first: Int!) { playlists(first: $first) { edges { node { status } } } }`;

interface Progress {
  status: string;
  error: string | null;
}

interface PlannedRead {
  url: string;
  header: string;
  start: number;
  end: number;
  /** The whole file as it is on disk. */
  file: Buffer;
}

/**
 * The i-th read, chosen by arithmetic so a failure replays the same way: the shapes players and
 * download managers send (a head, a window, an open end, a suffix, one byte, an end past the
 * file), each shape going round every segment.
 */
function planRead(i: number, segments: { url: string; file: Buffer }[]): PlannedRead {
  const { url, file } = segments[Math.floor(i / 6) % segments.length];
  const size = file.length;
  const at = (i * 7919) % size;
  const read = (header: string, start: number, end: number) => ({ url, header, start, end, file });
  switch (i % 6) {
    case 0: {
      const end = Math.min(size - 1, 99 + (i % 4) * 1000);
      return read(`bytes=0-${end}`, 0, end);
    }
    case 1: {
      const end = Math.min(size - 1, at + 4095);
      return read(`bytes=${at}-${end}`, at, end);
    }
    case 2:
      return read(`bytes=${at}-`, at, size - 1);
    case 3: {
      // every third suffix is longer than the file: the whole file, still as a 206
      const suffix = i % 18 === 3 ? size + 100 : 1 + ((i * 131) % size);
      return read(`bytes=-${suffix}`, Math.max(0, size - suffix), size - 1);
    }
    case 4:
      return read(`bytes=${at}-${at}`, at, at);
    default:
      return read(`bytes=${at}-${size * 2}`, at, size - 1);
  }
}

/** Fetches one range and describes what was wrong with the answer, or returns null. */
async function checkRead(baseUrl: string, read: PlannedRead): Promise<string | null> {
  const where = `${read.url} ${read.header}`;
  try {
    const res = await fetch(baseUrl + read.url, { headers: { Range: read.header } });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 206) return `${where}: status ${res.status}`;
    const contentRange = `bytes ${read.start}-${read.end}/${read.file.length}`;
    if (res.headers.get('content-range') !== contentRange) return `${where}: Content-Range ${res.headers.get('content-range')}, expected ${contentRange}`;
    return body.equals(read.file.subarray(read.start, read.end + 1)) ? null : `${where}: ${body.length} bytes that are not the file's ${read.start}-${read.end}`;
  } catch (error) {
    return `${where}: ${(error as Error).message}`;
  }
}

describe('load', () => {
  const work = mkdtempSync(join(tmpdir(), 'cmm-e2e-load-'));
  let server: RunningServer | undefined;

  afterAll(async () => {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it(
    `ends ${UPLOADS} simultaneous uploads READY while ${RANGE_READS} concurrent range reads of ready segments all answer 206 with the file's bytes, under ${PEAK_RSS_LIMIT_MIB} MiB peak RSS`,
    async () => {
      const mediaDir = join(work, 'media');
      mkdirSync(mediaDir);
      const gate = encodeGate(work);
      gate.open();
      server = await startServer({ TRANSCODE_CONCURRENCY: '1', ...gate.env }, mediaDir);
      const { url, wsUrl } = server;

      // a finished playlist whose segments the reads target: 2 rungs × 6 one-second segments
      const ready = makeClip(join(work, 'ready.mp4'), { seconds: 6 });
      const first = await uploadFile(url, ready, { resolutions: [240, 144], segmentDuration: 1 });
      expect(first.body.errors).toBeUndefined();
      const readyId = first.body.data.uploadVideo.id as string;
      const prepared = await collectSubscription<Progress>(wsUrl, PROGRESS, { id: readyId }, (p) => p.status === 'READY' || p.status === 'FAILED', TEST_TIMEOUT_MS);
      expect(prepared.at(-1)?.status).toBe('READY');
      const { data } = await gql(url, SEGMENTS, { id: readyId });
      const segments: { url: string }[] = data?.['playlist'].variants.flatMap((v: { segments: unknown[] }) => v.segments);
      expect(segments.length).toBeGreaterThanOrEqual(10);
      const onDisk = segments.map((s) => ({ url: s.url, file: readFileSync(join(mediaDir, s.url.replace(/^\/media\//, ''))) }));
      const reads = Array.from({ length: RANGE_READS }, (_, i) => planRead(i, onDisk));
      const rssBeforeMiB = processMemory(server.pid).rssMiB;

      // Encodes wait at the gate until the reads are done, so every job is still in the pipeline
      // while they run, however fast the machine is.
      gate.close();
      const clip = makeClip(join(work, 'load.mp4'), { seconds: 5 });
      const logMark = server.logs().length;
      const started = Date.now();
      const uploads = Array.from({ length: UPLOADS }, (_, i) => uploadFile(url, clip, { resolutions: [240], segmentDuration: 2 }, `load-${i + 1}.mp4`));
      // The reads go out once the first upload is accepted, while the others are still arriving.
      await Promise.race(uploads);
      const readsStarted = Date.now();
      const readProblems = await Promise.all(reads.map((read) => checkRead(url, read)));
      const readsMs = Date.now() - readsStarted;
      const listed = await gql(url, STATUSES, { first: UPLOADS + 1 });
      const stillProcessing = (listed.data?.['playlists'].edges as { node: { status: string } }[]).filter((e) => !['READY', 'FAILED'].includes(e.node.status)).length;
      const accepted = await Promise.all(uploads);
      gate.open();

      expect(accepted.map((a) => ({ status: a.status, errors: a.body.errors }))).toEqual(Array(UPLOADS).fill({ status: 200, errors: undefined }));
      const ids = accepted.map((a) => a.body.data.uploadVideo.id as string);
      const finals = await Promise.all(
        ids.map(async (id) => (await collectSubscription<Progress>(wsUrl, PROGRESS, { id }, (p) => p.status === 'READY' || p.status === 'FAILED', TEST_TIMEOUT_MS)).at(-1)),
      );
      const wallSeconds = (Date.now() - started) / 1000;
      const memory = processMemory(server.pid);
      process.stdout.write(
        [
          `load: ${finals.filter((p) => p?.status === 'READY').length}/${UPLOADS} uploads READY; ${readProblems.filter((p) => p === null).length}/${RANGE_READS} concurrent range reads answered 206 with the file's bytes, in ${readsMs} ms, ${stillProcessing} jobs still unfinished when they ended`,
          `load: wall time ${wallSeconds.toFixed(1)} s from the first upload to the last READY`,
          `load: server peak RSS (VmHWM) ${memory.peakRssMiB.toFixed(1)} MiB, bound ${PEAK_RSS_LIMIT_MIB} MiB; RSS ${rssBeforeMiB.toFixed(1)} MiB before the load, ${memory.rssMiB.toFixed(1)} MiB after`,
          '',
        ].join('\n'),
      );

      expect(readProblems.filter((p) => p !== null)).toEqual([]);
      // the premise: the reads ran while the jobs were in the pipeline, not after it drained
      expect(stillProcessing).toBe(listed.data?.['playlists'].edges.length - 1);
      expect(finals).toEqual(Array(UPLOADS).fill({ status: 'READY', error: null }));
      // a failure the clients never saw (a stream cut short, a job error, a Node warning) still fails the test
      const serverComplaints = server
        .logs()
        .slice(logMark)
        .split('\n')
        .filter((line) => line.trim() !== '' && !/^\{"level":"(log|debug|verbose)"/.test(line));
      expect(serverComplaints).toEqual([]);
      expect(memory.peakRssMiB).toBeLessThan(PEAK_RSS_LIMIT_MIB);
    },
    TEST_TIMEOUT_MS,
  );
});
