import { randomBytes } from 'node:crypto';
import { RedisHarness } from '../testing/redis-harness';
import { RedisLocker, RedisLockerOptions } from './redis-locker';

jest.setTimeout(60_000);

describe('RedisLocker against a real Redis', () => {
  const redis = new RedisHarness();
  const { connections } = redis;
  beforeAll(() => redis.start());
  afterAll(() => redis.stop());

  /** One API process's locker, once its release channel listens. */
  async function processLocker(options: Partial<RedisLockerOptions> = {}): Promise<RedisLocker> {
    const locker = new RedisLocker(redis.connect(), options);
    await until(async () => locker.commands.status === 'ready' && (await locker.commands.pubsub('NUMSUB', 'cmm:tus:release'))[1] === connections.length);
    return locker;
  }

  const until = async (check: () => Promise<boolean> | boolean) => {
    while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 20));
  };
  const uploadId = () => `upload-${randomBytes(4).toString('hex')}`;
  const never = () => new AbortController().signal;

  it('asks the request holding an upload on another process to end, then takes the lock', async () => {
    const [api1, api2] = [await processLocker(), await processLocker()];
    const id = uploadId();
    const holding = api1.newLock(id);
    let released = false;
    await holding.lock(never(), async () => {
      released = true;
      await holding.unlock();
    });

    const taking = api2.newLock(id);
    await taking.lock(never(), () => undefined);
    expect(released).toBe(true);
    await taking.unlock();
  });

  it('keeps the lock from other processes while its holder goes on, then answers ERR_LOCK_TIMEOUT', async () => {
    const [api1, api2] = [await processLocker(), await processLocker({ acquireTimeoutMs: 500 })];
    const id = uploadId();
    const holding = api1.newLock(id);
    let asked = 0;
    await holding.lock(never(), () => void asked++);
    await expect(api2.newLock(id).lock(never(), () => undefined)).rejects.toMatchObject({ status_code: 500, body: 'failed to acquire lock before timeout' });
    expect(asked).toBeGreaterThan(0);
    await holding.unlock();
    const next = api2.newLock(id);
    await next.lock(never(), () => undefined);
    await next.unlock();
  });

  it('lets a lock lapse when its process stops renewing it (killed), for another process to take', async () => {
    const [api1, api2] = [await processLocker({ ttlMs: 300 }), await processLocker()];
    const id = uploadId();
    const dead = api1.newLock(id);
    await dead.lock(never(), () => undefined);
    // a killed process renews nothing more
    await connections[connections.length - 2].onApplicationShutdown();
    const next = api2.newLock(id);
    await next.lock(never(), () => undefined);
    await expect(api2.commands.get(`cmm:tus:lock:${id}`)).resolves.toEqual(expect.any(String));
    await next.unlock();
    await expect(api2.commands.get(`cmm:tus:lock:${id}`)).resolves.toBeNull();
  });
});
