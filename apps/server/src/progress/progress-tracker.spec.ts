import { PubSub } from 'graphql-subscriptions';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import type { ProcessingProgress } from './models/processing-progress.model';
import { ProgressEvent, ProgressTracker } from './progress-tracker';

/** Counts live subscriptions, so a spec can see that none outlives its follower. */
class CountingPubSub extends PubSub {
  subscribers = 0;
  override async subscribe(trigger: string, onMessage: (payload: unknown) => void): Promise<number> {
    this.subscribers++;
    return super.subscribe(trigger, onMessage);
  }
  override unsubscribe(id: number): void {
    this.subscribers--;
    super.unsubscribe(id);
  }
}

const snapshot = (status: PlaylistStatus, percent: number): ProcessingProgress => ({
  playlistId: 'p1', status, percent, rungs: [], speed: null, etaSeconds: null, queuePosition: null, error: null, playable: false, playableAt: null,
});

describe('ProgressTracker', () => {
  it('yields the current snapshot, then every update, and ends after READY', async () => {
    const tracker = new ProgressTracker(new PubSub());
    await tracker.publish(snapshot(PlaylistStatus.TRANSCODING, 10));
    const stream = tracker.follow('p1', snapshot(PlaylistStatus.QUEUED, 0));
    const seen: string[] = [];
    const done = (async () => {
      for await (const p of stream) seen.push('deleted' in p ? 'deleted' : `${p.status}:${p.percent}`);
    })();
    await new Promise((r) => setImmediate(r));
    // published back to back, before the consumer pulls: none may be lost
    await tracker.publish(snapshot(PlaylistStatus.TRANSCODING, 50));
    await tracker.publish(snapshot(PlaylistStatus.PACKAGING, 95));
    await tracker.publish(snapshot(PlaylistStatus.READY, 100));
    await done;
    expect(seen).toEqual(['TRANSCODING:10', 'TRANSCODING:50', 'PACKAGING:95', 'READY:100']);
  });

  it('ends at once for a playlist that has already failed', async () => {
    const tracker = new ProgressTracker(new PubSub());
    const seen: ProgressEvent[] = [];
    for await (const p of tracker.follow('p1', snapshot(PlaylistStatus.FAILED, 0))) seen.push(p);
    expect(seen).toEqual([snapshot(PlaylistStatus.FAILED, 0)]);
  });

  it('ends its followers with a deleted event when the playlist is deleted', async () => {
    const tracker = new ProgressTracker(new PubSub());
    const stream = tracker.follow('p1', snapshot(PlaylistStatus.TRANSCODING, 10));
    expect((await stream.next()).value).toEqual(snapshot(PlaylistStatus.TRANSCODING, 10));
    const next = stream.next();
    await tracker.removed('p1');
    expect((await next).value).toEqual({ playlistId: 'p1', deleted: true });
    expect(await stream.next()).toEqual({ value: undefined, done: true });
    expect(tracker.current('p1')).toBeNull();
  });

  it.each([
    ['while it waits for the next update', 1],
    ['before it has read anything', 0],
    ['after its last snapshot', 2],
  ])('unsubscribes at once when the client goes away %s', async (_when, reads) => {
    const pubSub = new CountingPubSub();
    const tracker = new ProgressTracker(pubSub);
    const stream = tracker.follow('p1', snapshot(PlaylistStatus.QUEUED, 0));
    if (reads > 0) await stream.next();
    if (reads > 1) {
      const next = stream.next();
      await tracker.publish(snapshot(PlaylistStatus.READY, 100));
      await next;
    }
    const pending = reads === 1 ? stream.next() : null;
    await new Promise((r) => setImmediate(r));
    expect(pubSub.subscribers).toBe(1);
    await stream.return?.();
    expect(pubSub.subscribers).toBe(0);
    if (pending) expect(await pending).toEqual({ value: undefined, done: true });
  });
});
