import { Global, Module } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { CatalogModule } from '../catalog/catalog.module';
import { ProgressResolver } from './progress.resolver';
import { ProgressTracker, PUB_SUB } from './progress-tracker';

/** In-process PubSub by default; a Redis-backed PubSubEngine can be provided under PUB_SUB instead. */
@Global()
@Module({
  imports: [CatalogModule],
  providers: [{ provide: PUB_SUB, useFactory: () => new PubSub() }, ProgressTracker, ProgressResolver],
  exports: [ProgressTracker],
})
export class ProgressModule {}
