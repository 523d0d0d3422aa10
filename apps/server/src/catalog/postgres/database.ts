import { Logger } from '@nestjs/common';
import { ColumnType, Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import { ServiceUnavailableError } from '../../errors/domain-error';
import type { PlaylistManifest } from '../manifest';
import { isConnectionLost } from './connection-lost';
import { migrateToLatest } from './migrations';

/** The `playlists` table: the manifest as JSONB, plus the columns queries filter and sort on. */
export interface PlaylistsTable {
  id: string;
  status: string;
  /** The manifest's `created_at_ts` (seconds, float8): the sort key, exactly as cursors carry it. */
  created_at_ts: number;
  updated_at: ColumnType<Date, string, string>;
  /** Written as JSON text, read back parsed. */
  manifest: ColumnType<PlaylistManifest, string, string>;
}

/** One row, kept by triggers on `playlists`: how many playlists there are. */
export interface PlaylistCountTable {
  /** Read as a string: node-postgres does not turn bigint into a number. */
  playlists: ColumnType<string, never, never>;
}

export interface CatalogDatabase {
  playlists: PlaylistsTable;
  playlist_count: PlaylistCountTable;
}

/** Connections per process: the catalog's queries are short, and N API instances plus workers share the server's limit. */
const POOL_SIZE = 10;
const CONNECT_TIMEOUT_MS = 5000;
/** The dependency a SERVICE_UNAVAILABLE names, and health reports. */
export const DATABASE_DEPENDENCY = 'database';

/** A Kysely instance over a node-postgres pool of `poolSize` for `url` (a postgres:// URL), typed with the tables `Database` names. */
export function openDatabase<Database = CatalogDatabase>(url: string, poolSize = POOL_SIZE): Kysely<Database> {
  const pool = new Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection the server ends (a restart) is reported here; unhandled, it would end the process.
  pool.on('error', (error) => new Logger('Database').warn({ event: 'database.connection_lost', message: error.message }));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * `openDatabase`, its schema brought up to date (the migrations hold every table: the catalog's
 * and the webhooks'); logged as `event` by a logger named `context`. The pool is closed when that fails.
 */
export async function openMigratedDatabase<Database>(url: string, log: { context: string; event: string }, poolSize?: number): Promise<Kysely<Database>> {
  const db = openDatabase<Database>(url, poolSize);
  try {
    const applied = await migrateToLatest(db as Kysely<unknown>);
    new Logger(log.context).log({ event: log.event, applied });
  } catch (error) {
    await db.destroy();
    throw new Error(`The database at DATABASE_URL could not be prepared: ${(error as Error).message}`);
  }
  return db;
}

/** Runs `query`: a database that cannot be reached is SERVICE_UNAVAILABLE (temporary), any other error stays as it is. */
export async function runQuery<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (isConnectionLost(error)) throw new ServiceUnavailableError(DATABASE_DEPENDENCY);
    throw error;
  }
}
