import { Logger, OnModuleDestroy } from '@nestjs/common';
import { Kysely, sql, Transaction } from 'kysely';
import { NotFoundError } from '../../errors/domain-error';
import { Storage } from '../../storage/storage';
import { Catalog, CatalogDependency, CatalogPage } from '../catalog';
import { manifestKey, PlaylistManifest } from '../manifest';
import type { PlaylistStatus } from '../models/playlist-status.enum';
import { RunSupersededError } from '../run-superseded-error';
import { decodeCursor } from '../pagination';
import { CatalogDatabase, DATABASE_DEPENDENCY, openMigratedDatabase, runQuery } from './database';
import { pageQuery } from './keyset';
import { toColumns } from './playlist-row';

/**
 * The catalog in PostgreSQL, shared by every process. Each write changes the row and writes
 * `manifest.json` inside one transaction, the file after the row statement and before the commit:
 * the row lock orders concurrent writers, so the file ends as the row does; a crash before the
 * commit leaves a file ahead of the row (import-catalog recovers it), never a row without its file.
 */
export class PostgresCatalog extends Catalog implements OnModuleDestroy {
  private readonly logger = new Logger(PostgresCatalog.name);
  /** As the last check found it: health checks log a change, not every probe. */
  private reachable = true;

  constructor(
    private readonly db: Kysely<CatalogDatabase>,
    private readonly storage: Storage,
  ) {
    super();
  }

  /** Connects to `url` and brings the schema up to date. */
  static async open(url: string, storage: Storage): Promise<PostgresCatalog> {
    return new PostgresCatalog(await openMigratedDatabase<CatalogDatabase>(url, { context: PostgresCatalog.name, event: 'catalog.migrated' }), storage);
  }

  async onModuleDestroy(): Promise<void> {
    await this.db.destroy();
  }

  find(playlistId: string): Promise<PlaylistManifest | null> {
    return runQuery(async () => (await this.db.selectFrom('playlists').select('manifest').where('id', '=', playlistId).executeTakeFirst())?.manifest ?? null);
  }

  async get(playlistId: string): Promise<PlaylistManifest> {
    const manifest = await this.find(playlistId);
    if (!manifest) throw notFound(playlistId);
    return manifest;
  }

  page(first: number, after: string | null): Promise<CatalogPage> {
    const cursor = after ? decodeCursor(after) : null;
    return runQuery(async () => {
      const [rows, count] = await Promise.all([
        pageQuery(this.db, first, cursor).execute(),
        this.db.selectFrom('playlist_count').select('playlists').executeTakeFirstOrThrow(),
      ]);
      return { items: rows.slice(0, first).map((row) => row.manifest), hasNextPage: rows.length > first, totalCount: Number(count.playlists) };
    });
  }

  withStatus(statuses: readonly PlaylistStatus[]): Promise<PlaylistManifest[]> {
    return runQuery(async () => {
      const rows = await this.db.selectFrom('playlists').select('manifest').where('status', 'in', statuses).orderBy('created_at_ts').orderBy('id').execute();
      return rows.map((row) => row.manifest);
    });
  }

  async save(manifest: PlaylistManifest): Promise<PlaylistManifest> {
    const columns = toColumns({ ...manifest, updated_at: new Date().toISOString() });
    const [before, saved] = await this.transaction(async (trx) => {
      const current = await trx.selectFrom('playlists').select('manifest').where('id', '=', manifest.id).forUpdate().executeTakeFirst();
      await trx
        .insertInto('playlists')
        .values({ id: manifest.id, ...columns })
        .onConflict((oc) => oc.column('id').doUpdateSet(columns))
        .execute();
      return [current?.manifest ?? null, await this.writeFile(columns.manifest)] as const;
    });
    this.changed(before, saved);
    return saved;
  }

  /** Locks the row, merges, writes: a concurrent update waits its turn, and one after a removal finds nothing to resurrect. */
  async update(playlistId: string, change: Partial<PlaylistManifest>, run?: string): Promise<PlaylistManifest> {
    const [before, saved] = await this.transaction(async (trx) => {
      const current = await trx.selectFrom('playlists').select('manifest').where('id', '=', playlistId).forUpdate().executeTakeFirst();
      if (!current) throw notFound(playlistId);
      // the row is locked: a run that claims the playlist meanwhile waits, so the check holds for this write
      if (run !== undefined && current.manifest.job_run !== run) throw new RunSupersededError(playlistId, run);
      const columns = toColumns({ ...current.manifest, ...change, id: playlistId, updated_at: new Date().toISOString() });
      await trx.updateTable('playlists').set(columns).where('id', '=', playlistId).execute();
      return [current.manifest, await this.writeFile(columns.manifest)] as const;
    });
    this.changed(before, saved);
    return saved;
  }

  /** Deletes the row first, so the playlist leaves every listing before its files go. */
  async remove(playlistId: string): Promise<void> {
    const deleted = await runQuery(() => this.db.deleteFrom('playlists').where('id', '=', playlistId).returning('manifest').executeTakeFirst());
    if (!deleted) throw notFound(playlistId);
    await this.storage.removeTree(playlistId);
    this.changed(deleted.manifest, null);
  }

  /** Records manifests already on disk (their files stay as they are); those it holds already are left alone. Returns how many were new. */
  insertMissing(manifests: readonly PlaylistManifest[]): Promise<number> {
    if (manifests.length === 0) return Promise.resolve(0);
    return runQuery(async () => {
      const rows = manifests.map((manifest) => ({ id: manifest.id, ...toColumns(manifest) }));
      const result = await this.db.insertInto('playlists').values(rows).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n);
    });
  }

  async dependency(): Promise<CatalogDependency> {
    const up = await sql`select 1`.execute(this.db).then(
      () => true,
      (error: Error) => {
        if (this.reachable) this.logger.warn({ event: 'catalog.unreachable', message: error.message });
        return false;
      },
    );
    if (up && !this.reachable) this.logger.log({ event: 'catalog.reachable' });
    this.reachable = up;
    return { name: DATABASE_DEPENDENCY, up };
  }

  /** Writes the stored JSON as the file (in the manifest's own key order, which JSONB does not keep). */
  private async writeFile(json: string): Promise<PlaylistManifest> {
    const manifest = JSON.parse(json) as PlaylistManifest;
    await this.storage.writeAtomic(manifestKey(manifest.id), JSON.stringify(manifest, null, 2) + '\n');
    return manifest;
  }

  private transaction<T>(work: (trx: Transaction<CatalogDatabase>) => Promise<T>): Promise<T> {
    return runQuery(() => this.db.transaction().execute(work));
  }
}

const notFound = (playlistId: string) => new NotFoundError(`No playlist with id "${playlistId}"`);
