import { Global, Module } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { CatalogModule } from '../catalog/catalog.module';
import { RedisConnections } from '../redis/redis-connections';
import { ProgressResolver } from './progress.resolver';
import { ProgressTracker, PUB_SUB } from './progress-tracker';
import { RedisProgressPubSub } from './redis-pub-sub';

/** In-process PubSub by default; over Redis when REDIS_URL is set (RedisModule is then loaded). */
@Global()
@Module({
  imports: [CatalogModule],
  providers: [
    {
      provide: PUB_SUB,
      inject: [{ token: RedisConnections, optional: true }],
      useFactory: (redis?: RedisConnections) => (redis ? new RedisProgressPubSub(redis) : new PubSub()),
    },
    ProgressTracker,
    ProgressResolver,
  ],
  exports: [ProgressTracker],
})
export class ProgressModule {}
