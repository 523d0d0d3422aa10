/**
 * The catalog at scale: 10,000 playlists on disk, each a copy of one a real server produced from
 * a real upload, with a fresh id and date. Ready = spawn to the first `playlists(first: 50)` that
 * counts all of them, alternated with the same server on an empty media folder (node + Nest boot).
 * Then 1,000 sequential keep-alive listings paging through with cursors, every full pass checked
 * against the expected order, interleaved with `{ __typename }` as the floor of any GraphQL request.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ffmpegPath } from '@cmm/ffmpeg-binaries/testing';
import { alternate, median, percentile, table, writeSection } from '../../../tools/bench/report';
import { startServer } from '../src/support/server-process';
import { LIST_QUERY, type Listing, post, readyPlaylist } from './catalog-listing';

const PLAYLISTS = Number(process.env['BENCH_PLAYLISTS'] ?? 10_000);
const ROUNDS = 5;
const LISTINGS = 1000;
const WARM_UP = 200;
const PAGE = 50;
const READY_TARGET_MS = 1000;
const P99_TARGET_MS = 10;

/** A READY playlist folder as a real upload leaves it: its manifest and what sits beside it. */
function realPlaylist(work: string): Promise<{ folder: string; manifest: Record<string, unknown> }> {
  return readyPlaylist(work, (source) => {
    const folder = join(work, 'sample');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    for (const entry of readdirSync(source)) {
      const from = join(source, entry);
      if (statSync(from).isDirectory()) mkdirSync(join(folder, entry));
      else writeFileSync(join(folder, entry), readFileSync(from));
    }
    return { folder, manifest: JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) };
  });
}

