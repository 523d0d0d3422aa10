import { Injectable, Logger } from '@nestjs/common';
import { Storage } from '../storage/storage';
import { STORYBOARD_DIR, spriteName, THUMBNAILS_VTT } from './storyboard-layout';
import { fitStoryboard, StoryboardPlan } from './storyboard-plan';
import { StoryboardRecord, storyboardRecord } from './storyboard-record';
import { writeThumbnailsVtt } from './thumbnails-vtt';

export interface BuiltStoryboard {
  playlistId: string;
  /** The work folder the encode wrote the sheets into (see storyboard-filter.ts), by `plan`. */
  folder: string;
  plan: StoryboardPlan;
  /** Seconds of video as encoded, which the plan is fitted to. */
  duration: number;
}

/**
 * Publishes the storyboard the encode made (see storyboard-plan.ts): its sheets are checked, the
 * thumbnails track is written beside them, and the folder is moved to `<id>/storyboard/` whole.
 * Throws when a sheet is missing; whether that fails the job is the caller's choice.
 */
@Injectable()
export class StoryboardPublisher {
  private readonly logger = new Logger(StoryboardPublisher.name);

  constructor(private readonly storage: Storage) {}

  async publish(built: BuiltStoryboard): Promise<StoryboardRecord> {
    const plan = fitStoryboard(built.plan, built.duration);
    const sprites = Array.from({ length: plan.sheets }, (_, sheet) => spriteName(sheet));
    for (const sprite of sprites) {
      if (!(await this.storage.stat(`${built.folder}/${sprite}`))?.size) throw new Error(`ffmpeg wrote no ${sprite}`);
    }
    await this.storage.writeAtomic(`${built.folder}/${THUMBNAILS_VTT}`, writeThumbnailsVtt(plan, built.duration));

    const target = `${built.playlistId}/${STORYBOARD_DIR}`;
    await this.storage.removeTree(target);
    await this.storage.rename(built.folder, target);
    this.logger.log({ event: 'storyboard.published', playlistId: built.playlistId, thumbnails: plan.count, sheets: plan.sheets });
    return storyboardRecord(
      plan,
      `${STORYBOARD_DIR}/${THUMBNAILS_VTT}`,
      sprites.map((s) => `${STORYBOARD_DIR}/${s}`),
    );
  }
}
