import { PubSub } from 'graphql-subscriptions';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import type { ProcessingProgress } from './models/processing-progress.model';
import { ProgressTracker } from './progress-tracker';

const snapshot = (status: PlaylistStatus, percent: number): ProcessingProgress => ({
  playlistId: 'p1', status, percent, rungs: [], speed: null, etaSeconds: null, queuePosition: null, error: null,
});

describe('ProgressTracker', () => {
  it('yields the current snapshot, then every update, and ends after READY', async () => {
    const tracker = new ProgressTracker(new PubSub());
    await tracker.publish(snapshot(PlaylistStatus.TRANSCODING, 10));
    const stream = tracker.follow('p1', snapshot(PlaylistStatus.QUEUED, 0));
    const seen: string[] = [];
    const done = (async () => {
      for await (const p of stream) seen.push(`${p.status}:${p.percent}`);
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
    const seen: ProcessingProgress[] = [];
    for await (const p of tracker.follow('p1', snapshot(PlaylistStatus.FAILED, 0))) seen.push(p);
    expect(seen.map((p) => p.status)).toEqual(['FAILED']);
  });
});
