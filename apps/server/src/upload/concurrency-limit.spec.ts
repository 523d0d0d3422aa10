import { ConcurrencyLimit } from './concurrency-limit';

describe('ConcurrencyLimit', () => {
  it.each([
    [1, 5],
    [2, 5],
    [3, 2],
  ])('never runs more than %d of %d tasks at once, and runs them all in order', async (limit, tasks) => {
    const gate = new ConcurrencyLimit(limit);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const all = Array.from({ length: tasks }, (_, i) =>
      gate.run(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running--;
        return i;
      }),
    );
    while (started.length < tasks || releases.length > 0) {
      await new Promise((resolve) => setImmediate(resolve));
      releases.shift()?.();
    }
    expect(await Promise.all(all)).toEqual(Array.from({ length: tasks }, (_, i) => i));
    expect(most).toBe(Math.min(limit, tasks));
    expect(started).toEqual(Array.from({ length: tasks }, (_, i) => i));
  });

  it('frees the slot when a task fails', async () => {
    const gate = new ConcurrencyLimit(1);
    await expect(gate.run(() => Promise.reject(new Error('probe failed')))).rejects.toThrow('probe failed');
    expect(await gate.run(async () => 'next')).toBe('next');
  });
});
