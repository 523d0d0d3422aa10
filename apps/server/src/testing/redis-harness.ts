import { ConsoleLogger, Logger } from '@nestjs/common';
import { RunningRedis, startRedis } from '@cmm/test-services';
import { AppConfig } from '../config/app-config';
import { RedisConnections } from '../redis/redis-connections';

/**
 * A real Redis for an int spec (see startRedis: a database of REDIS_URL's, or a server of its own)
 * and the connections of the processes a spec plays, all closed at `stop`; logs are silenced
 * meanwhile. A spec calls `start` in beforeAll and `stop` in afterAll.
 */
export class RedisHarness {
  /** One RedisConnections per process the spec made, in order. */
  readonly connections: RedisConnections[] = [];
  private redis: RunningRedis | null = null;

  async start(): Promise<void> {
    Logger.overrideLogger(false);
    this.redis = await startRedis();
  }

  get url(): string {
    if (!this.redis) throw new Error('RedisHarness.start() has not run');
    return this.redis.url;
  }

  /** A process's connections, to the spec's Redis or to `url` (one that is away, say). */
  connect(url = this.url): RedisConnections {
    const connections = new RedisConnections(Object.assign(new AppConfig(), { REDIS_URL: url }));
    this.connections.push(connections);
    return connections;
  }

  async stop(): Promise<void> {
    for (const connections of this.connections) await connections.onApplicationShutdown();
    await this.redis?.remove();
    Logger.overrideLogger(new ConsoleLogger());
  }
}
