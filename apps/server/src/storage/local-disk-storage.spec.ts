import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { isInside, LocalDiskStorage } from './local-disk-storage';

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

  it('lists only the sub-folders when asked for folders', async () => {
    await storage.writeAtomic('folders/a/manifest.json', '{}');
    await storage.writeAtomic('folders/b/x', 'x');
    await storage.writeAtomic('folders/stray-file', 'x');
    expect((await storage.listFolders('folders')).sort()).toEqual(['a', 'b']);
  });
});
