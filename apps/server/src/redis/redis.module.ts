import { Global, Module } from '@nestjs/common';
import { RedisConnections } from './redis-connections';

/** Imported only when REDIS_URL is set; the queue, the PubSub and /health take their connections from it. */
@Global()
@Module({
  providers: [RedisConnections],
  exports: [RedisConnections],
})
export class RedisModule {}
