import { AppConfig } from '../config/app-config';
import { ALLOWED_EXTENSIONS } from '@cmm/media-rules';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessingError } from '../errors/domain-error';
import { FfmpegBinaries } from './ffmpeg-binaries';
import { MediaProbe } from './media-probe';
import { ProcessRunner } from './process-runner';

/**
 * Files that are not videos but make ffmpeg open other things: playlists, concat lists, manifests
 * and images, disguised under every extension uploads may have. Each must be refused by the probe
 * that every upload goes through, on both ffmpeg builds, without the decoys they name ever being
 * opened. Decoys are FIFOs: a reader that opened one would block in open() until a writer came,
 * so the watcher below (which opens the write side whenever a reader waits) sees every open.
 */
const BINARIES = [
  { name: 'npm ffprobe (2023 static build)', ffmpeg: require('@ffmpeg-installer/ffmpeg').path as string, ffprobe: require('@ffprobe-installer/ffprobe').path as string },
  { name: 'system ffprobe (/usr/bin)', ffmpeg: '/usr/bin/ffmpeg', ffprobe: '/usr/bin/ffprobe' },
].filter((b) => existsSync(b.ffprobe));

if (!BINARIES.some((b) => b.ffprobe === '/usr/bin/ffprobe')) {
  throw new Error('Debian ffmpeg (/usr/bin/ffprobe) is missing: `apt-get install ffmpeg` (as .ci/run does) to test hostile media on both builds');
}

/** Watches FIFOs: any process that opens one for reading is seen and let go (it reads EOF). */
function watchFifos(paths: string[]): { opened: Set<string>; stop: () => void } {
  const opened = new Set<string>();
  const timer = setInterval(() => {
    for (const path of paths) {
      try {
        closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
        opened.add(path);
      } catch {
        // ENXIO: nobody has it open for reading
      }
    }
  }, 5);
  return { opened, stop: () => clearInterval(timer) };
}

