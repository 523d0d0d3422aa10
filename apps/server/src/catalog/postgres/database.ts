import { Logger } from '@nestjs/common';
import { ColumnType, Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';
import type { PlaylistManifest } from '../manifest';

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

/** A Kysely instance over a node-postgres pool of `poolSize` for `url` (a postgres:// URL), typed with the tables `Database` names. */
export function openDatabase<Database = CatalogDatabase>(url: string, poolSize = POOL_SIZE): Kysely<Database> {
  const pool = new Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection the server ends (a restart) is reported here; unhandled, it would end the process.
  pool.on('error', (error) => new Logger('Database').warn({ event: 'database.connection_lost', message: error.message }));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
