import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error';
import { Storage } from '../storage/storage';
import { MANIFEST_FILE, manifestKey, PlaylistManifest } from './manifest';
import { FolderListing, sweepTargets } from './startup-sweep';
import { compareNewestFirst, decodeCursor, Page, paginate } from './pagination';


/**
 * The catalog: `manifest.json` per playlist is the record, written atomically; an in-memory
 * index, built once at start-up and kept current by every write, answers the queries.
 */
@Injectable()
export class CatalogService implements OnModuleInit {
  private readonly logger = new Logger(CatalogService.name);
  private readonly index = new Map<string, PlaylistManifest>();
  private sorted: PlaylistManifest[] | null = null;

  constructor(private readonly storage: Storage) {}

  /** One listing of the media root serves both the sweep and the load. */
  async onModuleInit(): Promise<void> {
    await this.storage.ensureDir('');
    const names = (await this.storage.listFolders('')).filter((name) => !name.startsWith('.'));
    const folders = await Promise.all(names.map(async (name) => ({ name, entries: await this.storage.list(name) })));
    await this.sweep(folders);
    for (const { name } of folders.filter((f) => f.entries.includes(MANIFEST_FILE))) {
      try {
        const manifest = JSON.parse(await this.storage.readText(manifestKey(name))) as PlaylistManifest;
        if (manifest.id !== name) throw new Error(`id ${manifest.id} does not match its folder`);
        this.index.set(name, manifest);
      } catch (error) {
        this.logger.warn({ event: 'catalog.skip', playlistId: name, reason: (error as Error).message });
      }
    }
    this.sorted = null;
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
    this.sorted ??= [...this.index.values()].sort(compareNewestFirst);
    return this.sorted;
  }

  page(first: number, after: string | null): Page<PlaylistManifest> & { totalCount: number } {
    const cursor = after ? decodeCursor(after) : null;
    return { ...paginate(this.all(), first, cursor), totalCount: this.index.size };
  }

  /** Persists the manifest (temp file + rename), then updates the index. */
  async save(manifest: PlaylistManifest): Promise<PlaylistManifest> {
    const next = { ...manifest, updated_at: new Date().toISOString() };
    await this.storage.writeAtomic(manifestKey(next.id), JSON.stringify(next, null, 2) + '\n');
    if (!this.index.has(next.id)) this.sorted = null;
    this.index.set(next.id, next);
    if (this.sorted) this.sorted = this.sorted.map((m) => (m.id === next.id ? next : m));
    return next;
  }

  async update(playlistId: string, change: Partial<PlaylistManifest>): Promise<PlaylistManifest> {
    return this.save({ ...this.get(playlistId), ...change });
  }

  /** Removes the playlist from the index first, so it disappears from listings before its files go. */
  async remove(playlistId: string): Promise<void> {
    this.get(playlistId);
    this.index.delete(playlistId);
    this.sorted = null;
    await this.storage.removeTree(playlistId);
  }
}
