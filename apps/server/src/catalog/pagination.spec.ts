import { compareNewestFirst, decodeCursor, encodeCursor, firstAfter, paginate } from './pagination';

const items = [
  { id: 'e', created_at_ts: 500 },
  { id: 'd', created_at_ts: 400 },
  { id: 'c2', created_at_ts: 300 },
  { id: 'c1', created_at_ts: 300 },
  { id: 'b', created_at_ts: 200 },
].sort(compareNewestFirst);

describe('pagination', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor({ id: 'clip-1:x', created_at_ts: 123 }))).toEqual({ id: 'clip-1:x', created_at_ts: 123 });
  });

  it.each(['', 'garbage', Buffer.from('abc:id').toString('base64url')])('rejects the malformed cursor %j', (cursor) => {
    expect(decodeCursor(cursor)).toBeNull();
  });

  it('sorts newest first with ties broken by id', () => {
    expect(items.map((i) => i.id)).toEqual(['e', 'd', 'c2', 'c1', 'b']);
  });

  it.each([
    [{ id: 'z', created_at_ts: 900 }, 0],
    [{ id: 'e', created_at_ts: 500 }, 1],
    [{ id: 'c2', created_at_ts: 300 }, 3],
    [{ id: 'c15', created_at_ts: 300 }, 3],
    [{ id: 'c0', created_at_ts: 300 }, 4],
    [{ id: 'b', created_at_ts: 200 }, 5],
    [{ id: 'a', created_at_ts: 100 }, 5],
  ])('finds the first item after %j at %i', (key, index) => {
    expect(firstAfter(items, key)).toBe(index);
  });

  it.each([
    [2, null, ['e', 'd'], true],
    [2, { id: 'd', created_at_ts: 400 }, ['c2', 'c1'], true],
    [2, { id: 'c1', created_at_ts: 300 }, ['b'], false],
    [10, null, ['e', 'd', 'c2', 'c1', 'b'], false],
    // the cursor's item was deleted: continue after where it stood
    [2, { id: 'gone', created_at_ts: 450 }, ['d', 'c2'], true],
    [2, { id: 'b', created_at_ts: 200 }, [], false],
  ])('pages %i after %j', (first, after, ids, hasNext) => {
    const page = paginate(items, first, after);
    expect(page.items.map((i) => i.id)).toEqual(ids);
    expect(page.hasNextPage).toBe(hasNext);
  });
});
