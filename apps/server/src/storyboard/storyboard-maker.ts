import { Injectable, Logger } from '@nestjs/common';
import { Readable } from 'node:stream';
import { FfmpegBinaries } from '../ffmpeg/ffmpeg-binaries';
import { ensureSucceeded } from '../ffmpeg/process-failure';
import { ProcessRunner } from '../ffmpeg/process-runner';
import { Storage } from '../storage/storage';
import { buildStoryboardArgs } from './storyboard-args';
import { STORYBOARD_DIR, spriteName, THUMBNAILS_VTT } from './storyboard-layout';
import { planStoryboard } from './storyboard-plan';
import { StoryboardRecord, storyboardRecord } from './storyboard-record';
import { writeThumbnailsVtt } from './thumbnails-vtt';

export interface StoryboardSource {
  playlistId: string;
  /** Storage keys of a finished rendition: its init segment, then its media segments in order. */
  files: readonly string[];
  /** Seconds: the sum of its segments. */
  duration: number;
  /** Its picture in square pixels. */
  width: number;
  height: number;
}

/** Decoding a small rung runs far above real time; a pass slower than a tenth of it is stuck. */
const TIMEOUT_BASE_MS = 60_000;
const TIMEOUT_PER_SECOND_MS = 100;
const READ_CHUNK_BYTES = 256 * 1024;

/**
 * Makes a playlist's storyboard (see storyboard-plan.ts) from one of its finished renditions:
 * the rendition's files are joined into one fragmented MP4 in the work folder, so ffmpeg opens a
 * single file through the same safe input options as every other call, and the sheets and the
 * thumbnails track are built there, then moved to `<id>/storyboard/` whole. Throws when it fails;
 * whether that fails the job is the caller's choice.
 */
@Injectable()
export class StoryboardMaker {
  private readonly logger = new Logger(StoryboardMaker.name);

  constructor(
    private readonly storage: Storage,
    private readonly runner: ProcessRunner,
    private readonly binaries: FfmpegBinaries,
  ) {}

  async make(source: StoryboardSource, work: string, signal?: AbortSignal): Promise<StoryboardRecord> {
    const started = Date.now();
    const input = `${work}/input.mp4`;
    const out = `${work}/${STORYBOARD_DIR}`;
    await this.storage.removeTree(work);
    await this.storage.ensureDir(out);
    await this.storage.writeStream(input, Readable.from(this.concatenate(source.files)));

    const plan = planStoryboard(source.duration, source.width, source.height);
    const args = buildStoryboardArgs({ inputPath: this.storage.localPath(input), outputDir: this.storage.localPath(out), plan });
    const result = await this.runner.run(this.binaries.ffmpeg.path, args, { timeoutMs: TIMEOUT_BASE_MS + source.duration * TIMEOUT_PER_SECOND_MS, signal });
    ensureSucceeded(result, 'Making the storyboard');
    const sprites = Array.from({ length: plan.sheets }, (_, sheet) => spriteName(sheet));
    for (const sprite of sprites) {
      if (!(await this.storage.stat(`${out}/${sprite}`))?.size) throw new Error(`ffmpeg wrote no ${sprite}`);
    }
    await this.storage.writeAtomic(`${out}/${THUMBNAILS_VTT}`, writeThumbnailsVtt(plan, source.duration));

    const target = `${source.playlistId}/${STORYBOARD_DIR}`;
    await this.storage.removeTree(target);
    await this.storage.rename(out, target);
    await this.storage.removeTree(work);
    this.logger.log({ event: 'storyboard.made', playlistId: source.playlistId, seconds: (Date.now() - started) / 1000, thumbnails: plan.count, sheets: plan.sheets });
    return storyboardRecord(
      plan,
      `${STORYBOARD_DIR}/${THUMBNAILS_VTT}`,
      sprites.map((s) => `${STORYBOARD_DIR}/${s}`),
    );
  }

  private async *concatenate(files: readonly string[]): AsyncGenerator<Buffer> {
    for (const key of files) {
      const file = await this.storage.openRead(key);
      if (!file) throw new Error(`${key} is missing`);
      try {
        for (let position = 0; ; ) {
          const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
          const read = await file.read(buffer, position);
          if (read === 0) break;
          position += read;
          yield buffer.subarray(0, read);
        }
      } finally {
        file.close();
      }
    }
  }
}
