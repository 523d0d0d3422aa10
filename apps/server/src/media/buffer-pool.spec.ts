import { BufferPool } from './buffer-pool';

describe('BufferPool', () => {
  it('hands a given-back buffer out again', () => {
    const pool = new BufferPool(16, 2);
    const first = pool.take();
    pool.give(first);
    expect(pool.take()).toBe(first);
  });

  it('allocates buffers of its size when none is free', () => {
    const pool = new BufferPool(16, 2);
    expect([pool.take().length, pool.take().length]).toEqual([16, 16]);
  });

  it.each([
    ['beyond maxFree', () => [Buffer.alloc(16), Buffer.alloc(16), Buffer.alloc(16)], 2],
    ['of another size', () => [Buffer.alloc(8), Buffer.alloc(32)], 0],
  ])('keeps no buffer %s', (_name, buffers, kept) => {
    const pool = new BufferPool(16, 2);
    for (const buffer of buffers()) pool.give(buffer);
    expect(pool.freeCount).toBe(kept);
  });
});
