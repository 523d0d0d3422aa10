import { AppConfig } from '../config/app-config';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProcessingFailure } from '../errors/domain-error';
import { FfmpegBinaries } from './ffmpeg-binaries';
import { MediaProbe } from './media-probe';
import { ProcessRunner } from './process-runner';

const ffmpeg: string = require('@ffmpeg-installer/ffmpeg').path;
const ffprobe: string = require('@ffprobe-installer/ffprobe').path;

// real ffprobe on clips generated here: the adapter's job is to talk to it
describe('MediaProbe', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cmm-probe-'));
  const probe = new MediaProbe(new FfmpegBinaries({ path: ffmpeg, version: 'test' }, { path: ffprobe, version: 'test' }, { toneMapping: false }), new ProcessRunner(), new AppConfig());
  const make = (name: string, args: string[]) => {
    const path = join(dir, name);
    execFileSync(ffmpeg, ['-v', 'error', '-y', ...args, path]);
    return path;
  };

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a source past the configured limits before anything is encoded', async () => {
    const clip = make('two-seconds.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast']);
    const strict = new MediaProbe(
      new FfmpegBinaries({ path: ffmpeg, version: 'test' }, { path: ffprobe, version: 'test' }, { toneMapping: false }),
      new ProcessRunner(),
      Object.assign(new AppConfig(), { MAX_SOURCE_PIXELS: 320 * 200 }),
    );
    await expect(strict.probe(clip)).rejects.toMatchObject({ failure: ProcessingFailure.TooLarge, message: expect.stringMatching(/^The picture is 320×240/) });
  });

  it('probes a rotated clip with audio', async () => {
    const plain = make('plain.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=25:duration=2', '-f', 'lavfi', '-i', 'sine=duration=2', '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac']);
    const rotated = make('rotated.mp4', ['-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90']);
    const result = await probe.probe(rotated);
    expect(result).toMatchObject({
      duration: expect.closeTo(2, 1),
      video: { codec: 'h264', width: 320, height: 240, displayWidth: 240, displayHeight: 320, frameRate: 25, bitDepth: 8 },
      audio: { codec: 'aac', channels: 1, sampleRate: 44100 },
    });
    expect([90, 270]).toContain(result.video.rotation);
  });

  it.each([
    ['an audio-only file', () => make('audio.m4a', ['-f', 'lavfi', '-i', 'sine=duration=1']), ProcessingFailure.NoVideoStream, /no video stream/],
    [
      'an mp4 cut in half (no moov atom)',
      () => {
        const full = make('full.mp4', ['-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=25:duration=2', '-c:v', 'libx264', '-preset', 'ultrafast']);
        const bytes = readFileSync(full);
        const cut = join(dir, 'cut.mp4');
        writeFileSync(cut, bytes.subarray(0, bytes.length / 2));
        return cut;
      },
      ProcessingFailure.TruncatedFile,
      /truncated/,
    ],
    [
      'a text file named .mkv',
      () => {
        const path = join(dir, 'notes.mkv');
        writeFileSync(path, 'these are not moving pictures\n'.repeat(50));
        return path;
      },
      ProcessingFailure.UnreadableContainer,
      /cannot be read|not a video/,
    ],
  ])('rejects %s', async (_name, input, failure, message) => {
    await expect(probe.probe(input())).rejects.toMatchObject({ failure, message: expect.stringMatching(message) });
  });
});
