import { InMemoryJobQueue } from './in-memory-job-queue';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('InMemoryJobQueue', () => {
  it('runs at most `concurrency` jobs and keeps the rest waiting in order', async () => {
    const queue = new InMemoryJobQueue(1);
    const gates = new Map<string, ReturnType<typeof deferred>>();
    const started: string[] = [];
    queue.start(async (id) => {
      started.push(id);
      const gate = deferred();
      gates.set(id, gate);
      await gate.promise;
    });
    ['a', 'b', 'c'].forEach((id) => queue.enqueue(id));
    expect(started).toEqual(['a']);
    expect(queue.waiting()).toEqual(['b', 'c']);
    gates.get('a')?.resolve();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a', 'b']);
    expect(queue.waiting()).toEqual(['c']);
  });

  it('drops a waiting job on cancel and aborts a running one', async () => {
    const queue = new InMemoryJobQueue(1);
    const aborted: string[] = [];
    queue.start(
      (id, signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted.push(id);
            resolve();
          }),
        ),
    );
    queue.enqueue('a');
    queue.enqueue('b');
    await queue.cancel('b');
    expect(queue.waiting()).toEqual([]);
    await queue.cancel('a');
    expect(aborted).toEqual(['a']);
  });

  it('tells listeners about every change', () => {
    const queue = new InMemoryJobQueue(2);
    let changes = 0;
    queue.onChange(() => changes++);
    queue.enqueue('a');
    queue.enqueue('a');
    expect(changes).toBe(1);
  });
});
