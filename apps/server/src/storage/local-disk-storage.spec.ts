import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import fsPromises from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isInside, LocalDiskStorage } from './local-disk-storage';
import type { ScannedFolder } from './storage';

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cmm-storage-'));
    storage = new LocalDiskStorage(root);
  });

  it.each([
    ['/media', '/media', true],
    ['/media', '/media/a/b', true],
    ['/media', '/media-other/a', false],
    ['/media', '/', false],
    ['/media', '/media/../etc', false],
  ])('isInside(%s, %s) is %s', (parent, child, expected) => {
    expect(isInside(parent, child)).toBe(expected);
  });

  it.each(['../outside', 'a/../../outside', '/etc/passwd', 'a\0b'])('refuses the key %j', (key) => {
    expect(() => storage.localPath(key)).toThrow();
  });

  it('writes atomically, leaving no temp file behind', async () => {
    await storage.writeAtomic('p1/manifest.json', '{"a":1}');
    await storage.writeAtomic('p1/manifest.json', '{"a":2}');
    expect(readFileSync(join(root, 'p1/manifest.json'), 'utf8')).toBe('{"a":2}');
    expect(readdirSync(join(root, 'p1'))).toEqual(['manifest.json']);
  });

  it('streams a file in and counts its bytes', async () => {
    const size = await storage.writeStream('p1/source/a.mp4', Readable.from([Buffer.alloc(1000), Buffer.alloc(24)]));
    expect(size).toBe(1024);
    expect((await storage.stat('p1/source/a.mp4'))?.size).toBe(1024);
  });

  it('imports a local file by hard link: no byte is copied, and the first name can go', async () => {
    const local = join(mkdtempSync(join(tmpdir(), 'cmm-storage-buffer-')), 'upload.tmp');
    writeFileSync(local, 'a video');
    expect(await storage.importFile('p1/source/a.mp4', local)).toBe(7);
    expect(statSync(join(root, 'p1/source/a.mp4')).ino).toBe(statSync(local).ino);
  });

  it('imports by copying when the file is on another filesystem', async () => {
    const local = join(mkdtempSync(join(tmpdir(), 'cmm-storage-buffer-')), 'upload.tmp');
    writeFileSync(local, 'a video');
    const link = jest.spyOn(fsPromises, 'link').mockRejectedValueOnce(Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }));
    try {
      expect(await storage.importFile('p1/source/a.mp4', local)).toBe(7);
    } finally {
      link.mockRestore();
    }
    expect(readFileSync(join(root, 'p1/source/a.mp4'), 'utf8')).toBe('a video');
    expect(statSync(join(root, 'p1/source/a.mp4')).ino).not.toBe(statSync(local).ino);
  });

  it('removes the partial file when the incoming stream fails', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(100));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.writeStream('p1/source/a.mp4', failing)).rejects.toThrow('client went away');
    expect(await storage.list('p1/source')).toEqual([]);
  });

  it('links a file under a second name, again without complaint, but never over another file', async () => {
    await storage.writeAtomic('p1/.work/seg.m4s', 'whole');
    await storage.writeAtomic('p1/stream/other.m4s', 'other');
    await storage.link('p1/.work/seg.m4s', 'p1/stream/seg.m4s');
    await storage.link('p1/.work/seg.m4s', 'p1/stream/seg.m4s');
    await storage.removeTree('p1/.work');
    expect(readFileSync(join(root, 'p1/stream/seg.m4s'), 'utf8')).toBe('whole');
    await storage.writeAtomic('p1/.work/seg.m4s', 'new');
    await expect(storage.link('p1/.work/seg.m4s', 'p1/stream/other.m4s')).rejects.toMatchObject({ code: 'EEXIST' });
  });

  it('opens a file with its size and reads the bytes it opened, even after the name is renamed over', async () => {
    await storage.writeAtomic('p1/stream/master.m3u8', 'first');
    const file = await storage.openRead('p1/stream/master.m3u8');
    await storage.writeAtomic('p1/stream/master.m3u8', 'second version');
    const buffer = Buffer.alloc(10);
    expect(file?.size).toBe(5);
    expect(await file?.read(buffer, 0)).toBe(5);
    expect(buffer.subarray(0, 5).toString()).toBe('first');
    file?.close();
    file?.close();
    expect((await storage.openRead('p1/stream/master.m3u8'))?.size).toBe(14);
  });

  it.each([
    ['a missing file', 'p1/nope.m4s'],
    ['a folder', 'p1'],
    ['a key escaping the root', '../outside.m4s'],
  ])('opens nothing for %s', async (_name, key) => {
    await storage.writeAtomic('p1/poster.jpg', 'x');
    expect(await storage.openRead(key)).toBeNull();
  });

  it('lists a missing folder as empty and removes trees', async () => {
    expect(await storage.list('nothing-here')).toEqual([]);
    await storage.writeAtomic('p2/stream/x.m4s', 'x');
    await storage.removeTree('p2');
    expect(await storage.list('')).toEqual([]);
  });

  it('scans the sub-folders with their entries and the file asked for, skipping hidden ones and files', async () => {
    await storage.writeAtomic('root/a/manifest.json', '{"id":"a"}');
    await storage.writeAtomic('root/a/poster.jpg', 'x');
    await storage.writeAtomic('root/b/source/clip.mp4', 'x');
    await storage.ensureDir('root/c/manifest.json');
    await storage.writeAtomic('root/.uploads/capacitor-1.tmp', 'x');
    await storage.writeAtomic('root/stray-file', 'x');
    const scanned: ScannedFolder[] = [];
    for await (const batch of storage.scanFolders('root', 'manifest.json')) scanned.push(...batch);
    scanned.sort((x, y) => x.name.localeCompare(y.name));
    expect(scanned.map(({ name, entries }) => ({ name, entries: entries.sort() }))).toEqual([
      { name: 'a', entries: ['manifest.json', 'poster.jpg'] },
      { name: 'b', entries: ['source'] },
      { name: 'c', entries: ['manifest.json'] },
    ]);
    expect(scanned.map((f) => f.file)).toEqual(['{"id":"a"}', null, expect.objectContaining({ code: 'EISDIR' })]);
  });

  it('scans a large root a batch at a time, missing none', async () => {
    for (let i = 0; i < 450; i++) await storage.ensureDir(`many/p${i}`);
    const batches: number[] = [];
    for await (const batch of storage.scanFolders('many', 'manifest.json')) batches.push(batch.length);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(450);
  });
});
