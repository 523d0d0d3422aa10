import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, repoRoot } from './server-process';

/** Debian's nginx; tests and the bench never install one. */
export const NGINX_PATH = process.env['NGINX_PATH'] || '/usr/sbin/nginx';
export const DEPLOY_CONF = join(repoRoot, 'deploy/nginx.conf');

export const nginxInstalled = (): boolean => existsSync(NGINX_PATH);

export interface RunningNginx {
  url: string;
  port: number;
  /** The master's; its worker is its child. */
  pid: number;
  logs: () => string;
  stop: () => Promise<void>;
}

/** deploy/nginx.conf with its placeholders filled, as an operator would (see the file's header). */
export function renderDeployConf(values: { listen: string; mediaDir: string; upstream: string }): string {
  return readFileSync(DEPLOY_CONF, 'utf8').replaceAll('@LISTEN@', values.listen).replaceAll('@MEDIA_DIR@', values.mediaDir).replaceAll('@UPSTREAM@', values.upstream);
}

/**
 * Runs nginx in the foreground with one worker and everything (pid, logs, temp files) in a temp
 * prefix. `httpBlock(port)` is the content of its `http {}` block, listening on `port`.
 */
export async function startNginx(httpBlock: (port: number) => string): Promise<RunningNginx> {
  if (!nginxInstalled()) throw new Error(`nginx not found at ${NGINX_PATH}: apt-get install nginx, or set NGINX_PATH`);
  const prefix = mkdtempSync(join(tmpdir(), 'cmm-nginx-'));
  mkdirSync(join(prefix, 'temp'));
  const port = await freePort();
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    [
      // As root, workers would switch to nobody, who cannot read a test's 0700 temp folders.
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      `pid ${prefix}/nginx.pid;`,
      `error_log ${prefix}/error.log warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${prefix}/temp/${kind};`),
      httpBlock(port),
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX_PATH, ['-p', prefix, '-e', join(prefix, 'error.log'), '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const logs = () => output + (existsSync(join(prefix, 'error.log')) ? readFileSync(join(prefix, 'error.log'), 'utf8') : '');
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${logs()}`);
    try {
      await fetch(`${url}/`, { method: 'HEAD' });
      break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not listen within 15 s:\n${logs()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    port,
    pid: child.pid as number,
    logs,
    stop: () =>
      new Promise<void>((done) => {
        const cleanUp = () => {
          rmSync(prefix, { recursive: true, force: true });
          done();
        };
        if (child.exitCode !== null || child.signalCode !== null) return cleanUp();
        child.once('exit', cleanUp);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
