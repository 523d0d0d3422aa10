import { Inject, Injectable } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import type { ProcessingProgress } from './models/processing-progress.model';

export const PUB_SUB = Symbol('PUB_SUB');

export const progressTopic = (playlistId: string) => `processingProgress.${playlistId}`;

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

  /**
   * Yields the snapshot at subscription time (`initial` if none was published yet), then every
   * published one, and ends after READY or FAILED. Subscribes before the first yield so that
   * nothing published in between is lost.
   */
  async *follow(playlistId: string, initial: ProcessingProgress): AsyncGenerator<ProcessingProgress> {
    const queue: ProcessingProgress[] = [];
    let wake: (() => void) | null = null;
    const subscription = await this.pubSub.subscribe(
      progressTopic(playlistId),
      (update: ProcessingProgress) => {
        queue.push(update);
        wake?.();
      },
      {},
    );
    try {
      let snapshot = this.latest.get(playlistId) ?? initial;
      yield snapshot;
      while (!isTerminal(snapshot)) {
        if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        snapshot = queue.shift() as ProcessingProgress;
        yield snapshot;
      }
    } finally {
      this.pubSub.unsubscribe(subscription);
    }
  }
}

const isTerminal = (p: ProcessingProgress) => p.status === PlaylistStatus.READY || p.status === PlaylistStatus.FAILED;
