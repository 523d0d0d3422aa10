import { randomBytes } from 'node:crypto';
import { constants, createReadStream, createWriteStream, readdirSync, readFileSync } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, readFile, realpath, rename, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ScannedFolder, Storage, StoredFile } from './storage';

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

export class LocalDiskStorage extends Storage {
  private readonly root: string;

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

  async resolveExisting(key: string): Promise<string | null> {
    let full: string;
    try {
      full = this.localPath(key);
    } catch {
      return null;
    }
    try {
      const [real, realRoot] = await Promise.all([realpath(full), realpath(this.root)]);
      return isInside(realRoot, real) ? real : null;
    } catch {
      return null;
    }
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
        await copyFile(localPath, target, constants.COPYFILE_EXCL);
      } catch (copyError) {
        await rm(target, { force: true });
        throw copyError;
      }
    }
    return (await stat(target)).size;
  }

  readStream(key: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.localPath(key), range);
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
