import { WORK_DIR } from '../catalog/manifest';
import { attemptStreamDir, CAPTIONS_DIR, STREAM_DIR } from '../packaging/stream-layout';
import { Storage } from '../storage/storage';
import { STORYBOARD_DIR } from '../storyboard/storyboard-layout';

/**
 * Each run of a playlist's job builds in `<id>/.work/<run>/` and publishes in `<id>/stream/<run>/`.
 * With several workers two runs of one job can overlap (one whose lock lapsed goes on until it
 * finds out), so a run removes only its own folders, and those of other runs are removed only by
 * the run that holds the job's claim.
 */
export const runBuildDir = (playlistId: string, run: string): string => `${playlistId}/${WORK_DIR}/${run}`;

/** Removes one run's build and stream, and nothing another run may be writing. */
export async function discardRun(storage: Storage, playlistId: string, run: string): Promise<void> {
  await storage.removeTree(`${playlistId}/${attemptStreamDir(run)}`);
  await storage.removeTree(runBuildDir(playlistId, run));
}

/**
 * Removes what other runs left: every build folder (an ffmpeg orphaned by a crashed worker, still
 * writing there, fails at its next segment), every stream but `keep`'s (the captions beside them
 * belong to the playlist, not to a run), and, unless `keep` is the
 * run whose storyboard is published, the storyboard. Only for the run that holds the claim: at its
 * start, or once it has recorded the job's end, after which no run takes the job again.
 */
export async function pruneRuns(storage: Storage, playlistId: string, keep?: string): Promise<void> {
  // the kept run's own build is gone by then: a finished pipeline removes it
  await storage.removeTree(`${playlistId}/${WORK_DIR}`);
  if (keep === undefined) {
    await storage.removeTree(`${playlistId}/${STREAM_DIR}`);
    await storage.removeTree(`${playlistId}/${STORYBOARD_DIR}`);
    return;
  }
  for (const run of await storage.list(`${playlistId}/${STREAM_DIR}`)) {
    if (run !== keep && run !== CAPTIONS_DIR) await storage.removeTree(`${playlistId}/${attemptStreamDir(run)}`);
  }
}
