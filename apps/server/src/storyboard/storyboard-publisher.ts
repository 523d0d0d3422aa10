import { Injectable, Logger } from '@nestjs/common';
import { Storage } from '../storage/storage';
import { STORYBOARD_DIR, spriteName, THUMBNAILS_VTT } from './storyboard-layout';
import type { StoryboardPlan } from './storyboard-plan';
import { StoryboardRecord, storyboardRecord } from './storyboard-record';
import { writeThumbnailsVtt } from './thumbnails-vtt';

export interface BuiltStoryboard {
  playlistId: string;
  plan: StoryboardPlan;
  /** The work folder the encode wrote the sheets into (see `storyboardOutputArgs`). */
  folder: string;
  /** Seconds: the length of the finished ladder, where the last thumbnail's cue ends. */
  duration: number;
}

/**
 * Publishes a playlist's storyboard (see storyboard-plan.ts), whose sheets the ladder's encode
 * wrote from the frames it decoded anyway: checks that every planned sheet is there, writes the
 * thumbnails track beside them and moves the folder to `<id>/storyboard/` whole. Throws when a
 * sheet is missing; whether that fails the job is the caller's choice.
 */
@Injectable()
export class StoryboardPublisher {
  private readonly logger = new Logger(StoryboardPublisher.name);

  constructor(private readonly storage: Storage) {}

  async publish({ playlistId, plan, folder, duration }: BuiltStoryboard): Promise<StoryboardRecord> {
    const sprites = Array.from({ length: plan.sheets }, (_, sheet) => spriteName(sheet));
    for (const sprite of sprites) {
      if (!(await this.storage.stat(`${folder}/${sprite}`))?.size) throw new Error(`ffmpeg wrote no ${sprite}`);
    }
    await this.storage.writeAtomic(`${folder}/${THUMBNAILS_VTT}`, writeThumbnailsVtt(plan, duration));

    const target = `${playlistId}/${STORYBOARD_DIR}`;
    await this.storage.removeTree(target);
    await this.storage.rename(folder, target);
    this.logger.log({ event: 'storyboard.published', playlistId, thumbnails: plan.count, sheets: plan.sheets });
    return storyboardRecord(
      plan,
      `${STORYBOARD_DIR}/${THUMBNAILS_VTT}`,
      sprites.map((s) => `${STORYBOARD_DIR}/${s}`),
    );
  }
}
