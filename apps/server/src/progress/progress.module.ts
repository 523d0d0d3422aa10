import { Global, Module } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { ProgressTracker, PUB_SUB } from './progress-tracker';

/** In-process PubSub by default; a Redis-backed PubSubEngine can be provided under PUB_SUB instead. */
@Global()
@Module({
  providers: [{ provide: PUB_SUB, useFactory: () => new PubSub() }, ProgressTracker],
  exports: [ProgressTracker],
})
export class ProgressModule {}
