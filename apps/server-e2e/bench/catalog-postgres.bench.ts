/**
 * The catalog in PostgreSQL at 100,000 playlists against the embedded catalog at 10,000, in one
 * run: each row (and each manifest.json) a copy of the manifest a real upload produced, with a
 * fresh id and date, pairs sharing a date so ties are broken by id. Both servers run side by side
 * and answer 1,000 keep-alive requests each of the web app's list query, `playlists(first: 50)`,
 * in turn, paging through with cursors and checked page by page against the expected order.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ffmpegPath } from '@cmm/ffmpeg-binaries/testing';
import { startPostgres } from '@cmm/test-services';
import { percentile, table, writeSection } from '../../../tools/bench/report';
import { startServer } from '../src/support/server-process';
import { LIST_QUERY, type Listing, post, readyPlaylist } from './catalog-listing';

const IN_POSTGRES = Number(process.env['BENCH_PG_PLAYLISTS'] ?? 100_000);
const EMBEDDED = Number(process.env['BENCH_PLAYLISTS'] ?? 10_000);
const LISTINGS = Number(process.env['BENCH_LISTINGS'] ?? 1000);
const WARM_UP = 200;
const PAGE = 50;
const P99_TARGET_MS = 50;
const EPOCH = 1_704_067_200;

/** Playlist `i` of a seeded catalog: the same id and date in SQL (seedPostgres) and here. */
function seeded(i: number): { id: string; ts: number } {
  return { id: `holiday-clip-${i}-${createHash('md5').update(String(i)).digest('hex').slice(0, 6)}`, ts: EPOCH + Math.floor(i / 2) * 61 + 0.123 };
}

/** Ids newest first, ties broken by id compared byte-wise, as both catalogs order them. */
function expectedOrder(count: number): string[] {
  const items = Array.from({ length: count }, (_, i) => seeded(i));
  return items.sort((a, b) => b.ts - a.ts || (a.id < b.id ? 1 : -1)).map((item) => item.id);
}


