import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error';
import { Storage } from '../storage/storage';
import { MANIFEST_FILE, manifestKey, PlaylistManifest } from './manifest';
import { FolderListing, sweepTargets } from './startup-sweep';
import { compareNewestFirst, decodeCursor, firstAfter, Page, paginate } from './pagination';

/** Told of every saved change: `before` is null for a new playlist, `after` null for a removed one. */
export type CatalogListener = (before: PlaylistManifest | null, after: PlaylistManifest | null) => void;

/**
 * The catalog: `manifest.json` per playlist is the record, written atomically; an in-memory
 * index, built once at start-up and kept current by every write, answers the queries.
 */
@Injectable()
export class CatalogService implements OnModuleInit {
  private readonly logger = new Logger(CatalogService.name);
  private readonly index = new Map<string, PlaylistManifest>();
  /** The index newest first, kept in order by every write so a listing never sorts. */
  private sorted: PlaylistManifest[] = [];
  private loading: Promise<void> | null = null;
  private readonly listeners: CatalogListener[] = [];

  constructor(private readonly storage: Storage) {}

  /** Loads the index once. The module's factory starts it beside the rest of start-up; Nest's init hook then finds it done. */
  load(): Promise<void> {
    return (this.loading ??= this.scanMediaRoot());
  }

  onModuleInit(): Promise<void> {
    return this.load();
  }

  /** One scan of the media root serves both the sweep and the load. */
  private async scanMediaRoot(): Promise<void> {
    await this.storage.ensureDir('');
    for await (const folders of this.storage.scanFolders('', MANIFEST_FILE)) {
      await this.sweep(folders);
      for (const { name, file } of folders) {
        if (file === null) continue;
        try {
          if (file instanceof Error) throw file;
          const manifest = JSON.parse(file) as PlaylistManifest;
          if (manifest.id !== name) throw new Error(`id ${manifest.id} does not match its folder`);
          this.index.set(name, manifest);
        } catch (error) {
          this.logger.warn({ event: 'catalog.skip', playlistId: name, reason: (error as Error).message });
        }
      }
    }
    this.sorted = [...this.index.values()].sort(compareNewestFirst);
    this.logger.log({ event: 'catalog.loaded', playlists: this.index.size });
  }

  /** Removes what a crash left behind (see sweepTargets), saying what and why. */
  private async sweep(folders: readonly FolderListing[]): Promise<void> {
    for (const target of sweepTargets(folders)) {
      await this.storage.removeTree(target.key);
      this.logger.warn({ event: 'catalog.swept', key: target.key, reason: target.reason });
    }
  }

  find(playlistId: string): PlaylistManifest | null {
    return this.index.get(playlistId) ?? null;
  }

  get(playlistId: string): PlaylistManifest {
    const manifest = this.find(playlistId);
    if (!manifest) throw new NotFoundError(`No playlist with id "${playlistId}"`);
    return manifest;
  }

  all(): readonly PlaylistManifest[] {
    return this.sorted;
  }

  page(first: number, after: string | null): Page<PlaylistManifest> & { totalCount: number } {
    const cursor = after ? decodeCursor(after) : null;
    return { ...paginate(this.sorted, first, cursor), totalCount: this.index.size };
  }

  /** Calls `listener` after each change is persisted, so others can follow transitions without the writers knowing them. */
  onChange(listener: CatalogListener): void {
    this.listeners.push(listener);
  }

  /** Persists the manifest (temp file + rename), then updates the index. */
  async save(manifest: PlaylistManifest): Promise<PlaylistManifest> {
    const next = { ...manifest, updated_at: new Date().toISOString() };
    await this.storage.writeAtomic(manifestKey(next.id), JSON.stringify(next, null, 2) + '\n');
    const before = this.index.get(next.id) ?? null;
    this.unlist(before ?? undefined);
    this.index.set(next.id, next);
    this.sorted.splice(firstAfter(this.sorted, next), 0, next);
    for (const listener of this.listeners) listener(before, next);
    return next;
  }

  async update(playlistId: string, change: Partial<PlaylistManifest>): Promise<PlaylistManifest> {
    return this.save({ ...this.get(playlistId), ...change });
  }

  /** Removes the playlist from the index first, so it disappears from listings before its files go. */
  async remove(playlistId: string): Promise<void> {
    const before = this.get(playlistId);
    this.unlist(before);
    this.index.delete(playlistId);
    await this.storage.removeTree(playlistId);
    for (const listener of this.listeners) listener(before, null);
  }

  private unlist(manifest: PlaylistManifest | undefined): void {
    if (manifest) this.sorted.splice(firstAfter(this.sorted, manifest) - 1, 1);
  }
}
