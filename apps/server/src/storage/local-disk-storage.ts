import { randomBytes } from 'node:crypto';
import { closeSync, constants as fsConstants, createWriteStream, fstatSync, open as openFd, read as readFd, readdirSync, readFileSync, type Stats } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, readFile, realpath, rename, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OpenedFile, ScannedFolder, Storage, StoredFile } from './storage';

/** True when `child` is `root` itself or lies inside it. */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/** Why a hard link can fail where a copy would not: another filesystem, or one without hard links. */
const CANNOT_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EMLINK']);

/** Folders scanned between two yields to the event loop: a few milliseconds of reads. */
const SCAN_BATCH = 200;

/** What `writeAtomic` names a file while it is being written; anything left with it is a crash's leftover. */
export const TEMP_SUFFIX = '.tmp';

/** How many files `openRead` remembers as inside the root. A stale entry never matches a new inode, so it only costs a miss. */
const CONTAINMENT_CACHE_SIZE = 10_000;

/** O_NONBLOCK: opening a FIFO must not wait for a writer (it is then refused as not a regular file). */
const OPEN_FOR_READ = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0);

/** One inode in one state: a file renamed over, re-created or re-linked under the same name gets another. */
const inodeIdentity = (s: Stats): string => `${s.dev}:${s.ino}:${s.ctimeMs}`;

function openForRead(path: string): Promise<number> {
  return new Promise((resolve, reject) => openFd(path, OPEN_FOR_READ, (error, fd) => (error ? reject(error) : resolve(fd))));
}

/**
 * fstat of an open fd and close of a read-only one do no I/O on a local disk (nginx makes both
 * calls in its event loop too); inline, they spare two thread-pool round trips per request.
 */
function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // a read-only fd has nothing left to flush: there is no failure to act on
  }
}

/** A plain fd read with callback fs: no FileHandle to track per request. */
class LocalOpenedFile implements OpenedFile {
  readonly size: number;
  readonly modifiedAt: Date;

  constructor(
    private fd: number | null,
    stats: Stats,
  ) {
    this.size = stats.size;
    this.modifiedAt = stats.mtime;
  }

  read(buffer: Buffer, position: number): Promise<number> {
    const fd = this.fd;
    if (fd === null) return Promise.reject(new Error('read after close'));
    return new Promise((resolve, reject) => readFd(fd, buffer, 0, buffer.length, position, (error, bytes) => (error ? reject(error) : resolve(bytes))));
  }

  close(): void {
    if (this.fd === null) return;
    closeQuietly(this.fd);
    this.fd = null;
  }
}

export class LocalDiskStorage extends Storage {
  private readonly root: string;
  /** Absolute path → identity of the inode found there inside the root (see openRead). */
  private readonly contained = new Map<string, string>();

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  localPath(key: string): string {
    if (key.includes('\0') || isAbsolute(key)) throw new Error(`Invalid storage key: ${key}`);
    const full = resolve(this.root, key);
    if (!isInside(this.root, full)) throw new Error(`Storage key escapes the media root: ${key}`);
    return full;
  }

  /**
   * Opens first, then checks what was opened: the size and mtime come from an fstat of that very
   * file, so nothing about a file is ever cached. What is cached is that a path led to an inode
   * inside the root, keyed by that inode's identity; only a miss pays for realpath.
   */
  async openRead(key: string): Promise<OpenedFile | null> {
    let full: string;
    try {
      full = this.localPath(key);
    } catch {
      return null;
    }
    // A second try covers a name renamed over between the open and the containment check.
    for (let attempt = 0; attempt < 2; attempt++) {
      let fd: number;
      try {
        fd = await openForRead(full);
      } catch {
        return null;
      }
      let found: 'inside' | 'outside' | 'changed' = 'outside';
      try {
        const stats = fstatSync(fd);
        if (stats.isFile()) found = await this.containment(full, stats);
        if (found === 'inside') return new LocalOpenedFile(fd, stats);
      } finally {
        if (found !== 'inside') closeQuietly(fd);
      }
      if (found === 'outside') return null;
    }
    return null;
  }

