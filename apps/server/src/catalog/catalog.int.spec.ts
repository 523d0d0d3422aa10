import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotFoundError } from '../errors/domain-error';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { startPostgres, TestPostgres } from '@cmm/test-services';
import type { Catalog } from './catalog';
import { CatalogService } from './catalog.service';
import type { PlaylistManifest } from './manifest';
import { PlaylistStatus } from './models/playlist-status.enum';
import { encodeCursor } from './pagination';
import { PostgresCatalog } from './postgres/postgres-catalog';
import { RunSupersededError } from './run-superseded-error';

/**
 * The same behaviour asked of both catalogs, so they are proven equivalent: the manifest-file
 * index (the embedded default) and PostgreSQL (a real server, started for this file).
 */
function manifest(id: string, ts: number, status = PlaylistStatus.READY): PlaylistManifest {
  return {
    id, title: id, status, error: null, created_at: new Date(ts * 1000).toISOString(), created_at_ts: ts, updated_at: '',
    source: { filename: 'a.mp4', path: 'source/a.mp4', size_bytes: 1, width: 2, height: 2, display_width: 2, display_height: 2, rotation: 0, duration: 1, frame_rate: 25, video_codec: 'h264', pixel_format: 'yuv420p', audio_codec: null, has_audio: false },
    segment_duration: 4, requested_resolutions: [144], skipped_resolutions: [], ladder: [], variants: [], hls_manifest: null, dash_manifest: null, poster: null, progress: null,
  };
}

/** Opens a catalog over a media folder; opening twice on one folder (and database) is two processes, or a restart. */
interface Implementation {
  prepare(): Promise<void>;
  open(root: string): Promise<Catalog>;
  close(): Promise<void>;
}

let postgres: TestPostgres;
const opened: PostgresCatalog[] = [];

const embedded: Implementation = {
  prepare: async () => undefined,
  open: async (root) => {
    const catalog = new CatalogService(new LocalDiskStorage(root));
    await catalog.load();
    return catalog;
  },
  close: async () => undefined,
};

let databaseUrl: string;
const inPostgres: Implementation = {
  prepare: async () => {
    databaseUrl = await postgres.createDatabase();
  },
  open: async (root) => {
    const catalog = await PostgresCatalog.open(databaseUrl, new LocalDiskStorage(root));
    opened.push(catalog);
    return catalog;
  },
  close: async () => {
    await Promise.all(opened.splice(0).map((catalog) => catalog.onModuleDestroy()));
  },
};

beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);

afterAll(async () => {
  await postgres?.close();
});

