import { execFileSync } from 'node:child_process';
import {
  mkdir,
  mkdtemp,
  rename,
  rm,
  symlink,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import type { OpenedFile } from '../storage/storage';
import { rawGet } from '../testing/raw-get';
import { HeldReloads } from './held-reloads';
import { MediaRequestHandler } from './media-request-handler';
import { serveMediaFirst } from './serve-media-first';

/** What became of one opened file: the test sees whether it was closed and how much was read. */
interface OpenRecord {
  size: number;
  bytesRead: number;
  closed: boolean;
}

/** Real files, with every open recorded. */
class RecordingStorage extends LocalDiskStorage {
  readonly opened: OpenRecord[] = [];

  override async openRead(key: string): Promise<OpenedFile | null> {
    const file = await super.openRead(key);
    if (file === null) return null;
    const record: OpenRecord = { size: file.size, bytesRead: 0, closed: false };
    this.opened.push(record);
    return {
      size: file.size,
      modifiedAt: file.modifiedAt,
      read: async (buffer, position) => {
        const bytes = await file.read(buffer, position);
        record.bytesRead += bytes;
        return bytes;
      },
      close: () => {
        record.closed = true;
        file.close();
      },
    };
  }
}

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition() && waited < 5000; waited += 10)
    await new Promise((r) => setTimeout(r, 10));
}

const SEGMENT = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
const SECRET = 'outside the media root';

