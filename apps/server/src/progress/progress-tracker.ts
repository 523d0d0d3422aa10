import { Inject, Injectable } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import type { ProcessingProgress } from './models/processing-progress.model';

export const PUB_SUB = Symbol('PUB_SUB');

export const progressTopic = (playlistId: string) => `processingProgress.${playlistId}`;

/** Published when a playlist is deleted, so its followers end. */
export interface PlaylistDeleted {
  playlistId: string;
  deleted: true;
}

export type ProgressEvent = ProcessingProgress | PlaylistDeleted;

/**
 * Latest processing snapshot per playlist, published to the injected PubSub. Subscribers get
 * the current snapshot first, so one who subscribes late still sees where the job is.
 */
@Injectable()
export class ProgressTracker {
  private readonly latest = new Map<string, ProcessingProgress>();

  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  async publish(progress: ProcessingProgress): Promise<void> {
    this.latest.set(progress.playlistId, progress);
    await this.pubSub.publish(progressTopic(progress.playlistId), progress);
  }

  current(playlistId: string): ProcessingProgress | null {
    return this.latest.get(playlistId) ?? null;
  }

  forget(playlistId: string): void {
    this.latest.delete(playlistId);
  }

  /** Ends every follower of a deleted playlist with a `deleted` event. */
  async removed(playlistId: string): Promise<void> {
    this.latest.delete(playlistId);
    await this.pubSub.publish(progressTopic(playlistId), { playlistId, deleted: true } satisfies PlaylistDeleted);
  }

  /**
   * The snapshot at subscription time (`initial` if none was published yet), then every published
   * one, ending after READY, FAILED or deletion. It subscribes before the first snapshot is read,
   * so nothing published in between is lost, and `return()` (the client went away) unsubscribes
   * at once, even while waiting for the next update.
   */
  follow(playlistId: string, initial: ProcessingProgress): AsyncIterableIterator<ProgressEvent> {
    const queue: ProgressEvent[] = [];
    let waiting: ((event: ProgressEvent | null) => void) | null = null;
    let started = false;
    let last: ProgressEvent | null = null;
    let closed = false;
    const subscription = this.pubSub.subscribe(
      progressTopic(playlistId),
      (event: ProgressEvent) => {
        if (!waiting) return void queue.push(event);
        const wake = waiting;
        waiting = null;
        wake(event);
      },
      {},
    );
    const close = async (): Promise<IteratorResult<ProgressEvent>> => {
      if (!closed) {
        closed = true;
        waiting?.(null);
        this.pubSub.unsubscribe(await subscription);
      }
      return { value: undefined, done: true };
    };
    const deliver = (event: ProgressEvent | null): IteratorResult<ProgressEvent> => {
      if (event === null) return { value: undefined, done: true };
      last = event;
      return { value: event, done: false };
    };
    return {
      next: async () => {
        if (closed || (last && isFinal(last))) return close();
        if (!started) {
          started = true;
          await subscription;
          return deliver(this.latest.get(playlistId) ?? initial);
        }
        const queued = queue.shift();
        if (queued) return deliver(queued);
        return deliver(await new Promise<ProgressEvent | null>((resolve) => (waiting = resolve)));
      },
      return: close,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}

const isFinal = (event: ProgressEvent) => 'deleted' in event || event.status === PlaylistStatus.READY || event.status === PlaylistStatus.FAILED;