describe.each([
  ['the manifest-file catalog', embedded],
  ['the PostgreSQL catalog', inPostgres],
])('%s', (_name, implementation) => {
  let root: string;
  let catalog: Catalog;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'cmm-catalog-int-'));
    await implementation.prepare();
    catalog = await implementation.open(root);
  });

  afterEach(async () => {
    await implementation.close();
    rmSync(root, { recursive: true, force: true });
  });

  const fileOf = (id: string) => JSON.parse(readFileSync(join(root, id, 'manifest.json'), 'utf8')) as PlaylistManifest;
  const ids = async (first: number, after: string | null) => (await catalog.page(first, after)).items.map((m) => m.id);

  it('records a saved playlist and writes its manifest.json', async () => {
    const saved = await catalog.save(manifest('a', 100));
    expect(saved.updated_at).not.toBe('');
    expect(await catalog.get('a')).toEqual(saved);
    expect(await catalog.find('a')).toEqual(saved);
    expect(fileOf('a')).toEqual(saved);
  });

  it('answers null, or NotFoundError, for a playlist it does not have', async () => {
    expect(await catalog.find('nope')).toBeNull();
    await expect(Promise.resolve().then(() => catalog.get('nope'))).rejects.toThrow(NotFoundError);
    await expect(catalog.update('nope', { title: 'x' })).rejects.toThrow(NotFoundError);
    await expect(catalog.remove('nope')).rejects.toThrow(NotFoundError);
    expect(existsSync(join(root, 'nope'))).toBe(false);
  });

  it('merges an update into the record and its file', async () => {
    await catalog.save(manifest('a', 100, PlaylistStatus.TRANSCODING));
    const updated = await catalog.update('a', { status: PlaylistStatus.FAILED, error: 'boom' });
    expect(updated).toMatchObject({ id: 'a', title: 'a', status: 'FAILED', error: 'boom' });
    expect(await catalog.get('a')).toEqual(updated);
    expect(fileOf('a')).toEqual(updated);
  });

  it('applies a fenced update only while the playlist is claimed by that run, changing nothing otherwise', async () => {
    await catalog.save(manifest('a', 100, PlaylistStatus.TRANSCODING));
    await catalog.update('a', { job_run: 'first' });
    expect(await catalog.update('a', { title: 'by first' }, 'first')).toMatchObject({ title: 'by first' });
    await catalog.update('a', { job_run: 'second' });
    await expect(catalog.update('a', { status: PlaylistStatus.READY }, 'first')).rejects.toThrow(RunSupersededError);
    expect(await catalog.get('a')).toMatchObject({ status: 'TRANSCODING', job_run: 'second' });
    expect(fileOf('a')).toMatchObject({ status: 'TRANSCODING', job_run: 'second' });
  });

  it('lists newest first, ties broken by id, through saves, updates and removals', async () => {
    for (const [id, ts] of [['b', 200], ['d', 400], ['a', 100], ['c', 300], ['c2', 300], ['C', 300]] as const) await catalog.save(manifest(id, ts));
    await catalog.update('b', { title: 'renamed' });
    await catalog.remove('d');
    await catalog.save(manifest('e', 300));
    await catalog.save({ ...manifest('a', 100), title: 'saved again' });
    // ids compare byte-wise, as JavaScript compares them: 'C' before 'c'
    expect(await ids(10, null)).toEqual(['e', 'c2', 'c', 'C', 'b', 'a']);
    expect((await catalog.page(10, null)).items[4].title).toBe('renamed');
    expect(await catalog.page(2, null)).toMatchObject({ hasNextPage: true, totalCount: 6 });
  });

  it.each([
    ['the first page', 2, null, ['e', 'c2'], true],
    ['after a cursor', 2, { id: 'c2', created_at_ts: 300 }, ['c', 'b'], true],
    ['the last page', 2, { id: 'c', created_at_ts: 300 }, ['b', 'a'], false],
    ['after the last', 2, { id: 'a', created_at_ts: 100 }, [], false],
    ['after a playlist since deleted, from where it stood', 2, { id: 'gone', created_at_ts: 350 }, ['e', 'c2'], true],
    ['after a tie, by id', 1, { id: 'c3', created_at_ts: 300 }, ['c2'], true],
  ])('pages %s', async (_case, first, after, expected, hasNextPage) => {
    for (const [id, ts] of [['a', 100], ['b', 200], ['c', 300], ['c2', 300], ['e', 300]] as const) await catalog.save(manifest(id, ts));
    const page = await catalog.page(first, after && encodeCursor(after));
    expect(page.items.map((m) => m.id)).toEqual(expected);
    expect(page).toMatchObject({ hasNextPage, totalCount: 5 });
  });

  it('starts over from the first page for a cursor it cannot read', async () => {
    await catalog.save(manifest('a', 100));
    expect(await ids(5, 'not-a-cursor')).toEqual(['a']);
  });

  it('finds unfinished playlists oldest first', async () => {
    await catalog.save(manifest('ready', 100, PlaylistStatus.READY));
    await catalog.save(manifest('late', 300, PlaylistStatus.QUEUED));
    await catalog.save(manifest('early', 200, PlaylistStatus.TRANSCODING));
    await catalog.save(manifest('failed', 250, PlaylistStatus.FAILED));
    const unfinished = await catalog.withStatus([PlaylistStatus.QUEUED, PlaylistStatus.PROBING, PlaylistStatus.TRANSCODING, PlaylistStatus.PACKAGING]);
    expect(unfinished.map((m) => m.id)).toEqual(['early', 'late']);
  });

  it('removes a playlist from listings and its folder from disk', async () => {
    await catalog.save(manifest('a', 100));
    await catalog.save(manifest('b', 200));
    await catalog.remove('a');
    expect(await catalog.find('a')).toBeNull();
    expect(existsSync(join(root, 'a'))).toBe(false);
    expect(await catalog.page(10, null)).toMatchObject({ totalCount: 1, items: [expect.objectContaining({ id: 'b' })] });
  });

  it('never brings a removed playlist back with a late update', async () => {
    await catalog.save(manifest('a', 100, PlaylistStatus.TRANSCODING));
    await catalog.remove('a');
    await expect(catalog.update('a', { status: PlaylistStatus.READY })).rejects.toThrow(NotFoundError);
    expect(await catalog.find('a')).toBeNull();
    expect(existsSync(join(root, 'a'))).toBe(false);
  });

  it('keeps everything across a restart', async () => {
    await catalog.save(manifest('a', 100));
    await catalog.update('a', { status: PlaylistStatus.FAILED, error: 'boom' });
    await catalog.save(manifest('b', 200));
    const reopened = await implementation.open(root);
    expect(await reopened.get('a')).toMatchObject({ status: 'FAILED', error: 'boom' });
    expect((await reopened.page(10, null)).items.map((m) => m.id)).toEqual(['b', 'a']);
  });

  it('keeps every one of many concurrent updates to different fields', async () => {
    await catalog.save(manifest('a', 100, PlaylistStatus.TRANSCODING));
    await Promise.all([
      catalog.update('a', { title: 'renamed' }),
      catalog.update('a', { poster: 'poster.jpg' }),
      catalog.update('a', { hls_manifest: 'stream/master.m3u8' }),
      catalog.update('a', { error: 'note' }),
    ]);
    const expected = { title: 'renamed', poster: 'poster.jpg', hls_manifest: 'stream/master.m3u8', error: 'note' };
    expect(await catalog.get('a')).toMatchObject(expected);
    expect(fileOf('a')).toMatchObject(expected);
  });
});

