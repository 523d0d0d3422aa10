import { Module } from '@nestjs/common';
import { FfmpegModule } from '../ffmpeg/ffmpeg.module';
import { TranscodePipeline } from './transcode-pipeline';

/** The encode-and-package pipeline; Storage comes from the global StorageModule. */
@Module({
  imports: [FfmpegModule],
  providers: [TranscodePipeline],
  exports: [TranscodePipeline],
})
export class TranscodePipelineModule {}
