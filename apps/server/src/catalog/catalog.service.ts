import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error';
import { Storage } from '../storage/storage';
import { Catalog, CatalogDependency, CatalogPage } from './catalog';
import { MANIFEST_FILE, manifestKey, PlaylistManifest } from './manifest';
import { manifestsIn } from './manifest-scan';
import { RunSupersededError } from './run-superseded-error';
import type { PlaylistStatus } from './models/playlist-status.enum';
import { FolderListing, sweepTargets } from './startup-sweep';
import { compareNewestFirst, decodeCursor, firstAfter, paginate } from './pagination';

/**
 * The embedded catalog: `manifest.json` per playlist is the record, written atomically; an
 * in-memory index, built once at start-up and kept current by every write, answers the queries.
 */
@Injectable()
export class CatalogService extends Catalog implements OnModuleInit {
  private readonly logger = new Logger(CatalogService.name);
  private readonly index = new Map<string, PlaylistManifest>();
  /** The index newest first, kept in order by every write so a listing never sorts. */
  private sorted: PlaylistManifest[] = [];
  private loading: Promise<void> | null = null;
  /** Per playlist, the last write queued: writes to one playlist run one at a time. */
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(private readonly storage: Storage) {
    super();
  }

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
      const { manifests, unreadable } = manifestsIn(folders);
      for (const manifest of manifests) this.index.set(manifest.id, manifest);
      for (const skipped of unreadable) this.logger.warn({ event: 'catalog.skip', ...skipped });
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

  page(first: number, after: string | null): CatalogPage {
    const cursor = after ? decodeCursor(after) : null;
    return { ...paginate(this.sorted, first, cursor), totalCount: this.index.size };
  }

  withStatus(statuses: readonly PlaylistStatus[]): PlaylistManifest[] {
    return this.sorted.filter((m) => statuses.includes(m.status)).reverse();
  }

  async dependency(): Promise<CatalogDependency | null> {
    return null;
  }

  save(manifest: PlaylistManifest): Promise<PlaylistManifest> {
    return this.inTurn(manifest.id, () => this.write(manifest));
  }

  /** Merges into the manifest as the write before left it, so concurrent updates keep each other's changes. */
  update(playlistId: string, change: Partial<PlaylistManifest>, run?: string): Promise<PlaylistManifest> {
    return this.inTurn(playlistId, () => {
      const current = this.get(playlistId);
      if (run !== undefined && current.job_run !== run) throw new RunSupersededError(playlistId, run);
      return this.write({ ...current, ...change });
    });
  }

  /** Removes the playlist from the index first, so it disappears from listings before its files go. */
  remove(playlistId: string): Promise<void> {
    return this.inTurn(playlistId, async () => {
      const before = this.get(playlistId);
      this.unlist(before);
      this.index.delete(playlistId);
      await this.storage.removeTree(playlistId);
      this.changed(before, null);
    });
  }

  /** Persists the manifest (temp file + rename), then updates the index. */
  private async write(manifest: PlaylistManifest): Promise<PlaylistManifest> {
    const next = { ...manifest, updated_at: new Date().toISOString() };
    await this.storage.writeAtomic(manifestKey(next.id), JSON.stringify(next, null, 2) + '\n');
    const before = this.index.get(next.id) ?? null;
    this.unlist(before ?? undefined);
    this.index.set(next.id, next);
    this.sorted.splice(firstAfter(this.sorted, next), 0, next);
    this.changed(before, next);
    return next;
  }

  /** Runs `write` once the playlist's writes queued before it have settled. */
  private inTurn<T>(playlistId: string, write: () => Promise<T>): Promise<T> {
    const result = (this.turns.get(playlistId) ?? Promise.resolve()).then(write);
    const settled = result.catch(() => undefined);
    this.turns.set(playlistId, settled);
    void settled.then(() => this.turns.get(playlistId) === settled && this.turns.delete(playlistId));
    return result;
  }

  private unlist(manifest: PlaylistManifest | undefined): void {
    if (manifest) this.sorted.splice(firstAfter(this.sorted, manifest) - 1, 1);
  }
}
