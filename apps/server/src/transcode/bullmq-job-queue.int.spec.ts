import { randomBytes } from 'node:crypto';
import { ErrorCode } from '../errors/domain-error';
import type { RedisConnections } from '../redis/redis-connections';
import { startRedis } from '@cmm/test-services';
import { RedisHarness } from '../testing/redis-harness';
import { BullMqJobQueue, BullMqJobQueueOptions } from './bullmq-job-queue';
import { JobAttempt, JobWorker } from './job-queue';

/** One process of a site: its connections and its queue. */
interface Process {
  connections: RedisConnections;
  queue: BullMqJobQueue;
}

interface Run {
  playlistId: string;
  attempt: JobAttempt;
  signal: AbortSignal;
  /** Ends the run: returning, or throwing to ask for another attempt. */
  finish: (outcome?: Error) => void;
}

jest.setTimeout(60_000);

describe('BullMqJobQueue against a real Redis', () => {
  const redis = new RedisHarness();
  const processes: Process[] = [];
  beforeAll(() => redis.start());
  afterAll(() => redis.stop());
  afterEach(async () => {
    for (const p of processes.splice(0)) {
      await p.queue.stop();
      await p.connections.onApplicationShutdown();
    }
  });

  function startProcess(options: Partial<BullMqJobQueueOptions> = {}): Process {
    const connections = redis.connect();
    const queue = new BullMqJobQueue(connections, { runsJobs: false, concurrency: 1, attempts: 3, backoffMs: 0, stalledMs: 30_000, ...options });
    const process = { connections, queue };
    processes.push(process);
    return process;
  }

  /** A worker process whose runs the test ends; `next()` resolves the next run it starts. */
  function startWorker(options: Partial<BullMqJobQueueOptions> = {}) {
    const { queue } = startProcess({ ...options, runsJobs: true });
    const started: Run[] = [];
    const waiters: ((run: Run) => void)[] = [];
    const abandoned: string[] = [];
    const work: JobWorker = (playlistId, signal, attempt) =>
      new Promise<void>((resolve, reject) => {
        const run: Run = { playlistId, attempt, signal, finish: (outcome) => (outcome ? reject(outcome) : resolve()) };
        signal.addEventListener('abort', () => resolve());
        const waiter = waiters.shift();
        if (waiter) waiter(run);
        else started.push(run);
      });
    queue.start(work, async (id) => void abandoned.push(id));
    const next = () => new Promise<Run>((resolve) => (started.length > 0 ? resolve(started.shift() as Run) : waiters.push(resolve)));
    return {
      queue,
      abandoned,
      next,
      /** The next run of `playlistId`; runs of jobs an earlier test left queued are ended. */
      nextOf: async (playlistId: string): Promise<Run> => {
        for (;;) {
          const run = await next();
          if (run.playlistId === playlistId) return run;
          run.finish();
        }
      },
    };
  }

  const newId = () => `clip-${randomBytes(4).toString('hex')}`;
  const until = async (check: () => Promise<boolean>) => {
    while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 50));
  };

  it('hands a job enqueued by an API process to a worker process, payload the playlist id only', async () => {
    const api = startProcess();
    const worker = startWorker();
    const id = newId();
    await api.queue.enqueue(id);
    const run = await worker.next();
    expect(run).toMatchObject({ playlistId: id, attempt: { number: 1, final: false } });
    run.finish();
  });

  it('runs a failed job again, the last run marked final', async () => {
    const api = startProcess();
    const worker = startWorker({ attempts: 2 });
    const id = newId();
    await api.queue.enqueue(id);
    const first = await worker.next();
    first.finish(new Error('the encoder crashed'));
    const second = await worker.next();
    expect(second).toMatchObject({ playlistId: id, attempt: { number: 2, final: true } });
    second.finish();
  });

  it('cancels a running job on the worker that holds it, resolving once it has stopped', async () => {
    const api = startProcess();
    const worker = startWorker();
    const id = newId();
    await api.queue.enqueue(id);
    const run = await worker.next();
    await api.queue.cancel(id);
    expect(run.signal.aborted).toBe(true);
    await api.queue.enqueue(id);
    expect((await worker.next()).attempt.number).toBe(1);
  });

  it('drops a waiting job, which then never runs', async () => {
    const api = startProcess();
    const [kept, dropped] = [newId(), newId()];
    await api.queue.enqueue(dropped);
    await api.queue.cancel(dropped);
    await api.queue.enqueue(kept);
    const worker = startWorker();
    expect((await worker.next()).playlistId).toBe(kept);
  });

  it('hands a running job back when its worker shuts down, without spending an attempt', async () => {
    const api = startProcess();
    const leaving = startWorker();
    const id = newId();
    await api.queue.enqueue(id);
    const run = await leaving.nextOf(id);
    await leaving.queue.stop();
    expect(run.signal.aborted).toBe(true);
    const staying = startWorker();
    expect(await staying.nextOf(id)).toMatchObject({ playlistId: id, attempt: { number: 1 } });
  });

  it('keeps one job per playlist: enqueueing one that waits or runs adds nothing, and jobIds lists both', async () => {
    const api = startProcess();
    const worker = startWorker();
    const [running, waiting] = [newId(), newId()];
    await api.queue.enqueue(running);
    const run = await worker.nextOf(running);
    await api.queue.enqueue(waiting);
    // as a reconcile pass on another process would
    await api.queue.enqueue(running);
    await api.queue.enqueue(waiting);
    const held = await api.queue.jobIds();
    expect([held.has(running), held.has(waiting)]).toEqual([true, true]);
    run.finish();
    (await worker.nextOf(waiting)).finish();
    await until(async () => {
      const left = await api.queue.jobIds();
      return !left.has(running) && !left.has(waiting);
    });
  });

  it('refuses to enqueue with SERVICE_UNAVAILABLE while Redis is unreachable', async () => {
    const stopped = await startRedis({ own: true });
    await stopped.remove();
    const connections = redis.connect(stopped.url);
    const queue = new BullMqJobQueue(connections, { runsJobs: false, concurrency: 1, attempts: 3, backoffMs: 0, stalledMs: 30_000 });
    try {
      await expect(queue.enqueue(newId())).rejects.toMatchObject({ code: ErrorCode.ServiceUnavailable, message: expect.stringMatching(/Redis.*Try again/) });
      expect(await connections.ping()).toBe(false);
    } finally {
      await queue.stop();
      await connections.onApplicationShutdown();
    }
  });
});
