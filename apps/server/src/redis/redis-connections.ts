import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import { Redis, RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

/** How a connection behaves while Redis is away. */
export type ConnectionUse =
  /** Commands fail at once (uploads answer SERVICE_UNAVAILABLE, progress is dropped) rather than wait. */
  | 'fail-fast'
  /** Blocking commands and subscriptions (BullMQ workers, PubSub subscribers) wait and reconnect. */
  | 'blocking';

/**
 * Quits a connected client. One that is not is left to end by itself at its next attempt to
 * connect, the last (see `stopReconnecting`), or to quit if that one succeeds: disconnecting it
 * would arm ioredis's 2 s timer to destroy its socket, which a socket already closed never clears,
 * holding the process (a test run: "Jest did not exit") that long.
 */
function close(client: Redis): Promise<void> {
  const quit = () => client.quit().then(() => undefined, () => client.disconnect());
  if (client.status === 'ready') return quit();
  if (client.status !== 'end') client.once('ready', () => void quit());
  return Promise.resolve();
}

/**
 * The process's Redis connections, made from REDIS_URL, reconnecting for ever with a capped
 * backoff, and closed at shutdown. `isUp` is what /health and the upload check report.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnections.name);
  private readonly clients: Redis[] = [];
  private readonly reconnectListeners: (() => void)[] = [];
  private readonly probe: Redis;
  private wasUp = true;
  private stopping = false;
  /** Settles with the probe's first connection attempt, whichever way it went. */
  private readonly firstContact: Promise<void>;

  constructor(private readonly config: AppConfig) {
    this.probe = this.connect('health', 'fail-fast');
    this.probe.on('ready', () => this.report(true));
    this.probe.on('close', () => this.report(false));
    this.firstContact = new Promise((resolve) => {
      this.probe.once('ready', resolve);
      this.probe.once('close', resolve);
    });
  }

  connect(name: string, use: ConnectionUse): Redis {
    const client = new Redis(this.config.REDIS_URL as string, this.settings(name, use));
    // ioredis reports each failed reconnect as an error: the probe's close event has said it once
    client.on('error', () => undefined);
    this.clients.push(client);
    return client;
  }

  /** For BullMQ where it makes and closes a connection of its own. */
  options(name: string, use: ConnectionUse): ConnectionOptions {
    const { retryStrategy, ...settings } = this.settings(name, use);
    return { url: this.config.REDIS_URL as string, ...settings, retryStrategy: (times: number) => retryStrategy?.(times) ?? null };
  }

  /** Calls `listener` each time Redis answers again after it was lost. */
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }

  /** Whether Redis is connected, once the first attempt to reach it has settled. */
  async isUp(): Promise<boolean> {
    await this.firstContact;
    return this.probe.status === 'ready';
  }

  private settings(name: string, use: ConnectionUse): RedisOptions {
    return {
      connectionName: `cmm:${this.config.ROLE}:${name}`,
      enableOfflineQueue: use === 'blocking',
      // BullMQ's blocking connections must never give up a command; the others fail with the connection
      maxRetriesPerRequest: use === 'blocking' ? null : 1,
      // null ends the connection: once shutting down, a Redis that is away is not waited for
      retryStrategy: (times) => (this.stopping ? null : Math.min(times * 200, 2_000)),
    };
  }

  /** Resolves whether Redis answers now. */
  async ping(): Promise<boolean> {
    try {
      return (await this.probe.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  /**
   * No connection reconnects from now on. BullMQ's close waits for its connection's end, which
   * ioredis only reports between reconnects once it has given up.
   */
  stopReconnecting(): void {
    this.stopping = true;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopReconnecting();
    await Promise.all(this.clients.map(close));
  }

  private report(up: boolean): void {
    if (up === this.wasUp) return;
    this.wasUp = up;
    if (up) {
      this.logger.log({ event: 'redis.up' });
      for (const listener of this.reconnectListeners) listener();
    } else this.logger.error({ event: 'redis.down', message: 'Redis is unreachable: uploads are refused and progress is not delivered until it is back' });
  }
}
