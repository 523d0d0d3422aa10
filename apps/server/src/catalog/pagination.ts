/** Opaque cursors over the newest-first playlist list: `created_at_ts` and id, base64url-encoded. */
export interface Sortable {
  id: string;
  created_at_ts: number;
}

export function encodeCursor(item: Sortable): string {
  return Buffer.from(`${item.created_at_ts}:${item.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): Sortable | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const sep = text.indexOf(':');
  const ts = Number(text.slice(0, sep));
  if (sep < 1 || !Number.isFinite(ts)) return null;
  return { created_at_ts: ts, id: text.slice(sep + 1) };
}

/** Newest first; ties broken by id so the order is total and cursors stay stable. */
export function compareNewestFirst(a: Sortable, b: Sortable): number {
  return b.created_at_ts - a.created_at_ts || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

/** Index of the first item of `sorted` (newest first) that comes after `key`: a binary search. */
export function firstAfter(sorted: readonly Sortable[], key: Sortable): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareNewestFirst(key, sorted[mid]) < 0) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The page after `after` in a list sorted newest first; works even if the cursor's item was deleted. */
export function paginate<T extends Sortable>(sorted: readonly T[], first: number, after: Sortable | null): Page<T> {
  const start = after ? firstAfter(sorted, after) : 0;
  const items = sorted.slice(start, start + first);
  return { items, hasNextPage: start + first < sorted.length };
}
