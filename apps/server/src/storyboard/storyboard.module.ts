import { Module } from '@nestjs/common';
import { FfmpegModule } from '../ffmpeg/ffmpeg.module';
import { StoryboardPublisher } from './storyboard-publisher';

/** Storyboard previews; Storage comes from the global StorageModule. */
@Module({
  imports: [FfmpegModule],
  providers: [StoryboardPublisher],
  exports: [StoryboardPublisher],
})
export class StoryboardModule {}