/** Writes `count` playlists shaped like the sample; pairs share a date so ties are broken by id. Returns the ids newest first. */
function seedCatalog(mediaDir: string, sample: { folder: string; manifest: Record<string, unknown> }, count: number): string[] {
  const start = Date.parse('2024-01-01T00:00:00Z');
  const items: { id: string; ts: number }[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(start + Math.floor(i / 2) * 61_000 + 123);
    const id = `holiday-clip-${i}-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;
    const dir = join(mediaDir, id);
    mkdirSync(dir);
    for (const entry of readdirSync(sample.folder)) {
      if (entry === 'manifest.json') continue;
      const from = join(sample.folder, entry);
      if (statSync(from).isDirectory()) mkdirSync(join(dir, entry));
      else linkSync(from, join(dir, entry));
    }
    const manifest = { ...sample.manifest, id, title: `Holiday clip ${i}`, created_at: at.toISOString(), created_at_ts: at.getTime() / 1000, updated_at: at.toISOString() };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    items.push({ id, ts: at.getTime() / 1000 });
  }
  return items.sort((a, b) => b.ts - a.ts || (a.id < b.id ? 1 : -1)).map((item) => item.id);
}


/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Spawn to the first listing that counts `expected` playlists, and the server's CPU time by then. */
async function timeReady(mediaDir: string, expected: number): Promise<{ ms: number; cpuMs: number }> {
  const agent = new Agent({ keepAlive: false });
  const server = await startServer({ LOG_LEVEL: 'warn' }, mediaDir, {
    check: async (url) => (await post<{ playlists: Listing }>(agent, url, LIST_QUERY, { first: PAGE })).data.playlists.totalCount === expected,
    pollMs: 5,
  });
  const cpuMs = cpuSeconds(server.pid) * 1000;
  await server.stop();
  return { ms: server.readyMs, cpuMs };
}

/** Listing latencies over `count` requests paging through the catalog, each full pass checked against `order`. */
async function timeListings(url: string, order: readonly string[], count: number): Promise<{ list: number[]; floor: number[]; passes: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const list: number[] = [];
  const floor: number[] = [];
  let after: string | null = null;
  let seen: string[] = [];
  let passes = 0;
  for (let i = 0; i < count; i++) {
    const answer = await post<{ playlists: Listing }>(agent, url, LIST_QUERY, { first: PAGE, after });
    list.push(answer.ms);
    floor.push((await post(agent, url, '{ __typename }')).ms);
    const page: Listing = answer.data.playlists;
    if (page.totalCount !== order.length) throw new Error(`totalCount ${page.totalCount}, expected ${order.length}`);
    seen.push(...page.edges.map((edge) => edge.node.id));
    if (page.pageInfo.endCursor !== (page.edges.at(-1)?.cursor ?? null)) throw new Error('endCursor is not the last edge’s cursor');
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) {
      if (seen.length !== order.length || seen.some((id, index) => id !== order[index])) throw new Error(`pass ${passes + 1} listed ${seen.length} playlists out of order`);
      passes++;
      seen = [];
      after = null;
    }
  }
  agent.destroy();
  return { list, floor, passes };
}

async function main(): Promise<void> {
  const startLoad = loadavg()[0].toFixed(1);
  const work = mkdtempSync(join(tmpdir(), 'cmm-bench-catalog-'));
  try {
    const sample = await realPlaylist(work);
    const full = join(work, 'media');
    mkdirSync(full);
    const order = seedCatalog(full, sample, PLAYLISTS);
    const empty = () => mkdtempSync(join(work, 'empty-'));
    console.log(`${PLAYLISTS} playlists seeded (manifest ${readFileSync(join(sample.folder, 'manifest.json')).length} bytes each)`);

    const ready = await alternate(
      ROUNDS,
      () => timeReady(empty(), 0),
      () => timeReady(full, PLAYLISTS),
    );
    const boot = median(ready.baseline.map((r) => r.ms));
    const loaded = median(ready.candidate.map((r) => r.ms));
    const bootCpu = median(ready.baseline.map((r) => r.cpuMs));
    const loadedCpu = median(ready.candidate.map((r) => r.cpuMs));
    console.log(`ready: empty ${boot.toFixed(0)} ms, ${PLAYLISTS} playlists ${loaded.toFixed(0)} ms, catalog's share ${(loaded - boot).toFixed(0)} ms (server CPU ${bootCpu.toFixed(0)} / ${loadedCpu.toFixed(0)} ms)`);

    const server = await startServer({ LOG_LEVEL: 'warn' }, full);
    let listings: Awaited<ReturnType<typeof timeListings>>;
    try {
      await timeListings(server.url, order, WARM_UP);
      listings = await timeListings(server.url, order, LISTINGS);
    } finally {
      await server.stop();
    }
    const p = (xs: number[], q: number) => percentile(xs, q).toFixed(2);
    console.log(`playlists(first: ${PAGE}): p50 ${p(listings.list, 50)} ms, p99 ${p(listings.list, 99)} ms; { __typename }: p50 ${p(listings.floor, 50)} ms, p99 ${p(listings.floor, 99)} ms`);

    const readyOk = loaded - boot < READY_TARGET_MS;
    const listOk = percentile(listings.list, 99) < P99_TARGET_MS;
    writeSection(
      'catalog',
      `Catalog: ${PLAYLISTS.toLocaleString('en')} playlists`,
      [
        `One-minute load average when the bench began: ${startLoad}. Other work on the machine stretches every wall time here, baseline and candidate alike.`,
        '',
        `Each playlist is a copy of one a real upload produced (a 12 s clip, three rungs, 4 s segments), with a fresh id and date. Ready = process spawn to the first \`playlists(first: ${PAGE})\` whose \`totalCount\` is all of them (the catalog loads before the server listens, so \`/health\` answers at the same moment); the baseline is the same build on an empty media folder, alternated, ${ROUNDS} rounds each, medians. CPU time (user + system, from /proc) shows the work itself when other load on the machine stretches wall time.`,
        '',
        table(
          ['', 'empty media folder (boot)', `${PLAYLISTS.toLocaleString('en')} playlists`, 'catalog’s share', 'target'],
          [
            ['ready (spawn to the full listing)', `${boot.toFixed(0)} ms`, `${loaded.toFixed(0)} ms`, `${(loaded - boot).toFixed(0)} ms`, `< ${READY_TARGET_MS} ms ${readyOk ? '✅' : '❌'}`],
            ['server CPU time by then', `${bootCpu.toFixed(0)} ms`, `${loadedCpu.toFixed(0)} ms`, `${(loadedCpu - bootCpu).toFixed(0)} ms`, ''],
          ],
        ),
        '',
        `${LISTINGS.toLocaleString('en')} sequential keep-alive requests of the web app's list query, paging through with cursors (${listings.passes} full passes, each checked against the expected order), after ${WARM_UP} to warm up; each interleaved with \`{ __typename }\`, the floor of any GraphQL request:`,
        '',
        table(
          ['query', 'p50', 'p99', 'target'],
          [
            [`playlists(first: ${PAGE})`, `${p(listings.list, 50)} ms`, `${p(listings.list, 99)} ms`, `p99 < ${P99_TARGET_MS} ms ${listOk ? '✅' : '❌'}`],
            ['{ __typename }', `${p(listings.floor, 50)} ms`, `${p(listings.floor, 99)} ms`, ''],
          ],
        ),
      ].join('\n'),
      ffmpegPath(),
    );
    if (!readyOk || !listOk) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
