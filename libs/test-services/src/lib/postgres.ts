/**
 * A real PostgreSQL for tests: its own instance (`initdb` + `pg_ctl` from /usr/local/bin, PATH or
 * Debian's /usr/lib/postgresql/<version>/bin) in a temporary folder on a free port, or the server
 * at `DATABASE_URL` when one is given. Each caller gets a fresh database. Missing binaries fail
 * loudly: a test must never pass without one.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, chownSync, constants, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);
/** Debian keeps initdb and pg_ctl out of PATH, in /usr/lib/postgresql/<version>/bin: the newest version first. */
const debianBinDirs = (): string[] => {
  try {
    return readdirSync('/usr/lib/postgresql')
      .filter((version) => /^\d+$/.test(version))
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => `/usr/lib/postgresql/${version}/bin`);
  } catch {
    return [];
  }
};
const SEARCH_PATH = ['/usr/local/bin', ...(process.env['PATH'] ?? '').split(delimiter), ...debianBinDirs()];
/** Durability is not under test: turned off so instances start and write fast on a shared machine. */
const SERVER_OPTIONS = '-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200';

export interface TestPostgres {
  /** A fresh database of its own: `postgres://…/cmm_test_<random>`. */
  url: string;
  /** Another fresh database on the same server. */
  createDatabase(): Promise<string>;
  /** Stops the server (its data kept), as an outage would; only for an instance of our own. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data after `stop`. */
  start(): Promise<void>;
  /** Stops it for good and removes its folder (or drops the databases made on a given server). */
  close(): Promise<void>;
}

/** The PostgreSQL binary `name` in the first of `dirs` that has it, or a thrown error saying what to install. */
export function findBinary(name: string, dirs: readonly string[] = SEARCH_PATH): string {
  for (const dir of dirs) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not here
    }
  }
  throw new Error(`PostgreSQL's ${name} was not found in ${dirs.join(', ')}: install PostgreSQL (Debian: apt-get install postgresql) or set DATABASE_URL to a server the tests may create databases on`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user, owner of the folder. */
function asServerUser(command: string, args: string[]): [string, string[]] {
  return userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) chownTree(join(path, entry), uid, gid);
}

async function createDatabaseOn(adminUrl: string): Promise<string> {
  const name = `cmm_test_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Starts (or reaches) a PostgreSQL for a test file; `own` insists on an instance of our own, which can be stopped. */
export async function startPostgres(options: { own?: boolean } = {}): Promise<TestPostgres> {
  const given = process.env['DATABASE_URL'];
  if (given && !options.own) {
    const url = await createDatabaseOn(given);
    return {
      url,
      createDatabase: () => createDatabaseOn(given),
      stop: () => Promise.reject(new Error('stopping PostgreSQL needs an instance of our own: startPostgres({ own: true })')),
      start: () => Promise.reject(new Error('starting PostgreSQL needs an instance of our own: startPostgres({ own: true })')),
      close: async () => undefined,
    };
  }
  const initdb = findBinary('initdb');
  const pgCtl = findBinary('pg_ctl');
  const folder = mkdtempSync(join(tmpdir(), 'cmm-pg-'));
  const data = join(folder, 'data');
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownTree(folder, uid, gid);
  }
  const port = await freePort();
  const ctl = (args: string[]) => run(...asServerUser(pgCtl, ['-D', data, ...args]));
  try {
    await run(...asServerUser(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync']));
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
  }
  const start = async () => {
    try {
      await ctl(['-o', `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 ${SERVER_OPTIONS}`, '-l', join(folder, 'server.log'), '-w', '-t', '60', 'start']);
    } catch (error) {
      throw new Error(`PostgreSQL did not start: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
    }
  };
  const stop = async () => void (await ctl(['-m', 'fast', '-w', 'stop']));
  // a test run that dies must not leave a server behind
  const stopOnExit = () => {
    try {
      execFileSync(...asServerUser(pgCtl, ['-D', data, '-m', 'immediate', 'stop']), { stdio: 'ignore' });
    } catch {
      // already stopped
    }
  };
  process.once('exit', stopOnExit);
  await start();
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url: await createDatabaseOn(admin),
    createDatabase: () => createDatabaseOn(admin),
    stop,
    start,
    close: async () => {
      process.removeListener('exit', stopOnExit);
      await stop().catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