  /** Whether the file opened at `full` lies inside the root once symlinks are resolved, or `full` now names another file. */
  private async containment(full: string, opened: Stats): Promise<'inside' | 'outside' | 'changed'> {
    const identity = inodeIdentity(opened);
    if (this.contained.get(full) === identity) return 'inside';
    let real: string;
    let realRoot: string;
    let now: Stats;
    try {
      [real, realRoot] = await Promise.all([realpath(full), realpath(this.root)]);
      now = await stat(real);
    } catch {
      return 'changed';
    }
    if (!isInside(realRoot, real)) return 'outside';
    if (inodeIdentity(now) !== identity) return 'changed';
    if (this.contained.size >= CONTAINMENT_CACHE_SIZE) this.contained.delete(this.contained.keys().next().value as string);
    this.contained.set(full, identity);
    return 'inside';
  }

  async stat(key: string): Promise<StoredFile | null> {
    try {
      const s = await stat(this.localPath(key));
      return s.isFile() ? { size: s.size, modifiedAt: s.mtime } : null;
    } catch {
      return null;
    }
  }

  readText(key: string): Promise<string> {
    return readFile(this.localPath(key), 'utf8');
  }

  async writeAtomic(key: string, data: string | Buffer): Promise<void> {
    const target = this.localPath(key);
    await mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`;
    try {
      await writeFile(temp, data, { flush: true });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    // the rename itself is durable only once the folder's entry is on disk
    const dir = await open(dirname(target), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  async freeBytes(): Promise<number> {
    const fs = await statfs(this.root);
    return fs.bavail * fs.bsize;
  }

  async writeStream(key: string, source: Readable): Promise<number> {
    const target = this.localPath(key);
    await mkdir(dirname(target), { recursive: true });
    const out = createWriteStream(target, { flags: 'wx' });
    try {
      await pipeline(source, out);
    } catch (error) {
      // a source that fails at once can beat the file's opening: removed only once the stream has closed it
      if (!out.closed) await new Promise<void>((closed) => out.once('close', () => closed()));
      await rm(target, { force: true });
      throw error;
    }
    return out.bytesWritten;
  }

  /**
   * A hard link when both are on one filesystem: the file's bytes stay where they are, and its
   * first name can be removed by whoever owns it. A copy otherwise, removed if it fails part-way.
   */
  async importFile(key: string, localPath: string): Promise<number> {
    const target = this.localPath(key);
    await mkdir(dirname(target), { recursive: true });
    try {
      await link(localPath, target);
    } catch (error) {
      if (!CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      try {
        await copyFile(localPath, target, fsConstants.COPYFILE_EXCL);
      } catch (copyError) {
        await rm(target, { force: true });
        throw copyError;
      }
    }
    return (await stat(target)).size;
  }

  async list(dirKey: string): Promise<string[]> {
    try {
      return await readdir(this.localPath(dirKey));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /**
   * Synchronous reads on purpose: over 10,000 folders the thread-pool round trips of async fs (five
   * per file read) cost several times the reads themselves. Between batches it yields to the event
   * loop, so start-up work that waits on other processes (ffmpeg's checks) goes on meanwhile.
   */
  async *scanFolders(dirKey: string, fileName: string): AsyncGenerator<ScannedFolder[]> {
    const dir = this.localPath(dirKey);
    const names = readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
    for (let start = 0; start < names.length; start += SCAN_BATCH) {
      if (start > 0) await new Promise((resolve) => setImmediate(resolve));
      yield names.slice(start, start + SCAN_BATCH).map(({ name }) => {
        const entries = listSync(join(dir, name));
        let file: string | Error | null = null;
        if (entries.includes(fileName)) {
          try {
            file = readFileSync(join(dir, name, fileName), 'utf8');
          } catch (error) {
            file = error as Error;
          }
        }
        return { name, entries, file };
      });
    }
  }

  async ensureDir(dirKey: string): Promise<void> {
    await mkdir(this.localPath(dirKey), { recursive: true });
  }

  async rename(fromKey: string, toKey: string): Promise<void> {
    await mkdir(dirname(this.localPath(toKey)), { recursive: true });
    await rename(this.localPath(fromKey), this.localPath(toKey));
  }

  async link(fromKey: string, toKey: string): Promise<void> {
    const [from, to] = [this.localPath(fromKey), this.localPath(toKey)];
    try {
      await link(from, to);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [a, b] = await Promise.all([stat(from), stat(to)]);
      if (a.ino !== b.ino || a.dev !== b.dev) throw error;
    }
  }

  async removeTree(key: string): Promise<void> {
    await rm(this.localPath(key), { recursive: true, force: true });
  }
}

/** Names in a folder; [] when it is gone. */
function listSync(path: string): string[] {
  try {
    return readdirSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
