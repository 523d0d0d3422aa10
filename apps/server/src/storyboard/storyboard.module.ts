import { Module } from '@nestjs/common';
import { StoryboardPublisher } from './storyboard-publisher';

/** Storyboard previews; Storage comes from the global StorageModule. */
@Module({
  providers: [StoryboardPublisher],
  exports: [StoryboardPublisher],
})
export class StoryboardModule {}
