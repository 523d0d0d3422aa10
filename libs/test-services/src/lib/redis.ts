import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningRedis {
  url: string;
  /** Stops the server (SIGTERM: it writes its append-only file first); `start` brings it back with its data. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops it for good and removes its folder. */
  remove: () => Promise<void>;
}

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

/**
 * A redis-server of the test's own on a free port, its data in a temp folder (append-only, so a
 * stop and start keeps every job). Throws, never skips, when the binary is missing.
 */
export async function startRedis(): Promise<RunningRedis> {
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
