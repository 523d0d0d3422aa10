import { Module } from '@nestjs/common';
import { FfmpegModule } from '../ffmpeg/ffmpeg.module';
import { StoryboardMaker } from './storyboard-maker';

/** Storyboard previews; Storage comes from the global StorageModule. */
@Module({
  imports: [FfmpegModule],
  providers: [StoryboardMaker],
  exports: [StoryboardMaker],
})
export class StoryboardModule {}