describe('the PostgreSQL catalog shared by two processes', () => {
  let root: string;
  let one: Catalog;
  let two: Catalog;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'cmm-catalog-int-'));
    await inPostgres.prepare();
    [one, two] = await Promise.all([inPostgres.open(root), inPostgres.open(root)]);
  });

  afterEach(async () => {
    await inPostgres.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('migrates once when both start together, and each sees what the other writes', async () => {
    await one.save(manifest('a', 100));
    await two.update('a', { title: 'from two' });
    expect(await one.get('a')).toMatchObject({ title: 'from two' });
    expect(await two.page(10, null)).toMatchObject({ totalCount: 1 });
  });

  it('loses no write when both update one playlist at once, and the file ends as the row does', async () => {
    await one.save(manifest('a', 100, PlaylistStatus.TRANSCODING));
    const writes = Array.from({ length: 20 }, (_, i) =>
      (i % 2 ? one : two).update('a', i % 2 ? { progress: { percent: i, rungs: [], speed: null, eta_seconds: null } } : { title: `title ${i}` }),
    );
    await Promise.all(writes);
    const final = await one.get('a');
    expect(final.title).toMatch(/^title \d+$/);
    expect(final.progress?.percent).toEqual(expect.any(Number));
    expect(fileOf(root, 'a')).toEqual(final);
  });

  it('fences a run on one process out as soon as a run on the other claims the playlist', async () => {
    await one.save(manifest('a', 100, PlaylistStatus.TRANSCODING));
    await one.update('a', { job_run: 'old' });
    await two.update('a', { job_run: 'new', status: PlaylistStatus.PROBING });
    await expect(one.update('a', { status: PlaylistStatus.READY }, 'old')).rejects.toThrow(RunSupersededError);
    expect(await two.get('a')).toMatchObject({ status: 'PROBING', job_run: 'new' });
  });

  it('lets a delete on one win over progress updates on the other: the playlist stays gone', async () => {
    await one.save(manifest('a', 100, PlaylistStatus.TRANSCODING));
    const updates = Array.from({ length: 10 }, (_, i) => two.update('a', { progress: { percent: i, rungs: [], speed: null, eta_seconds: null } }).catch((error: Error) => error));
    await one.remove('a');
    for (const outcome of await Promise.all(updates)) if (outcome instanceof Error) expect(outcome).toBeInstanceOf(NotFoundError);
    expect(await two.find('a')).toBeNull();
    expect(await one.page(10, null)).toMatchObject({ totalCount: 0 });
    await expect(two.update('a', { title: 'late' })).rejects.toThrow(NotFoundError);
  });
});

function fileOf(root: string, id: string): PlaylistManifest {
  return JSON.parse(readFileSync(join(root, id, 'manifest.json'), 'utf8')) as PlaylistManifest;
}
