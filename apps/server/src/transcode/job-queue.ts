/** Which run of a job this is; on the `final` one a failure is recorded rather than retried. */
export interface JobAttempt {
  number: number;
  final: boolean;
}

/** Why a running job's signal aborted, when the queue says (`signal.reason`). */
export enum JobAbort {
  /** The process is shutting down: the job goes back to the queue for another worker. */
  HandedBack = 'handed-back',
  /** The job's lock lapsed (Redis was away or emptied): another run owns the job now, or will; this one writes nothing more. */
  LockLost = 'lock-lost',
}

/**
 * Runs one playlist's processing; must settle soon after `signal` aborts. Throwing asks for
 * another attempt (the queue's backoff applies); returning ends the job.
 */
export type JobWorker = (playlistId: string, signal: AbortSignal, attempt: JobAttempt) => Promise<void>;

/** Called when a job ends without its worker having said how: every attempt was cut off (killed workers). */
export type JobAbandoned = (playlistId: string) => Promise<void>;

/**
 * The transcode queue. The embedded default runs jobs in this process; the BullMQ one shares them
 * between processes through Redis.
 */
export abstract class JobQueue {
  /** Whether queued jobs outlive this process (otherwise a restart queues unfinished ones again). */
  abstract readonly persistent: boolean;
  /** Starts taking jobs, if this process runs them; called once. */
  abstract start(worker: JobWorker, abandoned: JobAbandoned): void;
  /** Rejects (ServiceUnavailableError) when the job could not be recorded. */
  abstract enqueue(playlistId: string): Promise<void>;
  /** Ids waiting to start, next first, as last seen. */
  abstract waiting(): readonly string[];
  /** Ids of every job it holds (waiting, delayed or running, wherever), read now; rejects when they cannot be read. */
  abstract jobIds(): Promise<ReadonlySet<string>>;
  /** Drops a waiting job or aborts a running one, wherever it runs, resolving once it has stopped. */
  abstract cancel(playlistId: string): Promise<void>;
  /** Called whenever a job is added, started, finished or cancelled. */
  abstract onChange(listener: () => void): void;
  /** Called when the queue's store is reachable again after it was lost (it may have come back empty). */
  abstract onReconnect(listener: () => void): void;
  /** Stops taking jobs and ends running ones (aborted, or handed back to the queue); nothing more starts. */
  abstract stop(): Promise<void>;
}
