import type { OnModuleDestroy } from '@nestjs/common';
import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import { Storage } from '../storage/storage';

/** How a wait ended: the playlist answers, time ran out, the client left, too many were held, or the server stops. */
export type HoldOutcome = 'ready' | 'timeout' | 'closed' | 'full' | 'shutdown';

/**
 * Held requests per process. Each keeps its socket open (a file descriptor) and a timer; past this
 * many, a new one is answered 503 at once rather than risk the process's descriptors (1024 by
 * default on Linux), which segments and uploads need too.
 */
export const MAX_HELD = 1000;
/**
 * The stat poll beside the folder watch: inotify sees a rename on this host at once, whichever
 * process made it; the poll covers what it cannot see (a network volume written from another host)
 * and a watch that failed (inotify limits).
 */
export const POLL_MS = 250;

export interface HeldReloadsOptions {
  maxHeld: number;
  pollMs: number;
  /** `fs.watch`; tests pass one that fails, as on a volume inotify cannot see. */
  watch: (folder: string, options: { persistent: boolean }, listener: (event: string, name: string | null) => void) => FSWatcher;
}

interface Waiter {
  ready: (playlist: string | null) => boolean;
  finish: (outcome: HoldOutcome) => void;
}

/** One playlist being waited on: a watch on its folder and a poll, shared by every request held on it. */
interface Watched {
  waiters: Set<Waiter>;
  watcher: FSWatcher | null;
  poll: NodeJS.Timeout;
  /** The file's size and mtime when last read, so the poll reads only a changed file. */
  seen: string;
  reading: boolean;
  readAgain: boolean;
}

/**
 * Holds playlist requests until the file at a storage key says they can be answered. The writer
 * may be another process (ROLE=worker): the only thing shared is the file, renamed into place
 * whole, so this watches the file system, not the publisher. Nothing outlives its last waiter.
 */
export class HeldReloads implements OnModuleDestroy {
  private readonly watched = new Map<string, Watched>();
  private held = 0;
  private stopping = false;

  constructor(
    private readonly storage: Storage,
    private readonly options: HeldReloadsOptions = { maxHeld: MAX_HELD, pollMs: POLL_MS, watch },
  ) {}

  /** Requests held right now. */
  get size(): number {
    return this.held;
  }

  /** Playlists watched right now: one folder watch and one poll timer each. */
  get watching(): number {
    return this.watched.size;
  }

  /**
   * Resolves 'ready' once `ready` holds for the playlist's text (null: the file is gone), read
   * after each change; 'timeout' after `timeoutMs`; 'closed' once `closed` aborts.
   */
  wait(key: string, ready: (playlist: string | null) => boolean, timeoutMs: number, closed: AbortSignal): Promise<HoldOutcome> {
    if (closed.aborted) return Promise.resolve('closed');
    if (this.stopping) return Promise.resolve('shutdown');
    if (this.held >= this.options.maxHeld) return Promise.resolve('full');
    return new Promise((resolve) => {
      const watched = this.watch(key);
      const finish = (outcome: HoldOutcome) => {
        if (!watched.waiters.delete(waiter)) return;
        clearTimeout(timer);
        closed.removeEventListener('abort', onClose);
        this.held--;
        if (watched.waiters.size === 0) this.unwatch(key, watched);
        resolve(outcome);
      };
      const waiter: Waiter = { ready, finish };
      const onClose = () => finish('closed');
      const timer = setTimeout(() => finish('timeout'), timeoutMs);
      closed.addEventListener('abort', onClose, { once: true });
      watched.waiters.add(waiter);
      this.held++;
      // the caller decided on a read made before the watch began: a rename since would go unseen
      void this.check(key, watched);
    });
  }

  /**
   * Answers every held request, and any later one, at once: Apollo's drain (GraphQLModule's
   * destroy, after this one) waits up to 10 s for open requests before it cuts them.
   */
  onModuleDestroy(): void {
    this.stopping = true;
    for (const watched of [...this.watched.values()]) for (const waiter of [...watched.waiters]) waiter.finish('shutdown');
  }

  private watch(key: string): Watched {
    const known = this.watched.get(key);
    if (known) return known;
    const path = this.storage.localPath(key);
    const name = basename(path);
    const watched: Watched = {
      waiters: new Set(),
      watcher: null,
      poll: setInterval(() => void this.poll(key, watched), this.options.pollMs),
      seen: '',
      reading: false,
      readAgain: false,
    };
    try {
      // writeAtomic renames a temp file over the name: the event names the playlist itself
      watched.watcher = this.options.watch(dirname(path), { persistent: false }, (_event, changed) => {
        if (changed === null || changed === name) void this.check(key, watched);
      });
      watched.watcher.on('error', () => this.stopWatcher(watched));
    } catch {
      // no such folder or no inotify watch left: the poll alone answers
    }
    this.watched.set(key, watched);
    return watched;
  }

  private unwatch(key: string, watched: Watched): void {
    clearInterval(watched.poll);
    this.stopWatcher(watched);
    this.watched.delete(key);
  }

  private stopWatcher(watched: Watched): void {
    watched.watcher?.close();
    watched.watcher = null;
  }

  private async poll(key: string, watched: Watched): Promise<void> {
    const stat = await this.storage.stat(key).catch(() => null);
    if (stat === null || `${stat.size}-${stat.modifiedAt.getTime()}` !== watched.seen) await this.check(key, watched);
  }

  /** Reads the playlist and releases whoever it answers; a change during a read makes one more read. */
  private async check(key: string, watched: Watched): Promise<void> {
    if (watched.reading) {
      watched.readAgain = true;
      return;
    }
    watched.reading = true;
    try {
      do {
        watched.readAgain = false;
        const stat = await this.storage.stat(key).catch(() => null);
        const text = stat === null ? null : await this.storage.readText(key).catch(() => null);
        watched.seen = stat === null ? '' : `${stat.size}-${stat.modifiedAt.getTime()}`;
        for (const waiter of [...watched.waiters]) if (waiter.ready(text)) waiter.finish('ready');
      } while (watched.readAgain && watched.waiters.size > 0);
    } finally {
      watched.reading = false;
    }
  }
}