describe.each(BINARIES)('hostile uploads with $name', ({ ffmpeg, ffprobe }) => {
  const dir = mkdtempSync(join(tmpdir(), 'cmm-hostile-'));
  const probe = new MediaProbe(new FfmpegBinaries({ path: ffmpeg, version: 'test' }, { path: ffprobe, version: 'test' }, { toneMapping: false }), new ProcessRunner(), new AppConfig());
  const decoys = ['decoy.ts', 'decoy.mp4', 'decoy.key', 'decoy-rel.ts'].map((name) => join(dir, name));
  let http: Server;
  let httpPort = 0;
  let httpConnections = 0;
  let counter = 0;

  beforeAll(async () => {
    for (const decoy of decoys) execFileSync('mkfifo', [decoy]);
    http = createServer((socket) => {
      httpConnections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    httpPort = (http.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => http.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const hls = (...lines: string[]) => ['#EXTM3U', '#EXT-X-VERSION:4', '#EXT-X-TARGETDURATION:2', ...lines, '#EXT-X-ENDLIST', ''].join('\n');
  const HOSTILE: [string, () => string][] = [
    ['an HLS playlist naming a local .ts', () => hls('#EXTINF:2,', join(dir, 'decoy.ts'))],
    ['an HLS playlist naming a local .mp4 as a file: URL', () => hls('#EXTINF:2,', `file://${join(dir, 'decoy.mp4')}`)],
    ['an HLS playlist naming a relative path', () => hls('#EXTINF:2,', 'decoy-rel.ts')],
    ['an HLS playlist naming /etc/passwd', () => hls('#EXTINF:2,', '/etc/passwd')],
    ['an HLS playlist naming an http URL', () => hls('#EXTINF:2,', `http://127.0.0.1:${httpPort}/segment.ts`)],
    [
      'an HLS playlist with EXT-X-BYTERANGE and EXT-X-KEY',
      () => hls(`#EXT-X-KEY:METHOD=AES-128,URI="${join(dir, 'decoy.key')}",IV=0x0`, '#EXT-X-BYTERANGE:1000@0', '#EXTINF:2,', join(dir, 'decoy.ts')),
    ],
    ['an HLS master playlist', () => ['#EXTM3U', '#EXT-X-STREAM-INF:BANDWIDTH=100000', `http://127.0.0.1:${httpPort}/v.m3u8`, ''].join('\n')],
    ['an ffconcat list', () => ['ffconcat version 1.0', `file ${join(dir, 'decoy.mp4')}`, `file http://127.0.0.1:${httpPort}/x.mp4`, ''].join('\n')],
    [
      'a DASH manifest',
      () =>
        `<?xml version="1.0"?><MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT2S" profiles="urn:mpeg:dash:profile:isoff-on-demand:2011"><Period><AdaptationSet mimeType="video/mp4"><Representation id="1" bandwidth="100000"><BaseURL>file://${join(dir, 'decoy.mp4')}</BaseURL></Representation></AdaptationSet></Period></MPD>\n`,
    ],
  ];

  async function refusal(contents: string | Buffer, extension: string): Promise<{ error: unknown; opened: Set<string> }> {
    const path = join(dir, `upload-${++counter}.${extension}`);
    writeFileSync(path, contents);
    const watcher = watchFifos(decoys);
    try {
      await probe.probe(path);
      return { error: null, opened: watcher.opened };
    } catch (error) {
      return { error, opened: watcher.opened };
    } finally {
      watcher.stop();
    }
  }

  describe.each(HOSTILE)('%s', (_name, contents) => {
    it.each([...ALLOWED_EXTENSIONS])('is refused as .%s without opening what it names', async (extension) => {
      const { error, opened } = await refusal(contents(), extension);
      expect(error).toBeInstanceOf(ProcessingError);
      expect((error as Error).message).toMatch(/not in a video container this server accepts|not a video that can be read|not a complete MP4\/MOV|no video stream/);
      expect((error as Error).message).not.toContain(dir);
      expect([...opened]).toEqual([]);
      expect(httpConnections).toBe(0);
    });
  });

  it('refuses an image sequence: a JPEG named as a video, and a name with a frame pattern', async () => {
    const jpeg = join(dir, 'frame.jpg');
    execFileSync(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=64x64:rate=1:duration=1', '-frames:v', '1', jpeg]);
    for (const name of ['mp4', 'mkv']) {
      const { error } = await refusal(execFileSync('cat', [jpeg]), name);
      expect(error).toBeInstanceOf(ProcessingError);
    }
    const pattern = join(dir, 'img%03d.mp4');
    writeFileSync(join(dir, 'img001.mp4'), execFileSync('cat', [jpeg]));
    await expect(probe.probe(pattern)).rejects.toBeInstanceOf(ProcessingError);
  });

  it('still reads a real video in each allowed container', async () => {
    const containers: [string, string[]][] = [
      ['mp4', ['-c:v', 'libx264', '-preset', 'ultrafast']],
      ['mkv', ['-c:v', 'libx264', '-preset', 'ultrafast']],
      ['webm', ['-c:v', 'libvpx', '-deadline', 'realtime']],
      ['avi', ['-c:v', 'mpeg4']],
      // the npm-shipped ffprobe (2023 static build) crashes on MPEG-TS with -show_streams, whatever its options
      ...(ffprobe === '/usr/bin/ffprobe' ? ([['ts', ['-c:v', 'libx264', '-preset', 'ultrafast']]] as [string, string[]][]) : []),
      ['flv', ['-c:v', 'flv']],
      ['ogv', ['-c:v', 'libtheora']],
    ];
    for (const [extension, codec] of containers) {
      const path = join(dir, `real-${extension}.${extension}`);
      execFileSync(ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25:duration=1', ...codec, path]);
      const result = await probe.probe(path);
      expect({ extension, width: result.video.width }).toEqual({ extension, width: 160 });
    }
    // seven encodes and probes: a generous bound, so a loaded machine does not fail it
  }, 120_000);
});