/** Rows made by PostgreSQL itself from the sample (the listing reads rows only), in the server's schema, which start-up created. */
async function seedPostgres(databaseUrl: string, sample: Record<string, unknown>, count: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into playlists (id, status, created_at_ts, updated_at, manifest)
       select id, 'READY', ts, now(), $1::jsonb || jsonb_build_object('id', id, 'title', 'Holiday clip ' || i, 'created_at_ts', ts,
         'created_at', to_char(to_timestamp(ts) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
       from (select i, 'holiday-clip-' || i || '-' || left(md5(i::text), 6) as id, ($2 + (i / 2) * 61)::float8 + 0.123 as ts from generate_series(0, $3 - 1) as i) as seeded`,
      [JSON.stringify(sample), EPOCH, count],
    );
    await client.query('analyze playlists');
  } finally {
    await client.end();
  }
}

/** Playlist folders holding only their manifest.json: all the embedded catalog loads. */
function seedFolders(mediaDir: string, sample: Record<string, unknown>, count: number): void {
  for (let i = 0; i < count; i++) {
    const { id, ts } = seeded(i);
    const at = new Date(ts * 1000).toISOString();
    mkdirSync(join(mediaDir, id));
    writeFileSync(join(mediaDir, id, 'manifest.json'), JSON.stringify({ ...sample, id, title: `Holiday clip ${i}`, created_at: at, created_at_ts: ts, updated_at: at }, null, 2) + '\n');
  }
}


/** Pages through a server's catalog with cursors, one listing a call, each page checked against `order`: its latency in ms. */
function lister(url: string, order: readonly string[]): { next: () => Promise<number>; close: () => void } {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  let after: string | null = null;
  let offset = 0;
  const next = async () => {
    const answer = await post<{ playlists: Listing }>(agent, url, LIST_QUERY, { first: PAGE, after });
    const page: Listing = answer.data.playlists;
    if (page.totalCount !== order.length) throw new Error(`totalCount ${page.totalCount}, expected ${order.length}`);
    page.edges.forEach((edge, index) => {
      if (edge.node.id !== order[offset + index]) throw new Error(`item ${offset + index} is ${edge.node.id}, expected ${order[offset + index]}`);
    });
    offset += page.edges.length;
    after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage) {
      offset = 0;
      after = null;
    }
    return answer.ms;
  };
  return { next, close: () => agent.destroy() };
}

async function main(): Promise<void> {
  const startLoad = loadavg()[0].toFixed(1);
  const work = mkdtempSync(join(tmpdir(), 'cmm-bench-catalog-pg-'));
  const postgres = await startPostgres();
  try {
    const sample = (await readyPlaylist(work, (folder) => JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')))) as Record<string, unknown>;

    // the server's start-up creates the schema; the rows go in behind it
    const pgMedia = join(work, 'pg-media');
    mkdirSync(pgMedia);
    const schema = await startServer({ LOG_LEVEL: 'warn', DATABASE_URL: postgres.url }, pgMedia);
    await schema.stop();
    await seedPostgres(postgres.url, sample, IN_POSTGRES);
    const embeddedMedia = join(work, 'embedded-media');
    mkdirSync(embeddedMedia);
    seedFolders(embeddedMedia, sample, EMBEDDED);
    console.log(`${IN_POSTGRES} playlists in PostgreSQL, ${EMBEDDED} in the embedded catalog (manifest ${JSON.stringify(sample).length} bytes each)`);

    // both servers run side by side and are asked in turn, so drift on a shared machine hits both alike
    const servers = await Promise.all([
      startServer({ LOG_LEVEL: 'warn', DATABASE_URL: postgres.url }, pgMedia),
      startServer({ LOG_LEVEL: 'warn' }, embeddedMedia),
    ]);
    const inPostgres: number[] = [];
    const embedded: number[] = [];
    try {
      const listers = [lister(servers[0].url, expectedOrder(IN_POSTGRES)), lister(servers[1].url, expectedOrder(EMBEDDED))];
      for (let i = 0; i < WARM_UP + LISTINGS; i++) {
        const [pgMs, embeddedMs] = [await listers[0].next(), await listers[1].next()];
        if (i < WARM_UP) continue;
        inPostgres.push(pgMs);
        embedded.push(embeddedMs);
      }
      listers.forEach((l) => l.close());
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
    const p = (xs: number[], q: number) => percentile(xs, q).toFixed(2);
    console.log(`playlists(first: ${PAGE}), PostgreSQL ${IN_POSTGRES}: p50 ${p(inPostgres, 50)} ms, p99 ${p(inPostgres, 99)} ms; embedded ${EMBEDDED}: p50 ${p(embedded, 50)} ms, p99 ${p(embedded, 99)} ms`);

    const ok = percentile(inPostgres, 99) < P99_TARGET_MS;
    writeSection(
      'catalog-postgres',
      `Catalog in PostgreSQL: ${IN_POSTGRES.toLocaleString('en')} playlists`,
      [
        `One-minute load average when the bench began: ${startLoad}. PostgreSQL runs on the same machine as the server and the client, with fsync off (the harness's settings: reads are measured, not durability).`,
        '',
        `Each playlist is a copy of the manifest a real upload produced (a 12 s clip, three rungs, 4 s segments) with a fresh id and date; pairs share a date so ties are broken by id. Both servers run side by side; ${LISTINGS.toLocaleString('en')} keep-alive requests each of the web app's list query, asked of one then the other in turn, paging through with cursors (every page checked against the expected order, \`totalCount\` included), after ${WARM_UP} each to warm up:`,
        '',
        table(
          ['catalog', 'playlists', 'p50', 'p99', 'target'],
          [
            ['PostgreSQL (DATABASE_URL)', IN_POSTGRES.toLocaleString('en'), `${p(inPostgres, 50)} ms`, `${p(inPostgres, 99)} ms`, `p99 < ${P99_TARGET_MS} ms ${ok ? '✅' : '❌'}`],
            ['embedded (manifest files, in memory)', EMBEDDED.toLocaleString('en'), `${p(embedded, 50)} ms`, `${p(embedded, 99)} ms`, ''],
          ],
        ),
      ].join('\n'),
      ffmpegPath(),
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await postgres.close();
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
