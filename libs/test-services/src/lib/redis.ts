import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export interface RunningRedis {
  url: string;
  /** Stops the server (SIGTERM: it writes its append-only file first); `start` brings it back on the same port with its data. Own instances only. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops it for good and removes its folder (on a given server: empties the database it lent). */
  remove: () => Promise<void>;
}

/** Databases a test may borrow on a server given by REDIS_URL (0 is left to whoever else uses it). */
const BORROWABLE = Array.from({ length: 15 }, (_, i) => i + 1);
/** Marks a borrowed database, so tests running at once never share one (their queues would take each other's jobs). */
const CLAIM_KEY = 'cmm-test-services:claimed';
const CLAIM_SECONDS = 6 * 3600;

/** Debian's redis-server unless REDIS_SERVER_PATH says otherwise. */
const REDIS_SERVER = process.env['REDIS_SERVER_PATH'] || 'redis-server';

function ensureInstalled(): void {
  try {
    execFileSync(REDIS_SERVER, ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error(`${REDIS_SERVER} not found: these tests need a real Redis (apt-get install redis-server, or set REDIS_SERVER_PATH)`);
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** A free database of the server at `given`, claimed for this caller: its URL, and how to give it back. */
async function borrowDatabase(given: string): Promise<RunningRedis> {
  const admin = new Redis(given, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await admin.connect();
    for (const db of BORROWABLE) {
      await admin.select(db);
      if ((await admin.set(CLAIM_KEY, String(process.pid), 'EX', CLAIM_SECONDS, 'NX')) !== 'OK') continue;
      // what a crashed run left behind goes; the claim stays
      await admin.eval(`redis.call('FLUSHDB'); return redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])`, 1, CLAIM_KEY, String(process.pid), CLAIM_SECONDS);
      const url = new URL(given);
      url.pathname = `/${db}`;
      const ownOnly = (what: string) => () => Promise.reject(new Error(`${what} Redis needs an instance of our own: startRedis({ own: true })`));
      return {
        url: url.toString(),
        stop: ownOnly('stopping'),
        start: ownOnly('starting'),
        remove: async () => {
          const client = new Redis(url.toString(), { maxRetriesPerRequest: 1 });
          await client.flushdb().finally(() => client.quit());
        },
      };
    }
    throw new Error(`every database 1 to ${BORROWABLE.length} of REDIS_URL is claimed by another test run (key ${CLAIM_KEY})`);
  } finally {
    await admin.quit().catch(() => admin.disconnect());
  }
}

/**
 * A Redis for a test: by default the server at `REDIS_URL` when one is given (each caller gets a
 * database of its own on it, emptied), else a redis-server of the test's own on a free port, its
 * data in a temp folder (append-only, so a stop and start keeps every job). `own: true` always
 * starts one, for tests that stop, restart or empty it. Throws, never skips, when the binary is missing.
 */
export async function startRedis(options: { own?: boolean } = {}): Promise<RunningRedis> {
  const given = process.env['REDIS_URL'];
  if (given && !options.own) return borrowDatabase(given);
  ensureInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'cmm-redis-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no', '--logfile', ''];
      const server = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child = server;
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk;
        if (output.includes('Ready to accept connections')) {
          server.stdout?.off('data', onData);
          resolve();
        }
      };
      server.stdout?.on('data', onData);
      server.stderr?.on('data', (chunk) => (output += chunk));
      server.once('exit', (code) => reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`)));
    });
  const stop = async () => {
    const server = child;
    child = null;
    if (!server || server.exitCode !== null) return;
    await new Promise((resolve) => {
      server.once('exit', resolve);
      server.kill('SIGTERM');
    });
  };
  // a test run that dies must not leave a server behind
  const stopOnExit = () => child?.kill('SIGKILL');
  process.once('exit', stopOnExit);
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    remove: async () => {
      process.removeListener('exit', stopOnExit);
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
