import type { Readable } from 'node:stream';

export interface StoredFile {
  size: number;
  modifiedAt: Date;
}

/**
 * A file opened for reading, with its size and mtime as of the open. Reads keep seeing those
 * bytes even when the name is removed or renamed over meanwhile.
 */
export interface OpenedFile extends StoredFile {
  /** Reads into `buffer` from `position`; resolves the number of bytes read, 0 at the end of the file. */
  read(buffer: Buffer, position: number): Promise<number>;
  /** Releases the file; further calls do nothing. */
  close(): void;
}

/**
 * Where playlists live. Paths are relative to the media root, use `/` separators,
 * and are rejected if they would leave the root. The local-disk adapter is the
 * embedded default; object storage can implement the same contract later.
 */
export abstract class Storage {
  /** Absolute local path of a key, for tools (ffmpeg) that need a real file; throws if it escapes the root. */
  abstract localPath(key: string): string;
  abstract stat(key: string): Promise<StoredFile | null>;
  abstract readText(key: string): Promise<string>;
  /** Writes a temp file, fsyncs it, renames it over the key and fsyncs the folder: readers never see half a file, and a crash leaves the old or the new one. */
  abstract writeAtomic(key: string, data: string | Buffer): Promise<void>;
  /** Streams into the key; on any error the partial file is removed. Returns bytes written. */
  abstract writeStream(key: string, source: Readable): Promise<number>;
  /** Opens a regular file for reading; null when it is missing, not a regular file, or (symlinks resolved) outside the root. */
  abstract openRead(key: string): Promise<OpenedFile | null>;
  /** Names in a folder; [] when it does not exist. */
  abstract list(dirKey: string): Promise<string[]>;
  /** Names of the sub-folders only. */
  abstract listFolders(dirKey: string): Promise<string[]>;
  abstract ensureDir(dirKey: string): Promise<void>;
  abstract rename(fromKey: string, toKey: string): Promise<void>;
  /** Gives a whole file a second name without copying it (a hard link); resolves if that name already holds the same file. */
  abstract link(fromKey: string, toKey: string): Promise<void>;
  abstract removeTree(key: string): Promise<void>;
  /** Bytes a writer may still use on the media volume. */
  abstract freeBytes(): Promise<number>;
}
