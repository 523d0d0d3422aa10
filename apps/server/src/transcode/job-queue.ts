/** Runs one playlist's processing; must settle soon after `signal` aborts. */
export type JobWorker = (playlistId: string, signal: AbortSignal) => Promise<void>;

/**
 * The transcode queue. The embedded default runs jobs in this process; a BullMQ/Redis
 * queue can implement the same contract for sites with several workers.
 */
export abstract class JobQueue {
  /** Starts taking jobs; called once. */
  abstract start(worker: JobWorker): void;
  abstract enqueue(playlistId: string): void;
  /** Ids waiting to start, next first. */
  abstract waiting(): readonly string[];
  /** Drops a waiting job or aborts a running one, resolving once it has stopped. */
  abstract cancel(playlistId: string): Promise<void>;
  /** Called whenever a job is added, started, finished or cancelled. */
  abstract onChange(listener: () => void): void;
  /** Aborts running jobs and waits for them; nothing more starts. */
  abstract stop(): Promise<void>;
}
