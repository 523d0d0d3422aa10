import { planLadder } from '@cmm/media-rules';
import { ffmpegPath, ffprobePath, makeClip } from '@cmm/ffmpeg-binaries/testing';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { ProcessingFailure } from '../errors/domain-error';
import { FfmpegBinaries } from '../ffmpeg/ffmpeg-binaries';
import { MediaProbe } from '../ffmpeg/media-probe';
import { ProcessRunner } from '../ffmpeg/process-runner';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { StoryboardPublisher } from '../storyboard/storyboard-publisher';
import { TranscodePipeline } from './transcode-pipeline';

/** A disk that fills up once `budget` more atomic writes have gone through: the storage adapter answers ENOSPC. */
class FillingDisk extends LocalDiskStorage {
  constructor(
    root: string,
    private budget: number,
  ) {
    super(root);
  }
  override async writeAtomic(key: string, data: string | Buffer): Promise<void> {
    if (this.budget-- <= 0) throw Object.assign(new Error(`ENOSPC: no space left on device, open '${key}'`), { code: 'ENOSPC' });
    return super.writeAtomic(key, data);
  }
}

// The real pipeline (the machine's ffmpeg) with ENOSPC injected where it writes the manifests.
describe('transcode pipeline on a full disk', () => {
  const root = mkdtempSync(join(tmpdir(), 'cmm-disk-full-'));
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => {
    Logger.overrideLogger(new ConsoleLogger());
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['the master playlist', 0],
    ['the DASH manifest', 1],
  ])('fails with STORAGE_FULL when the disk fills before %s, leaving no partial stream', async (_name, budget) => {
    const id = `full-${budget}`;
    mkdirSync(join(root, id, 'source'), { recursive: true });
    makeClip(join(root, id, 'source', 'clip.mp4'), { seconds: 2, width: 160, height: 120 });
    const storage = new FillingDisk(root, budget);
    const runner = new ProcessRunner();
    const binaries = new FfmpegBinaries({ path: ffmpegPath(), version: 'test' }, { path: ffprobePath(), version: 'test' }, { toneMapping: false });
    const probe = await new MediaProbe(binaries, runner, new AppConfig()).probe(join(root, id, 'source', 'clip.mp4'));
    const { rungs } = planLadder({ width: 160, height: 120 }, [144]);
    const pipeline = new TranscodePipeline(storage, runner, binaries, new MediaProbe(binaries, runner, new AppConfig()), new StoryboardPublisher(storage, runner, binaries));

    await expect(pipeline.run({ playlistId: id, run: 'the-run', sourceKey: `${id}/source/clip.mp4`, probe, rungs, segmentDuration: 1 }, { progress: () => undefined })).rejects.toMatchObject({
      failure: ProcessingFailure.StorageFull,
      message: expect.stringMatching(/^The server ran out of storage space while processing this video; the source is kept/),
    });
    // the run's own folders gone; the emptied `.work` and `stream` are for the job to remove once it records FAILED
    for (const folder of ['.work', 'stream']) expect(existsSync(join(root, id, folder)) ? readdirSync(join(root, id, folder)) : []).toEqual([]);
    expect(existsSync(join(root, id, 'source', 'clip.mp4'))).toBe(true);
  });
});
