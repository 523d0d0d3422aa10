import { Module } from '@nestjs/common';
import { FfmpegModule } from '../ffmpeg/ffmpeg.module';
import { StoryboardModule } from '../storyboard/storyboard.module';
import { TranscodePipeline } from './transcode-pipeline';

/** The encode-and-package pipeline; Storage comes from the global StorageModule. */
@Module({
  imports: [FfmpegModule, StoryboardModule],
  providers: [TranscodePipeline],
  exports: [TranscodePipeline],
})
export class TranscodePipelineModule {}
