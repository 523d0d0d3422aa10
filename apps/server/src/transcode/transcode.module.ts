import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AppConfig } from '../config/app-config';
import { FfmpegModule } from '../ffmpeg/ffmpeg.module';
import { RedisConnections } from '../redis/redis-connections';
import { BullMqJobQueue } from './bullmq-job-queue';
import { InMemoryJobQueue } from './in-memory-job-queue';
import { JobQueue } from './job-queue';
import { JobReconciler } from './job-reconciler';
import { TranscodePipelineModule } from './transcode-pipeline.module';
import { TranscodeService } from './transcode.service';

/** The in-process queue by default; BullMQ when REDIS_URL is set (RedisModule is then loaded). */
const jobQueue = (config: AppConfig, redis?: RedisConnections): JobQueue =>
  redis
    ? new BullMqJobQueue(redis, {
        runsJobs: config.ROLE !== 'api',
        concurrency: config.TRANSCODE_CONCURRENCY,
        attempts: config.JOB_ATTEMPTS,
        backoffMs: config.JOB_BACKOFF_MS,
        stalledMs: config.JOB_STALLED_MS,
      })
    : new InMemoryJobQueue(config.TRANSCODE_CONCURRENCY);

@Module({
  imports: [CatalogModule, FfmpegModule, TranscodePipelineModule],
  providers: [{ provide: JobQueue, inject: [AppConfig, { token: RedisConnections, optional: true }], useFactory: jobQueue }, TranscodeService, JobReconciler],
  exports: [TranscodeService],
})
export class TranscodeModule {}
