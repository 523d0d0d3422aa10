import { Kysely, Migration, MigrationProvider, Migrator, sql } from 'kysely';

/**
 * The catalog's schema, as code: each migration runs once, in name order, at start-up. Ids sort
 * byte-wise (COLLATE "C") as the embedded catalog compares them, so both list in the same order.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_playlists': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('playlists')
        .addColumn('id', sql`text collate "C"`, (col) => col.primaryKey())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('created_at_ts', 'float8', (col) => col.notNull())
        .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
        .addColumn('manifest', 'jsonb', (col) => col.notNull())
        .execute();
      await db.schema.createIndex('playlists_newest_first').on('playlists').columns(['created_at_ts desc', 'id desc']).execute();
      // start-up looks up the unfinished jobs, a few among many READY ones
      await db.schema.createIndex('playlists_status').on('playlists').column('status').execute();
      // totalCount on every listing: count(*) scans the whole table (12 ms at 100,000 rows), this one row does not
      await db.schema
        .createTable('playlist_count')
        .addColumn('only_row', 'boolean', (col) => col.primaryKey().defaultTo(true).check(sql`only_row`))
        .addColumn('playlists', 'bigint', (col) => col.notNull())
        .execute();
      await sql`insert into playlist_count (playlists) values (0)`.execute(db);
      await sql`create function count_playlists() returns trigger language plpgsql as $$
        begin
          if tg_op = 'INSERT' then
            update playlist_count set playlists = playlists + (select count(*) from changed);
          else
            update playlist_count set playlists = playlists - (select count(*) from changed);
          end if;
          return null;
        end $$`.execute(db);
      // statement triggers over transition tables: an INSERT ... ON CONFLICT counts only the rows it inserted
      await sql`create trigger playlists_inserted after insert on playlists referencing new table as changed for each statement execute function count_playlists()`.execute(db);
      await sql`create trigger playlists_deleted after delete on playlists referencing old table as changed for each statement execute function count_playlists()`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('playlists').execute();
      await db.schema.dropTable('playlist_count').execute();
      await sql`drop function count_playlists()`.execute(db);
    },
  },
  // webhooks (apps/server/src/webhooks/postgres): the same database, so every API and worker process shares them
  '0002_webhooks': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('webhooks')
        .addColumn('id', sql`text collate "C"`, (col) => col.primaryKey())
        .addColumn('url', 'text', (col) => col.notNull())
        .addColumn('events', sql`text[]`, (col) => col.notNull())
        .addColumn('description', 'text')
        .addColumn('secret', 'text', (col) => col.notNull())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .execute();
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', sql`text collate "C"`, (col) => col.primaryKey())
        .addColumn('webhook_id', 'text', (col) => col.notNull().references('webhooks.id').onDelete('cascade'))
        .addColumn('event_id', 'text', (col) => col.notNull())
        .addColumn('event_type', 'text', (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull())
        .addColumn('attempts', 'integer', (col) => col.notNull())
        .addColumn('created_at', 'timestamptz', (col) => col.notNull())
        .addColumn('next_attempt_at', 'timestamptz')
        .addColumn('last_attempt_at', 'timestamptz')
        .addColumn('last_response_code', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('lease_until', 'timestamptz')
        .execute();
      await db.schema.createIndex('webhook_deliveries_newest_first').on('webhook_deliveries').columns(['webhook_id', 'created_at desc', 'id desc']).execute();
      // every process looks for due deliveries every few seconds: only the pending ones are indexed
      await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').column('next_attempt_at').where(sql.ref('status'), '=', 'PENDING').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('webhook_deliveries').execute();
      await db.schema.dropTable('webhooks').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; Kysely's Migrator holds a lock, so processes starting together run each migration once. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const { error, results = [] } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error;
  return results.map((result) => result.migrationName);
}
