import type { Readable } from 'node:stream';

export interface StoredFile {
  size: number;
  modifiedAt: Date;
}

/** A sub-folder as a scan finds it: its entry names and the text of the one file asked for. */
export interface ScannedFolder {
  name: string;
  entries: string[];
  /** null when the folder has no such file; the error when it has one that could not be read. */
  file: string | Error | null;
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
  /** Puts a finished local file (not inside the root) at the key, moving no bytes where the volume allows; returns its size. */
  abstract importFile(key: string, localPath: string): Promise<number>;
  /** Names in a folder; [] when it does not exist. */
  abstract list(dirKey: string): Promise<string[]>;
  /** Every sub-folder of `dirKey` but hidden ones (`.name`), with its entries and its `fileName`, a batch at a time: one pass, as start-up needs. */
  abstract scanFolders(dirKey: string, fileName: string): AsyncIterable<ScannedFolder[]>;
  abstract ensureDir(dirKey: string): Promise<void>;
  abstract rename(fromKey: string, toKey: string): Promise<void>;
  /** Gives a whole file a second name without copying it (a hard link); resolves if that name already holds the same file. */
  abstract link(fromKey: string, toKey: string): Promise<void>;
  abstract removeTree(key: string): Promise<void>;
  /** Bytes a writer may still use on the media volume. */
  abstract freeBytes(): Promise<number>;
}
