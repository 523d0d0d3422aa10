import { randomBytes } from 'node:crypto';
// types only: @tus/server is an ES module, which the unit tests' CommonJS cannot load
import type { Lock, Locker, RequestRelease } from '@tus/server';
import type { Redis } from 'ioredis';
import type { RedisConnections } from '../redis/redis-connections';

export interface RedisLockerOptions {
  /** How long a lock outlives a holder that stopped renewing it (a killed process). */
  ttlMs: number;
  /** How long a request waits for a lock before it is answered 500 (tus's own default: 30 s). */
  acquireTimeoutMs: number;
  /** Between two tries while another request holds the lock. */
  retryMs: number;
}

const DEFAULTS: RedisLockerOptions = { ttlMs: 10_000, acquireTimeoutMs: 30_000, retryMs: 100 };
const KEY = (id: string) => `cmm:tus:lock:${id}`;
/** A request that wants a lock held elsewhere names the upload here; the process holding it asks its request to end. */
const RELEASE_CHANNEL = 'cmm:tus:release';
/** Answered as tus answers its own errors (its ERR_LOCK_TIMEOUT, which the client retries later). */
const LOCK_TIMEOUT = { status_code: 500, body: 'failed to acquire lock before timeout' };
const REDIS_DOWN = { status_code: 503, body: 'Uploads cannot be locked while Redis is unreachable. Try again in a moment.\n' };
/** Deletes the lock only if it is still ours (it may have lapsed and been taken). */
const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

/**
 * @tus/server's Locker on Redis, for several API instances: a PATCH or HEAD on one instance for an
 * upload whose request runs on another (a client that lost its connection and came back through
 * the load balancer) asks that request to end and waits for the lock, as tus's MemoryLocker does
 * within one process. Locks are renewed while held and lapse after `ttlMs` if their process dies.
 */
export class RedisLocker implements Locker {
  readonly options: RedisLockerOptions;
  readonly commands: Redis;
  /** This process's held locks, by upload id: how to ask their request to end. */
  readonly held = new Map<string, RequestRelease>();

  constructor(
    readonly connections: RedisConnections,
    options: Partial<RedisLockerOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.commands = connections.connect('tus-locks', 'fail-fast');
    const releases = connections.connect('tus-lock-releases', 'blocking');
    releases.on('message', (_channel: string, id: string) => void this.held.get(id)?.());
    void releases.subscribe(RELEASE_CHANNEL);
  }

  newLock(id: string): Lock {
    return new RedisLock(id, this);
  }

  requestRelease(id: string): Promise<number> {
    return this.commands.publish(RELEASE_CHANNEL, id);
  }
}

class RedisLock implements Lock {
  private readonly token = randomBytes(12).toString('hex');
  private renewal?: NodeJS.Timeout;

  constructor(
    private readonly id: string,
    private readonly locker: RedisLocker,
  ) {}

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { ttlMs, acquireTimeoutMs, retryMs } = this.locker.options;
    const deadline = Date.now() + acquireTimeoutMs;
    while (!signal.aborted && Date.now() < deadline) {
      if (await this.take(ttlMs)) {
        this.locker.held.set(this.id, requestRelease);
        this.renewal = setInterval(() => void this.locker.commands.eval(RENEW, 1, KEY(this.id), this.token, ttlMs).catch(() => undefined), ttlMs / 3).unref();
        return;
      }
      await this.locker.requestRelease(this.id).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
    throw LOCK_TIMEOUT;
  }

  /** Whether the lock is ours now; a connection still being made (just after start-up) is tried again. */
  private async take(ttlMs: number): Promise<boolean> {
    try {
      return (await this.locker.commands.set(KEY(this.id), this.token, 'PX', ttlMs, 'NX')) === 'OK';
    } catch {
      if (await this.locker.connections.isUp()) return false;
      throw REDIS_DOWN;
    }
  }

  async unlock(): Promise<void> {
    clearInterval(this.renewal);
    this.locker.held.delete(this.id);
    // a lock that cannot be released now (Redis away) lapses after ttlMs, no longer renewed
    await this.locker.commands.eval(UNLOCK, 1, KEY(this.id), this.token).catch(() => undefined);
  }
}
