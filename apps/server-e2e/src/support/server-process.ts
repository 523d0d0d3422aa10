import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../../../..');
const serverMain = join(repoRoot, 'dist/apps/server/main.js');

export interface RunningServer {
  url: string;
  pid: number;
  wsUrl: string;
  mediaDir: string;
  /** Milliseconds from spawn to the first answer that passed the readiness check. */
  readyMs: number;
  logs: () => string;
  /** SIGTERM shuts down gracefully; SIGKILL simulates a crash. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** A TCP port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function spawnServer(env: Record<string, string>, args: string[] = []): ChildProcess {
  if (!existsSync(serverMain)) throw new Error(`${serverMain} is missing: build the server first (npx nx build server)`);
  // Settings from the shell running the tests must not change what a test starts.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(API_TOKENS|ALLOW_ANONYMOUS_WRITES|CORS_ORIGINS|GRAPHQL_\w+|ROLE|REDIS_URL|DATABASE_URL|JOB_\w+)$/.test(key)));
  return spawn(process.execPath, [serverMain, ...args], { cwd: repoRoot, env: { ...inherited, HOST: '127.0.0.1', LOG_LEVEL: 'log', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface Readiness {
  /** True once the server at `url` is ready; throwing counts as not yet. */
  check: (url: string) => Promise<boolean>;
  pollMs: number;
}

const HEALTHY: Readiness = { check: async (url) => (await fetch(`${url}/health`)).ok, pollMs: 200 };

/** Starts the built server (`nx build server`) as a real process on a free port and a fresh media folder. */
export async function startServer(env: Record<string, string> = {}, mediaDir = mkdtempSync(join(tmpdir(), 'cmm-e2e-media-')), ready = HEALTHY): Promise<RunningServer> {
  const port = await freePort();
  let output = '';
  const spawnedAt = performance.now();
  const child = spawnServer({ PORT: String(port), MEDIA_DIR: mediaDir, ...env });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  child.once('exit', (code, signal) => (output += `\n[server process exited: code ${code}, signal ${signal}]\n`));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      if (await ready.check(url)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, ready.pollMs));
  }
  const readyMs = performance.now() - spawnedAt;
  return {
    url,
    pid: child.pid as number,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    mediaDir,
    readyMs,
    logs: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/** Runs the built server with `env` when it is expected to refuse to start: its exit code and output. */
export async function startServerExpectingExit(env: Record<string, string>, timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
  const child = spawnServer({ PORT: String(await freePort()), MEDIA_DIR: mkdtempSync(join(tmpdir(), 'cmm-e2e-media-')), ...env });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server still running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveExit({ code, output });
    });
  });
}

/** Runs a command of the built server (`main.js <args>`, such as import-catalog) to its end: its exit code and output. */
export function runServerCommand(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; output: string }> {
  const child = spawnServer(env, args);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`main.js ${args.join(' ')} still running after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveExit({ code, output });
    });
  });
}
