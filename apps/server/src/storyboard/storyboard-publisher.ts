import { Injectable, Logger } from '@nestjs/common';
import { FfmpegBinaries } from '../ffmpeg/ffmpeg-binaries';
import { ensureSucceeded } from '../ffmpeg/process-failure';
import { ProcessRunner } from '../ffmpeg/process-runner';
import { Storage } from '../storage/storage';
import { buildSheetsArgs, thumbnailBytes } from './storyboard-args';
import { STORYBOARD_DIR, spriteName, THUMBNAILS_RAW, THUMBNAILS_VTT } from './storyboard-layout';
import { fitStoryboard, StoryboardPlan } from './storyboard-plan';
import { StoryboardRecord, storyboardRecord } from './storyboard-record';
import { writeThumbnailsVtt } from './thumbnails-vtt';

export interface PickedThumbnails {
  playlistId: string;
  /** The work folder holding the encode's raw thumbnails (THUMBNAILS_RAW), picked by `plan`. */
  folder: string;
  plan: StoryboardPlan;
  /** Seconds of video as encoded: the last thumbnail's cue ends there. */
  duration: number;
}

/** Tiling at most 200 small frames: seconds would mean it is stuck. */
const SHEETS_TIMEOUT_MS = 60_000;

/**
 * Makes a playlist's storyboard (see storyboard-plan.ts) from the thumbnails the encode picked: it
 * counts them, tiles them into sheets in the work folder, writes the thumbnails track beside them
 * and moves the folder to `<id>/storyboard/` whole. Throws when it fails; whether that fails the
 * job is the caller's choice.
 */
@Injectable()
export class StoryboardPublisher {
  private readonly logger = new Logger(StoryboardPublisher.name);

  constructor(
    private readonly storage: Storage,
    private readonly runner: ProcessRunner,
    private readonly binaries: FfmpegBinaries,
  ) {}

  async publish(picked: PickedThumbnails, signal?: AbortSignal): Promise<StoryboardRecord> {
    const raw = `${picked.folder}/${THUMBNAILS_RAW}`;
    const count = Math.floor(((await this.storage.stat(raw))?.size ?? 0) / thumbnailBytes(picked.plan));
    if (count === 0) throw new Error('the encode picked no thumbnails');
    const plan = fitStoryboard(picked.plan, count);
    const args = buildSheetsArgs({ thumbnailsPath: this.storage.localPath(raw), outputDir: this.storage.localPath(picked.folder), plan });
    ensureSucceeded(await this.runner.run(this.binaries.ffmpeg.path, args, { timeoutMs: SHEETS_TIMEOUT_MS, signal }), 'Making the storyboard');
    const sprites = Array.from({ length: plan.sheets }, (_, sheet) => spriteName(sheet));
    for (const sprite of sprites) {
      if (!(await this.storage.stat(`${picked.folder}/${sprite}`))?.size) throw new Error(`ffmpeg wrote no ${sprite}`);
    }
    await this.storage.removeTree(raw);
    await this.storage.writeAtomic(`${picked.folder}/${THUMBNAILS_VTT}`, writeThumbnailsVtt(plan, picked.duration));

    const target = `${picked.playlistId}/${STORYBOARD_DIR}`;
    await this.storage.removeTree(target);
    await this.storage.rename(picked.folder, target);
    this.logger.log({ event: 'storyboard.published', playlistId: picked.playlistId, thumbnails: plan.count, sheets: plan.sheets });
    return storyboardRecord(
      plan,
      `${STORYBOARD_DIR}/${THUMBNAILS_VTT}`,
      sprites.map((s) => `${STORYBOARD_DIR}/${s}`),
    );
  }
}
