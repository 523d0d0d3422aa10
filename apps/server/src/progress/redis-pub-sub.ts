import { Logger } from '@nestjs/common';
import { PubSubRedisOptions, RedisPubSub } from 'graphql-redis-subscriptions';
import type { RedisConnections } from '../redis/redis-connections';

/** Snapshots cross Redis as JSON: their one date comes back a Date. */
const reviveDates = (key: string, value: unknown) => (key === 'playableAt' && typeof value === 'string' ? new Date(value) : value);

/**
 * Progress fan-out over Redis: whichever process runs a job publishes, and every API instance
 * delivers to its own subscribers. A snapshot that cannot be sent while Redis is away is dropped
 * and logged, never failing the job: the state it carried is in the catalog already, and
 * subscribers get the current state first when they come back.
 */
export class RedisProgressPubSub extends RedisPubSub {
  private readonly logger = new Logger(RedisProgressPubSub.name);

  constructor(connections: RedisConnections) {
    // graphql-redis-subscriptions types its clients with its own ioredis 5; it only publishes, subscribes and listens, alike in 6
    const client = (name: string, use: 'fail-fast' | 'blocking') => connections.connect(name, use) as unknown as PubSubRedisOptions['publisher'];
    super({ publisher: client('progress-publisher', 'fail-fast'), subscriber: client('progress-subscriber', 'blocking'), reviver: reviveDates });
  }

  override async publish<T>(trigger: string, payload: T): Promise<void> {
    try {
      await super.publish(trigger, payload);
    } catch (error) {
      this.logger.warn({ event: 'progress.dropped', trigger, message: (error as Error).message });
    }
  }
}
