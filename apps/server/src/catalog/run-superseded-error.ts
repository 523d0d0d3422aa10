/** A fenced update found the playlist's processing claimed by another job run: the caller's run was superseded and must write nothing more. */
export class RunSupersededError extends Error {
  constructor(playlistId: string, run: string) {
    super(`Job run ${run} of ${playlistId} was superseded by another run`);
  }
}
