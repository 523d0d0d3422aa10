import { ConsoleLogger, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { FfmpegBinaries } from './ffmpeg-binaries';
import { ProcessRunner } from './process-runner';

const config = (overrides: Partial<AppConfig>) => Object.assign(new AppConfig(), overrides);
const npmFfmpeg: string = require('@ffmpeg-installer/ffmpeg').path;

// real binaries: this is the adapter that finds them
describe('FfmpegBinaries.resolve', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));

  const runner = new ProcessRunner();

  it('uses FFMPEG_PATH when it works and reports its version', async () => {
    const binaries = await FfmpegBinaries.resolve(config({ FFMPEG_PATH: npmFfmpeg }), runner, '');
    expect(binaries.ffmpeg).toEqual({ path: npmFfmpeg, version: expect.stringMatching(/^N-47683/) });
    expect(binaries.ffprobe.version).toBeTruthy();
  });

  it('falls back past a broken FFMPEG_PATH to the npm binary', async () => {
    const binaries = await FfmpegBinaries.resolve(config({ FFMPEG_PATH: '/nonexistent/ffmpeg' }), runner, '/nonexistent-dir');
    expect(binaries.ffmpeg.path).toBe(npmFfmpeg);
  });

  it('rejects a binary that is not ffmpeg', async () => {
    const binaries = await FfmpegBinaries.resolve(config({ FFMPEG_PATH: process.execPath }), runner, '');
    expect(binaries.ffmpeg.path).toBe(npmFfmpeg);
  });

  it.each([
    ['the npm build', npmFfmpeg],
    ['the system build', '/usr/bin/ffmpeg'],
  ])('finds zscale and tonemap in %s, so HDR is tone-mapped', async (_name, path) => {
    expect(await FfmpegBinaries.detectCapabilities(path, runner)).toEqual({ toneMapping: true });
  });

  it('takes an ffmpeg that cannot list its filters to have none of the optional ones', async () => {
    const failing = new ProcessRunner();
    jest.spyOn(failing, 'run').mockResolvedValue({ stdout: '', stderrTail: 'Unrecognized option', exitCode: 1, signal: null, timedOut: false, aborted: false });
    expect(await FfmpegBinaries.detectCapabilities(npmFfmpeg, failing)).toEqual({ toneMapping: false });
  });

  it('fails start-up with what it tried when nothing works', async () => {
    // the npm binary always exists here, so every spawn fails as on a machine without it
    const failing = new ProcessRunner();
    jest.spyOn(failing, 'run').mockRejectedValue(Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' }));
    await expect(FfmpegBinaries.resolve(config({ FFMPEG_PATH: '/x/ffmpeg' }), failing, '/usr/bin')).rejects.toThrow(
      /^No working ffmpeg found: tried FFMPEG_PATH=\/x\/ffmpeg \(ENOENT\), @ffmpeg-installer\/ffmpeg=.*ffmpeg \(ENOENT\), PATH \(not found\) — install ffmpeg or set FFMPEG_PATH$/,
    );
  });
});
