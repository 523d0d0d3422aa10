import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { startRedis } from '@cmm/test-services';
import { RedisHarness } from '../testing/redis-harness';
import type { ProcessingProgress } from './models/processing-progress.model';
import { ProgressTracker } from './progress-tracker';
import { RedisProgressPubSub } from './redis-pub-sub';

jest.setTimeout(60_000);

const snapshot = (status: PlaylistStatus, percent: number): ProcessingProgress => ({
  playlistId: 'p1', status, percent, rungs: [], speed: null, etaSeconds: null, queuePosition: null, error: null, playable: true, playableAt: new Date('2026-12-01T00:00:01.000Z'),
});

describe('RedisProgressPubSub against a real Redis', () => {
  const redis = new RedisHarness();
  beforeAll(() => redis.start());
  afterAll(() => redis.stop());

  /** A process of the site: its own connections and tracker, its publisher connected unless Redis is away. */
  async function processTracker(url = redis.url): Promise<ProgressTracker> {
    const pubSub = new RedisProgressPubSub(redis.connect(url));
    // a fail-fast publisher drops what it is given before its first connection, as while Redis is away
    const publisher = pubSub.getPublisher();
    if (url === redis.url && publisher.status !== 'ready') await new Promise((ready) => publisher.once('ready', ready));
    return new ProgressTracker(pubSub);
  }

  it('delivers what a worker publishes to a follower on an API instance, dates intact, until READY', async () => {
    const [api, worker] = [await processTracker(), await processTracker()];
    const stream = api.follow('p1', snapshot(PlaylistStatus.QUEUED, 0));
    expect((await stream.next()).value).toEqual(snapshot(PlaylistStatus.QUEUED, 0));
    const rest = (async () => {
      const seen: unknown[] = [];
      for await (const event of stream) seen.push(event);
      return seen;
    })();
    await worker.publish(snapshot(PlaylistStatus.TRANSCODING, 40));
    await worker.publish(snapshot(PlaylistStatus.READY, 100));
    expect(await rest).toEqual([snapshot(PlaylistStatus.TRANSCODING, 40), snapshot(PlaylistStatus.READY, 100)]);
  });

  it('drops a snapshot it cannot send while Redis is unreachable, without failing the job', async () => {
    const gone = await startRedis({ own: true });
    await gone.remove();
    await expect((await processTracker(gone.url)).publish(snapshot(PlaylistStatus.TRANSCODING, 10))).resolves.toBeUndefined();
  });
});
