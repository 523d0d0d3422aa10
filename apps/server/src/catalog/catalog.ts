import type { PlaylistManifest } from './manifest';
import type { PlaylistStatus } from './models/playlist-status.enum';
import type { Page } from './pagination';

/** A value now (the embedded index) or later (a database): callers await either. */
export type Awaitable<T> = T | Promise<T>;

export type CatalogPage = Page<PlaylistManifest> & { totalCount: number };

/** An outside service the catalog needs, and whether it answers right now. */
export interface CatalogDependency {
  name: string;
  up: boolean;
}

/** Told of every change this process writes: `before` is null for a new playlist, `after` null for a removed one. */
export type CatalogListener = (before: PlaylistManifest | null, after: PlaylistManifest | null) => void;

/**
 * The catalog of playlists: what the resolvers, upload, transcode and progress code read and
 * write. The manifest-file index (CatalogService) is the embedded default; PostgresCatalog
 * serves several processes. Both write `manifest.json` beside each playlist as its portable record.
 */
export abstract class Catalog {
  private readonly listeners: CatalogListener[] = [];

  abstract find(playlistId: string): Awaitable<PlaylistManifest | null>;
  /** Throws NotFoundError when there is no such playlist. */
  abstract get(playlistId: string): Awaitable<PlaylistManifest>;
  /** Newest first, `first` items after the cursor `after` (an encodeCursor string). */
  abstract page(first: number, after: string | null): Awaitable<CatalogPage>;
  /** Playlists in any of `statuses`, oldest first. */
  abstract withStatus(statuses: readonly PlaylistStatus[]): Awaitable<PlaylistManifest[]>;
  /** Records the whole manifest (created or replaced). */
  abstract save(manifest: PlaylistManifest): Promise<PlaylistManifest>;
  /**
   * Merges `change` into the current manifest; throws NotFoundError when the playlist is gone. With
   * `run`, only while the manifest's `job_run` is that run (checked and written as one step, across
   * processes); otherwise throws RunSupersededError and changes nothing.
   */
  abstract update(playlistId: string, change: Partial<PlaylistManifest>, run?: string): Promise<PlaylistManifest>;
  /** Removes the playlist from listings, then its files; throws NotFoundError when there is none. */
  abstract remove(playlistId: string): Promise<void>;
  /** The outside service this catalog depends on and whether it answers; null when it needs none. */
  abstract dependency(): Promise<CatalogDependency | null>;

  /** Calls `listener` after each change this process persists, so others can follow transitions without the writers knowing them. */
  onChange(listener: CatalogListener): void {
    this.listeners.push(listener);
  }

  protected changed(before: PlaylistManifest | null, after: PlaylistManifest | null): void {
    for (const listener of this.listeners) listener(before, after);
  }
}
