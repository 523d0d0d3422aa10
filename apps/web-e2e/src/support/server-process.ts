import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { REPO_ROOT, SERVER_MAIN, WEB_INDEX } from './repo';

export interface RunningServer {
  readonly baseUrl: string;
  /** Last lines the server printed, for failure messages. */
  logTail(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function assertBuilt(): void {
  const missing = [SERVER_MAIN, WEB_INDEX].filter((f) => !existsSync(f));
  if (missing.length) {
    throw new Error(
      `Missing build output: ${missing.join(', ')}.\nBuild first: NX_DAEMON=false npx nx build server && NX_DAEMON=false npx nx build web`,
    );
  }
}

/** Starts the real built server (`node dist/apps/server/main.js`) and waits for GET /health. */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const child: ChildProcess = spawn(process.execPath, [SERVER_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: env['LOG_LEVEL'] ?? 'log',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: number | null = null;
  child.once('exit', (code) => (exited = code ?? -1));

  const logTail = () => lines.slice(-40).join('\n');
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited !== null || child.pid === undefined) return resolve();
      child.once('exit', () => resolve());
      // The server runs in a process group of its own; its ffmpeg children have their own groups,
      // which the server ends on SIGTERM.
      child.kill('SIGTERM');
      setTimeout(() => exited === null && child.kill('SIGKILL'), 5_000).unref();
    });

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== null)
      throw new Error(
        `The server exited with code ${exited} before it was healthy:\n${logTail()}`,
      );
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) return { baseUrl, logTail, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(
    `The server did not answer GET /health within ${timeoutMs} ms:\n${logTail()}`,
  );
}
