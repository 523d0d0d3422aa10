import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AppConfig } from '../config/app-config';
import { FfmpegModule } from '../ffmpeg/ffmpeg.module';
import { InMemoryJobQueue } from './in-memory-job-queue';
import { JobQueue } from './job-queue';
import { TranscodePipelineModule } from './transcode-pipeline.module';
import { TranscodeService } from './transcode.service';

@Module({
  imports: [CatalogModule, FfmpegModule, TranscodePipelineModule],
  providers: [
    { provide: JobQueue, inject: [AppConfig], useFactory: (config: AppConfig) => new InMemoryJobQueue(config.TRANSCODE_CONCURRENCY) },
    TranscodeService,
  ],
  exports: [TranscodeService],
})
export class TranscodeModule {}
