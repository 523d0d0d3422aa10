import { Logger } from '@nestjs/common';
import { DelayedError, Job, JobType, Queue, QueueEvents, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { ServiceUnavailableError } from '../errors/domain-error';
import type { RedisConnections } from '../redis/redis-connections';
import { JobAbandoned, JobAbort, JobQueue, JobWorker } from './job-queue';

export interface BullMqJobQueueOptions {
  /** Whether this process runs jobs (ROLE worker or all). */
  runsJobs: boolean;
  /** Jobs at once in this process. */
  concurrency: number;
  /** Runs a job may get, a killed worker's included. */
  attempts: number;
  /** Before the second run of a failed job, doubled for each run after. */
  backoffMs: number;
  /** How long a silent worker keeps its job's lock before another worker takes the job. */
  stalledMs: number;
}

/** The job's payload: ids only; the source and its options are read from the catalog and MEDIA_DIR. */
interface TranscodeJob {
  playlistId: string;
}

const QUEUE = 'transcode';
const PREFIX = 'cmm';
/** Delete publishes the playlist id here; whichever worker holds its job aborts it. */
const CANCEL_CHANNEL = `${PREFIX}:${QUEUE}:cancel`;
const UNAVAILABLE = 'The job queue (Redis) is unreachable, so the upload was not kept. Try again in a moment.';
const JOB_EVENTS = ['waiting', 'active', 'delayed', 'completed', 'failed', 'removed', 'stalled'] as const;
/** Every state a job holds before it ends (removed on completion and failure). */
const HELD: JobType[] = ['waiting', 'prioritized', 'delayed', 'active', 'waiting-children'];

/**
 * The JobQueue on BullMQ (Redis), shared by every process of a site: API instances enqueue,
 * workers take jobs, a job whose worker dies (its lock lapses) is taken by another, and the job id
 * is the playlist id, so a playlist has one job at a time. Plain bullmq rather than
 * @nestjs/bullmq: its @Processor classes are registered by importing the module, where here the
 * role decides at start-up whether this process runs jobs, behind the same JobQueue the embedded
 * queue implements.
 */
export class BullMqJobQueue extends JobQueue {
  readonly persistent = true;
  private readonly logger = new Logger(BullMqJobQueue.name);
  private readonly commands: Redis;
  private readonly queue: Queue<TranscodeJob>;
  private readonly events: QueueEvents;
  private readonly listeners: (() => void)[] = [];
  /** Per job id, bumped on each of its events: cancel waits on it. */
  private readonly versions = new Map<string, { version: number; wake: Set<() => void> }>();
  private worker: Worker<TranscodeJob> | null = null;
  private waitingIds: string[] = [];
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;

  constructor(
    private readonly connections: RedisConnections,
    private readonly options: BullMqJobQueueOptions,
  ) {
    super();
    this.commands = connections.connect('queue', 'fail-fast');
    this.queue = new Queue<TranscodeJob>(QUEUE, {
      connection: this.commands,
      prefix: PREFIX,
      defaultJobOptions: { attempts: options.attempts, backoff: { type: 'exponential', delay: options.backoffMs }, removeOnComplete: true, removeOnFail: true },
    });
    this.queue.on('error', (error) => this.logger.debug({ event: 'queue.redis_error', message: error.message }));
    // its own connection, which it closes: on a shared one its close waits on a read that a Redis restart left hanging
    this.events = new QueueEvents(QUEUE, { connection: connections.options('queue-events', 'blocking'), prefix: PREFIX });
    this.events.on('error', (error) => this.logger.debug({ event: 'queue.redis_error', message: error.message }));
    for (const event of JOB_EVENTS) this.events.on(event, ({ jobId }: { jobId: string }) => this.jobChanged(jobId));
  }

  start(work: JobWorker, abandoned: JobAbandoned): void {
    if (!this.options.runsJobs) return;
    const { concurrency, stalledMs, attempts } = this.options;
    this.worker = new Worker<TranscodeJob>(QUEUE, (job, token, signal) => this.run(job, token, signal, work), {
      connection: this.connections.connect('worker', 'blocking'),
      prefix: PREFIX,
      concurrency,
      lockDuration: stalledMs,
      stalledInterval: stalledMs,
      // a killed worker's run counts as one of the job's attempts
      maxStalledCount: attempts - 1,
    });
    this.worker.on('error', (error) => this.logger.debug({ event: 'queue.redis_error', message: error.message }));
    // Redis was away past the lock, or emptied: the job is another run's now (or lost, and queued again), so this run stops
    this.worker.on('lockRenewalFailed', (jobIds) => {
      for (const playlistId of jobIds) {
        this.logger.warn({ event: 'job.lock_lost', playlistId });
        this.worker?.cancelJob(playlistId, JobAbort.LockLost);
      }
    });
    // Our runs never fail on their final attempt (they record FAILED and end), so a failed job is one whose every run was cut off.
    this.events.on('failed', ({ jobId, failedReason }) => {
      this.logger.warn({ event: 'job.abandoned', playlistId: jobId, reason: failedReason });
      void abandoned(jobId);
    });
    const cancels = this.connections.connect('cancel-listener', 'blocking');
    cancels.on('message', (_channel: string, playlistId: string) => this.worker?.cancelJob(playlistId));
    void cancels.subscribe(CANCEL_CHANNEL);
  }

  async enqueue(playlistId: string): Promise<void> {
    // BullMQ would wait for a connection that is not there; the upload is answered at once instead
    if (!(await this.connections.isUp())) throw new ServiceUnavailableError('redis', UNAVAILABLE);
    try {
      await this.queue.add(QUEUE, { playlistId }, { jobId: playlistId });
    } catch (error) {
      this.logger.error({ event: 'queue.enqueue_failed', playlistId, message: (error as Error).message });
      throw new ServiceUnavailableError('redis', UNAVAILABLE);
    }
  }

  waiting(): readonly string[] {
    return this.waitingIds;
  }

  async jobIds(): Promise<ReadonlySet<string>> {
    return new Set(await this.queue.getRanges(HELD, 0, -1));
  }

  /**
   * Removes the job if it waits; if it runs, asks every worker to abort it and waits for its next
   * state, until it is gone. A job whose worker died meanwhile comes back to waiting once its lock
   * lapses, and is removed then.
   */
  async cancel(playlistId: string): Promise<void> {
    const watch = this.watch(playlistId);
    try {
      for (;;) {
        const seen = watch.version();
        const job = await this.queue.getJob(playlistId);
        if (!job) return;
        const state = await job.getState();
        if (state !== 'active') {
          // it may have become active meanwhile: then it is aborted where it runs
          if (await job.remove().then(() => true, () => false)) return;
        }
        await this.commands.publish(CANCEL_CHANNEL, playlistId);
        await watch.changedSince(seen);
      }
    } catch (error) {
      if (error instanceof ServiceUnavailableError) throw error;
      throw new ServiceUnavailableError('redis', `The job queue (Redis) is unreachable, so the job could not be cancelled: ${(error as Error).message}`);
    } finally {
      watch.close();
    }
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  onReconnect(listener: () => void): void {
    this.connections.onReconnect(listener);
  }

  /** Running jobs are aborted and handed back to the queue (not counted as an attempt) for another worker. */
  async stop(): Promise<void> {
    this.connections.stopReconnecting();
    if (this.worker) {
      const closing = this.worker.close();
      this.worker.cancelAllJobs(JobAbort.HandedBack);
      await closing;
    }
    // a Redis that is away makes BullMQ's close reject with the last connection error: nothing is left to close
    const closed = (error: Error) => this.logger.debug({ event: 'queue.closed_unreachable', message: error.message });
    await this.events.close().catch(closed);
    await this.queue.close().catch(closed);
  }

  private async run(job: Job<TranscodeJob>, token: string | undefined, signal: AbortSignal | undefined, work: JobWorker): Promise<void> {
    const number = job.attemptsMade + job.stalledCounter + 1;
    const aborted = signal ?? new AbortController().signal;
    await work(job.data.playlistId, aborted, { number, final: number >= this.options.attempts });
    if (aborted.aborted && aborted.reason === JobAbort.HandedBack) {
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    }
  }

  private jobChanged(jobId: string): void {
    const entry = this.versions.get(jobId);
    if (entry) {
      entry.version++;
      for (const wake of entry.wake) wake();
    }
    void this.refreshWaiting();
  }

  /** The waiting list as Redis has it, re-read (once at a time) after any job event. */
  private refreshWaiting(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        try {
          // BullMQ lists the newest first
          this.waitingIds = (await this.queue.getWaiting()).reverse().map((job) => job.id as string);
        } catch {
          return;
        }
        for (const listener of this.listeners) listener();
      } while (this.refreshAgain);
    })().finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private watch(jobId: string) {
    const entry = this.versions.get(jobId) ?? { version: 0, wake: new Set<() => void>() };
    this.versions.set(jobId, entry);
    const wakers = new Set<() => void>();
    return {
      version: () => entry.version,
      changedSince: (seen: number) =>
        new Promise<void>((resolve) => {
          if (entry.version !== seen) return resolve();
          const wake = () => {
            entry.wake.delete(wake);
            wakers.delete(wake);
            resolve();
          };
          entry.wake.add(wake);
          wakers.add(wake);
        }),
      close: () => {
        for (const wake of wakers) entry.wake.delete(wake);
        if (entry.wake.size === 0) this.versions.delete(jobId);
      },
    };
  }
}