describe('MediaRequestHandler over HTTP, mounted in front of the framework', () => {
  let base: string;
  let root: string;
  let outside: string;
  let server: Server;
  let origin: string;
  let storage: RecordingStorage;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'media-handler-'));
    root = join(base, 'media');
    outside = join(base, 'outside');
    await mkdir(join(root, 'clip/stream/720p'), { recursive: true });
    await mkdir(join(outside, 'stream'), { recursive: true });
    await writeFile(join(outside, 'secret.txt'), SECRET);
    await writeFile(join(outside, 'stream/secret.m4s'), SECRET);
    await writeFile(join(root, 'clip/stream/720p/segment_00001.m4s'), SEGMENT);
    await writeFile(join(root, 'clip/stream/720p/init.mp4'), 'init');
    await writeFile(join(root, 'clip/stream/720p/playlist.m3u8'), '#EXTM3U\n');
    await writeFile(join(root, 'clip/stream/master.m3u8'), '#EXTM3U\n');
    await writeFile(join(root, 'clip/stream/manifest.mpd'), '<MPD/>');
    await writeFile(join(root, 'clip/poster.jpg'), 'jpeg');
    await writeFile(join(root, 'clip/manifest.json'), '{}');
    await writeFile(join(root, 'clip/source.mov'), 'mov');
    await writeFile(join(root, 'clip/stream/720p/segment_00002.m4s'), '');
    await writeFile(
      join(root, 'clip/stream/720p/segment_00003.m4s'),
      Buffer.alloc(32 * 1024 * 1024),
    );
    await mkdir(join(root, 'clip/.work/ab12'), { recursive: true });
    await writeFile(join(root, 'clip/.work/ab12/init.mp4'), 'work');
    await writeFile(join(root, '.health'), 'ok');
    await symlink(
      join(outside, 'secret.txt'),
      join(root, 'clip/stream/leak.m4s'),
    );
    await symlink(outside, join(root, 'escape'));
    await mkdir(join(root, 'alias'));
    await symlink(
      join(root, 'clip/poster.jpg'),
      join(root, 'alias/poster.jpg'),
    );
    execFileSync('mkfifo', [join(root, 'clip/stream/720p/segment_00009.m4s')]);

    storage = new RecordingStorage(root);
    // The framework's listener, as Nest's adapter installs it; media requests must never reach it.
    server = createServer((req, res) =>
      res
        .writeHead(418, { 'content-type': 'text/plain' })
        .end(`framework ${req.url}`),
    );
    serveMediaFirst(server, new MediaRequestHandler(storage, new HeldReloads(storage)));
    await new Promise<void>((resolve) =>
      server.listen(0, '127.0.0.1', resolve),
    );
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await rm(base, { recursive: true, force: true });
  });

  const get = (
    path: string,
    headers: Record<string, string> = {},
    method = 'GET',
  ) => fetch(`${origin}${path}`, { method, headers });
  const SEGMENT_URL = '/media/clip/stream/720p/segment_00001.m4s';

  it('serves a whole file with its length, validators and range support', async () => {
    const res = await get(SEGMENT_URL);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(res.headers.get('last-modified')).toMatch(/GMT$/);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(SEGMENT);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=100-', 100, 999],
    ['bytes=-50', 950, 999],
    ['bytes=900-5000', 900, 999],
  ])(
    'answers Range %s with 206 and exactly those bytes',
    async (range, start, end) => {
      const res = await get(SEGMENT_URL, { Range: range });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(
        `bytes ${start}-${end}/1000`,
      );
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(Buffer.from(await res.arrayBuffer())).toEqual(
        SEGMENT.subarray(start, end + 1),
      );
    },
  );

  it('answers a range past the end with 416 and the size', async () => {
    const res = await get(SEGMENT_URL, { Range: 'bytes=1000-1100' });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */1000');
  });

  it.each(['bytes=abc', 'bytes=0-1,5-6', 'items=0-1'])(
    'ignores the Range %s and serves the whole file',
    async (range) => {
      const res = await get(SEGMENT_URL, { Range: range });
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBe(1000);
    },
  );

  it('serves a zero-length file whole even when a range is asked', async () => {
    const res = await get('/media/clip/stream/720p/segment_00002.m4s', {
      Range: 'bytes=0-10',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('0');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const res = await get(SEGMENT_URL, {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.headers.get('content-type')).toBe('video/iso.segment');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers HEAD with a range as 206', async () => {
    const res = await get(SEGMENT_URL, { Range: 'bytes=0-99' }, 'HEAD');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 0-99/1000');
  });

  it('answers a matching If-None-Match with 304', async () => {
    const etag = (await get(SEGMENT_URL)).headers.get('etag') ?? '';
    const res = await get(SEGMENT_URL, { 'If-None-Match': etag });
    expect(res.status).toBe(304);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('serves the whole file when If-Range no longer matches', async () => {
    const res = await get(SEGMENT_URL, {
      Range: 'bytes=0-99',
      'If-Range': '"stale"',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('1000');
  });

  it.each([
    [
      '/media/clip/stream/master.m3u8',
      'application/vnd.apple.mpegurl',
      'no-cache',
    ],
    [
      '/media/clip/stream/720p/playlist.m3u8',
      'application/vnd.apple.mpegurl',
      'no-cache',
    ],
    ['/media/clip/stream/manifest.mpd', 'application/dash+xml', 'no-cache'],
    [
      '/media/clip/stream/720p/init.mp4',
      'video/mp4',
      'public, max-age=31536000, immutable',
    ],
    [SEGMENT_URL, 'video/iso.segment', 'public, max-age=31536000, immutable'],
    ['/media/clip/poster.jpg', 'image/jpeg', 'public, max-age=60'],
    ['/media/alias/poster.jpg', 'image/jpeg', 'public, max-age=60'],
  ])('serves %s as %s with Cache-Control %s', async (path, type, cache) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe(cache);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets players on any origin read ranges', async () => {
    const res = await get(SEGMENT_URL, {
      Origin: 'https://player.example',
      Range: 'bytes=0-1',
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toEqual(
      expect.stringContaining('Content-Length, Content-Range, Accept-Ranges'),
    );
  });

  it('answers a CORS preflight for a Range request', async () => {
    const res = await get(
      SEGMENT_URL,
      {
        Origin: 'https://player.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'range',
      },
      'OPTIONS',
    );
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
    expect(
      res.headers.get('access-control-allow-headers')?.toLowerCase(),
    ).toContain('range');
  });

  it.each([
    ['a missing file', '/media/clip/nope.m4s'],
    ['a folder', '/media/clip/stream'],
    ['a parent segment', '/media/../outside/secret.txt'],
    ['a nested parent segment', '/media/clip/../../outside/secret.txt'],
    ['an encoded parent segment', '/media/%2e%2e/outside/secret.txt'],
    [
      'an upper-case encoded parent segment',
      '/media/%2E%2E/outside/secret.txt',
    ],
    ['an encoded slash', '/media/..%2foutside%2fsecret.txt'],
    ['an encoded absolute path', '/media/%2Fetc%2Fpasswd'],
    ['an absolute path', '/media//etc/passwd'],
    ['a backslash', '/media/..\\outside\\secret.txt'],
    ['an encoded backslash', '/media/..%5coutside%5csecret.txt'],
    ['a NUL byte', '/media/clip/poster.jpg%00.m3u8'],
    ['a symlink to a file outside the root', '/media/clip/stream/leak.m4s'],
    [
      'a symlink to a folder outside the root',
      '/media/escape/stream/secret.m4s',
    ],
    ['the original upload', '/media/clip/source.mov'],
    ['the catalog record', '/media/clip/manifest.json'],
    ['a work folder', '/media/clip/.work/ab12/init.mp4'],
    ['the health probe file', '/media/.health'],
  ])('answers 404 without a path for %s', async (_name, path) => {
    const res = await rawGet(origin, path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain(SECRET);
    expect(res.body).not.toContain(base);
    expect(res.body).not.toContain('secret');
  });

  it('stops reading and closes the file when the client goes away mid-transfer', async () => {
    const before = storage.opened.length;
    await new Promise<void>((resolve, reject) => {
      const req = request(
        `${origin}/media/clip/stream/720p/segment_00003.m4s`,
        (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ECONNRESET' ? undefined : reject(error),
      );
      req.end();
    });
    const file = storage.opened[before];
    await until(() => file.closed);
    expect(file.closed).toBe(true);
    expect(file.bytesRead).toBeLessThan(file.size);
  });

  it('closes the file after a whole, a ranged, a HEAD and a 304 answer', async () => {
    const before = storage.opened.length;
    const etag = (await get(SEGMENT_URL)).headers.get('etag') ?? '';
    await (await get(SEGMENT_URL, { Range: 'bytes=0-9' })).arrayBuffer();
    await get(SEGMENT_URL, {}, 'HEAD');
    await get(SEGMENT_URL, { 'If-None-Match': etag });
    await until(() => storage.opened.slice(before).every((f) => f.closed));
    expect(storage.opened.slice(before).map((f) => f.closed)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('rejects malformed percent-encoding as a bad request, before any file is looked up', async () => {
    const before = storage.opened.length;
    const res = await rawGet(origin, '/media/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body).not.toContain(base);
    expect(storage.opened.length).toBe(before);
  });

  it.each(['POST', 'PUT', 'DELETE'])(
    'answers %s as 404, like a path it does not serve',
    async (method) => {
      expect((await get(SEGMENT_URL, {}, method)).status).toBe(404);
    },
  );

  it.each([
    ['/mediax/clip/poster.jpg', 418],
    ['/media', 418],
    ['/health', 418],
    ['/media/clip/poster.jpg', 200],
  ])('hands %s to %s', async (path, status) => {
    expect((await rawGet(origin, path)).status).toBe(status);
  });

  it('answers 404 for a name in the stream that is a FIFO, without waiting for a writer', async () => {
    expect(
      (await get('/media/clip/stream/720p/segment_00009.m4s')).status,
    ).toBe(404);
  });

  describe('files that change while published: nothing is served from a cache', () => {
    const KEY = 'clip/stream/720p/playlist.m3u8';
    const URL = `/media/${KEY}`;

    /** Writes a temp file and renames it over the name, as Storage.writeAtomic does. */
    async function replace(key: string, text: string): Promise<void> {
      await writeFile(join(root, `${key}.next.tmp`), text);
      await rename(join(root, `${key}.next.tmp`), join(root, key));
    }

    it('serves each version of a manifest renamed over, with a new ETag', async () => {
      await replace(KEY, '#EXTM3U\n#EXT-X-PLAYLIST-TYPE:EVENT\n');
      const first = await get(URL);
      expect(await first.text()).toBe('#EXTM3U\n#EXT-X-PLAYLIST-TYPE:EVENT\n');
      await replace(
        KEY,
        '#EXTM3U\n#EXT-X-PLAYLIST-TYPE:EVENT\n#EXTINF:4,\nsegment_00001.m4s\n',
      );
      const second = await get(URL, {
        'If-None-Match': first.headers.get('etag') ?? '',
      });
      expect(second.status).toBe(200);
      expect(await second.text()).toContain('segment_00001.m4s');
      expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
    });

    it('answers 404 once a file is removed, and serves the new one re-created under the same name', async () => {
      const key = 'clip/stream/240p/segment_00001.m4s';
      await mkdir(join(root, 'clip/stream/240p'), { recursive: true });
      await writeFile(join(root, key), 'first encode');
      expect(await (await get(`/media/${key}`)).text()).toBe('first encode');
      await rm(join(root, 'clip/stream/240p'), { recursive: true });
      expect((await get(`/media/${key}`)).status).toBe(404);
      await mkdir(join(root, 'clip/stream/240p'), { recursive: true });
      await writeFile(join(root, key), 'the retry');
      expect(await (await get(`/media/${key}`)).text()).toBe('the retry');
    });

    it('refuses a file once served that became a symlink to outside the root', async () => {
      const key = 'clip/stream/720p/segment_00004.m4s';
      await writeFile(join(root, key), 'inside');
      expect((await get(`/media/${key}`)).status).toBe(200);
      await unlink(join(root, key));
      await symlink(join(outside, 'stream/secret.m4s'), join(root, key));
      const res = await rawGet(origin, `/media/${key}`);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain(SECRET);
    });
  });
});
