import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import type { CatalogDatabase } from './database';
import { pageQuery } from './keyset';

// Compiles without a server: the SQL and its parameters are the contract; postgres-catalog.int.spec.ts runs them.
const db = new Kysely<CatalogDatabase>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const FIRST_PAGE = 'select "manifest" from "playlists" order by "created_at_ts" desc, "id" desc limit $1';
const AFTER = 'select "manifest" from "playlists" where ("created_at_ts", "id") < ($1, $2) order by "created_at_ts" desc, "id" desc limit $3';

describe('pageQuery', () => {
  it.each([
    ['the first page reads one row more than asked', 20, null, FIRST_PAGE, [21]],
    ['a page after a cursor compares (created_at_ts, id) as a pair', 50, { created_at_ts: 1704067200.123, id: 'clip-b' }, AFTER, [1704067200.123, 'clip-b', 51]],
    ['a cursor at a tie keeps the id to break it', 1, { created_at_ts: 300, id: 'c1' }, AFTER, [300, 'c1', 2]],
    ['an id with quotes stays a parameter', 2, { created_at_ts: 1, id: `x'); drop table playlists; --` }, AFTER, [1, `x'); drop table playlists; --`, 3]],
  ])('%s', (_name, first, after, sql, parameters) => {
    const compiled = pageQuery(db, first, after).compile();
    expect(compiled.sql).toBe(sql);
    expect(compiled.parameters).toEqual(parameters);
  });
});
