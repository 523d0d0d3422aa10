import type { Kysely } from 'kysely';
import type { Sortable } from '../pagination';
import type { CatalogDatabase } from './database';

/**
 * One page of playlists newest first after `after`, by keyset on (created_at_ts, id) as the
 * embedded catalog orders them: one row more than `first` is read, to tell whether a next page
 * exists. A cursor whose playlist is gone still continues where it stood.
 */
export function pageQuery(db: Kysely<CatalogDatabase>, first: number, after: Sortable | null) {
  const query = db.selectFrom('playlists').select('manifest').orderBy('created_at_ts', 'desc').orderBy('id', 'desc').limit(first + 1);
  return after ? query.where((eb) => eb(eb.refTuple('created_at_ts', 'id'), '<', eb.tuple(after.created_at_ts, after.id))) : query;
}
