import { PlaylistStatus } from './models/playlist-status.enum';
import { Logger } from '@nestjs/common';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotFoundError } from '../errors/domain-error';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { CatalogService } from './catalog.service';
import type { PlaylistManifest } from './manifest';
import { encodeCursor } from './pagination';

function manifest(id: string, ts: number): PlaylistManifest {
  return {
    id, title: id, status: PlaylistStatus.READY, error: null, created_at: new Date(ts * 1000).toISOString(), created_at_ts: ts, updated_at: '',
    source: { filename: 'a.mp4', path: 'source/a.mp4', size_bytes: 1, width: 2, height: 2, display_width: 2, display_height: 2, rotation: 0, duration: 1, frame_rate: 25, video_codec: 'h264', pixel_format: 'yuv420p', audio_codec: null, has_audio: false },
    segment_duration: 4, requested_resolutions: [144], skipped_resolutions: [], ladder: [], variants: [], hls_manifest: null, dash_manifest: null, poster: null, progress: null,
  };
}

describe('CatalogService', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cmm-catalog-'));
  });

  function seed(m: PlaylistManifest | string, id: string): void {
    mkdirSync(join(root, id), { recursive: true });
    writeFileSync(join(root, id, 'manifest.json'), typeof m === 'string' ? m : JSON.stringify(m));
  }

  async function open(): Promise<CatalogService> {
    const catalog = new CatalogService(new LocalDiskStorage(root));
    await catalog.onModuleInit();
    return catalog;
  }

  it('indexes every manifest at start-up, newest first, skipping unreadable ones', async () => {
    seed(manifest('old', 100), 'old');
    seed(manifest('new', 300), 'new');
    seed('{ half a manif', 'broken');
    seed(manifest('elsewhere', 200), 'moved');
    mkdirSync(join(root, 'no-manifest'));
    const catalog = await open();
    expect(catalog.all().map((m) => m.id)).toEqual(['new', 'old']);
    expect(catalog.page(1, null)).toMatchObject({ hasNextPage: true, totalCount: 2 });
  });

  it('reports a corrupt manifest and goes on loading the rest', async () => {
    seed(manifest('good', 100), 'good');
    seed('{ half a manif', 'broken');
    const warnings: unknown[] = [];
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(message));
    try {
      const catalog = await open();
      expect(catalog.all().map((m) => m.id)).toEqual(['good']);
      expect(warnings).toContainEqual(expect.objectContaining({ event: 'catalog.skip', playlistId: 'broken', reason: expect.stringMatching(/JSON/) }));
      expect(existsSync(join(root, 'broken', 'manifest.json'))).toBe(true);
    } finally {
      warn.mockRestore();
    }
  });

  it('sweeps what a crash left at start-up: cut-off uploads, work folders, temp files; nothing else', async () => {
    seed(manifest('a', 100), 'a');
    mkdirSync(join(root, 'a', '.work', 'f00d'), { recursive: true });
    writeFileSync(join(root, 'a', 'manifest.json.0123456789ab.tmp'), '{ "id": "a", "tit');
    mkdirSync(join(root, 'cut', 'source'), { recursive: true });
    writeFileSync(join(root, 'cut', 'source', 'clip.mp4'), 'part of a video');
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'notes', 'todo.txt'), 'not ours');
    writeFileSync(join(root, 'stray-file'), 'not a folder');
    const catalog = await open();
    expect(readdirSync(root).sort()).toEqual(['a', 'notes', 'stray-file']);
    expect(readdirSync(join(root, 'a'))).toEqual(['manifest.json']);
    expect(catalog.all().map((m) => m.id)).toEqual(['a']);
  });

  it('persists every save to manifest.json and keeps the index current', async () => {
    const catalog = await open();
    await catalog.save(manifest('a', 100));
    await catalog.update('a', { status: PlaylistStatus.FAILED, error: 'boom' });
    expect(catalog.get('a')).toMatchObject({ status: 'FAILED', error: 'boom' });
    expect(JSON.parse(readFileSync(join(root, 'a', 'manifest.json'), 'utf8'))).toMatchObject({ status: 'FAILED', error: 'boom' });
    expect((await open()).get('a').status).toBe('FAILED');
  });

  it('keeps the listing newest first through saves, updates and removals', async () => {
    const catalog = await open();
    for (const [id, ts] of [['b', 200], ['d', 400], ['a', 100], ['c', 300]] as const) await catalog.save(manifest(id, ts));
    await catalog.update('b', { title: 'renamed' });
    await catalog.remove('d');
    await catalog.save(manifest('e', 300));
    expect(catalog.all().map((m) => m.id)).toEqual(['e', 'c', 'b', 'a']);
    expect(catalog.all()[2].title).toBe('renamed');
    const first = catalog.page(2, null);
    expect(first.items.map((m) => m.id)).toEqual(['e', 'c']);
    expect(catalog.page(2, encodeCursor(first.items[1])).items.map((m) => m.id)).toEqual(['b', 'a']);
  });

  it('removes a playlist from the index and the disk', async () => {
    const catalog = await open();
    await catalog.save(manifest('a', 100));
    await catalog.remove('a');
    expect(catalog.find('a')).toBeNull();
    expect(() => catalog.get('a')).toThrow(NotFoundError);
    expect((await open()).all()).toEqual([]);
  });

  it('tells listeners of each change once it is on disk: new, updated, removed', async () => {
    const catalog = await open();
    const changes: [string | null, string | null, boolean][] = [];
    catalog.onChange((before, after) => changes.push([before?.status ?? null, after?.status ?? null, existsSync(join(root, 'a'))]));
    await catalog.save({ ...manifest('a', 100), status: PlaylistStatus.QUEUED });
    await catalog.update('a', { status: PlaylistStatus.READY });
    await catalog.remove('a');
    expect(changes).toEqual([
      [null, 'QUEUED', true],
      ['QUEUED', 'READY', true],
      ['READY', null, false],
    ]);
  });
});
