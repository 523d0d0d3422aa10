import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Catalog } from '../catalog/catalog';
import { AppConfig } from '../config/app-config';
import { JobQueue } from './job-queue';
import { lostJobs, UNFINISHED } from './lost-jobs';

/**
 * With a queue kept in Redis, the catalog is the record of what was accepted: a Redis that comes
 * back empty (restarted without its data, flushed) would leave unfinished playlists without a
 * job for ever. Each process compares the two at start-up, whenever Redis comes back, and every
 * JOB_RECONCILE_MS, and queues the lost ones again; several processes doing so at once is
 * harmless, as a job's id is its playlist's id and Redis keeps one job per id.
 */
@Injectable()
export class JobReconciler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobReconciler.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<void> | null = null;

  constructor(
    private readonly catalog: Catalog,
    private readonly queue: JobQueue,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // the in-process queue is rebuilt from the catalog at start-up and never loses a job after
    if (!this.queue.persistent) return;
    this.queue.onReconnect(() => void this.reconcile());
    this.timer = setInterval(() => void this.reconcile(), this.config.JOB_RECONCILE_MS).unref();
    await this.reconcile();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** One pass at a time; a pass that cannot reach Redis or the catalog is logged and left to the next. */
  private reconcile(): Promise<void> {
    this.running ??= this.requeueLost()
      .catch((error: Error) => this.logger.warn({ event: 'job.reconcile_failed', message: error.message }))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async requeueLost(): Promise<void> {
    // the jobs first: one that ends between the two reads is READY or FAILED in the catalog read after
    const jobIds = await this.queue.jobIds();
    for (const playlistId of lostJobs(await this.catalog.withStatus(UNFINISHED), jobIds)) {
      await this.queue.enqueue(playlistId);
      this.logger.warn({ event: 'job.requeued', playlistId, reason: 'its job was missing from the queue' });
    }
  }
}
