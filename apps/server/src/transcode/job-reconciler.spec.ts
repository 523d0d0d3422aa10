import { ConsoleLogger, Logger } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogService } from '../catalog/catalog.service';
import type { PlaylistManifest } from '../catalog/manifest';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { AppConfig } from '../config/app-config';
import { ServiceUnavailableError } from '../errors/domain-error';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { JobQueue } from './job-queue';
import { JobReconciler } from './job-reconciler';

/** A queue kept outside the process (Redis in production): the spec empties it and says when it reconnects. */
class OutsideQueue extends JobQueue {
  readonly persistent = true;
  readonly jobs = new Set<string>();
  reachable = true;
  private readonly reconnectListeners: (() => void)[] = [];
  start(): void {
    return;
  }
  async enqueue(playlistId: string): Promise<void> {
    if (!this.reachable) throw new ServiceUnavailableError('redis', 'unreachable');
    this.jobs.add(playlistId);
  }
  waiting(): readonly string[] {
    return [...this.jobs];
  }
  async jobIds(): Promise<ReadonlySet<string>> {
    if (!this.reachable) throw new Error('unreachable');
    return new Set(this.jobs);
  }
  async cancel(playlistId: string): Promise<void> {
    this.jobs.delete(playlistId);
  }
  onChange(): void {
    return;
  }
  onReconnect(listener: () => void): void {
    this.reconnectListeners.push(listener);
  }
  reconnected(): void {
    for (const listener of this.reconnectListeners) listener();
  }
  async stop(): Promise<void> {
    return;
  }
}

describe('JobReconciler', () => {
  let root: string;
  let catalog: CatalogService;
  let queue: OutsideQueue;
  let reconciler: JobReconciler;

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));
  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'cmm-reconciler-'));
    catalog = new CatalogService(new LocalDiskStorage(root));
    await catalog.onModuleInit();
    queue = new OutsideQueue();
    reconciler = new JobReconciler(catalog, queue, Object.assign(new AppConfig(), { JOB_RECONCILE_MS: 3_600_000 }));
  });
  afterEach(() => {
    reconciler.onModuleDestroy();
    rmSync(root, { recursive: true, force: true });
  });

  const seed = (id: string, status: PlaylistStatus, ts: number) =>
    catalog.save({ id, title: id, status, error: null, created_at: new Date(ts * 1000).toISOString(), created_at_ts: ts, updated_at: '', progress: null, variants: [], hls_manifest: null, dash_manifest: null, poster: null } as unknown as PlaylistManifest);

  it('queues again, at start-up, the unfinished playlists whose jobs the queue lost', async () => {
    await seed('ready', PlaylistStatus.READY, 1);
    await seed('lost', PlaylistStatus.TRANSCODING, 2);
    await seed('kept', PlaylistStatus.QUEUED, 3);
    queue.jobs.add('kept');
    await reconciler.onApplicationBootstrap();
    expect([...queue.jobs].sort()).toEqual(['kept', 'lost']);
  });

  it('queues them again when the queue reconnects after coming back empty, and a pass it could not make does not stop the next', async () => {
    await seed('a', PlaylistStatus.QUEUED, 1);
    queue.reachable = false;
    await reconciler.onApplicationBootstrap();
    expect(queue.jobs.size).toBe(0);
    queue.reachable = true;
    queue.reconnected();
    while (queue.jobs.size === 0) await new Promise((resolve) => setImmediate(resolve));
    expect([...queue.jobs]).toEqual(['a']);
  });
});
