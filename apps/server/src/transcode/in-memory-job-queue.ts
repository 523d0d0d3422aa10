import { JobAttempt, JobQueue, JobWorker } from './job-queue';

/** A restart queues unfinished jobs again (see TranscodeService), so each run here is the only one. */
const ONLY_ATTEMPT: JobAttempt = { number: 1, final: true };

/** FIFO queue running at most `concurrency` jobs at once in this process. */
export class InMemoryJobQueue extends JobQueue {
  readonly persistent = false;
  private readonly queue: string[] = [];
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private readonly listeners: (() => void)[] = [];
  private worker: JobWorker | null = null;
  private stopped = false;

  constructor(private readonly concurrency: number) {
    super();
  }

  start(worker: JobWorker): void {
    this.worker = worker;
    this.pump();
  }

  async enqueue(playlistId: string): Promise<void> {
    if (this.queue.includes(playlistId) || this.running.has(playlistId)) return;
    this.queue.push(playlistId);
    this.pump();
    this.changed();
  }

  waiting(): readonly string[] {
    return this.queue;
  }

  async jobIds(): Promise<ReadonlySet<string>> {
    return new Set([...this.queue, ...this.running.keys()]);
  }

  async cancel(playlistId: string): Promise<void> {
    const index = this.queue.indexOf(playlistId);
    if (index >= 0) {
      this.queue.splice(index, 1);
      this.changed();
    }
    const job = this.running.get(playlistId);
    if (job) {
      job.controller.abort();
      await job.done;
    }
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Its jobs live in this process: never lost, never reconnected. */
  onReconnect(): void {
    return;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const jobs = [...this.running.values()];
    for (const job of jobs) job.controller.abort();
    await Promise.all(jobs.map((job) => job.done));
  }

  private pump(): void {
    while (this.worker && !this.stopped && this.running.size < this.concurrency && this.queue.length > 0) {
      const playlistId = this.queue.shift() as string;
      const controller = new AbortController();
      const done = this.worker(playlistId, controller.signal, ONLY_ATTEMPT)
        .catch(() => undefined) // the worker records its own failures
        .finally(() => {
          this.running.delete(playlistId);
          this.pump();
          this.changed();
        });
      this.running.set(playlistId, { controller, done });
    }
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
