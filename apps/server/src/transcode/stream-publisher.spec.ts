import { planLadder } from '@cmm/media-rules';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MediaProbe } from '../ffmpeg/media-probe';
import {
  CAN_BLOCK_RELOAD,
  writeMediaPlaylist,
} from '../packaging/hls-playlist';
import { ENCODER_PLAYLIST, RUNG_PLAYLIST } from '../packaging/stream-layout';
import { LocalDiskStorage } from '../storage/local-disk-storage';
import { StreamPublisher } from './stream-publisher';

/** What ffmpeg leaves in a rung's build folder: `seconds` of whole segments, each `segmentDuration` long. */
async function encoded(
  storage: LocalDiskStorage,
  dir: string,
  segmentDuration: number,
  seconds: number,
): Promise<void> {
  const segments = Array.from(
    { length: seconds / segmentDuration },
    (_, i) => ({
      uri: `segment_${String(i).padStart(5, '0')}.m4s`,
      duration: segmentDuration,
    }),
  );
  await storage.writeAtomic(`${dir}/init.mp4`, 'init');
  for (const s of segments)
    await storage.writeAtomic(`${dir}/${s.uri}`, 'segment');
  await storage.writeAtomic(
    `${dir}/${ENCODER_PLAYLIST}`,
    writeMediaPlaylist({
      initUri: 'init.mp4',
      segments,
      segmentDuration,
      ended: false,
      blockingReload: false,
    }),
  );
}

describe('StreamPublisher: blocking reloads on the growing rung playlists', () => {
  let root: string;
  let storage: LocalDiskStorage;
  const probe = {
    codecDetails: async () => ({
      codecs: 'avc1.64001e,mp4a.40.2',
      width: 320,
      height: 240,
    }),
  } as unknown as MediaProbe;
  const [rung] = planLadder({ width: 320, height: 240 }, [240]).rungs;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'stream-publisher-'));
    storage = new LocalDiskStorage(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it.each([
    ['4 s segments at real time', 4, 1, true],
    ['4 s segments at half real time', 4, 0.5, false],
    ['10 s segments at twice real time', 10, 2, true],
    ['10 s segments at real time', 10, 1, false],
  ])('%s', async (_name, segmentDuration, speed, offered) => {
    await encoded(
      storage,
      'clip/.work/r1/240p',
      segmentDuration,
      2 * segmentDuration,
    );
    // the pipeline makes the rung's public folder before the encode starts
    await storage.ensureDir('clip/stream/r1/240p');
    const publisher = new StreamPublisher(storage, probe, {
      build: 'clip/.work/r1',
      folder: 'clip/stream/r1',
      rungs: [rung],
      fps: '30',
      segmentDuration,
      sourceDuration: 60,
      encodeStartedAt: new Date(),
    });
    await publisher.refresh(speed);
    const growing = await storage.readText(
      `clip/stream/r1/240p/${RUNG_PLAYLIST}`,
    );
    expect(growing.includes(CAN_BLOCK_RELOAD)).toBe(offered);
    const rendition = await publisher.rendition(rung);
    if (!rendition) throw new Error('no rendition');
    await publisher.finish([rendition]);
    expect(
      await storage.readText(`clip/stream/r1/240p/${RUNG_PLAYLIST}`),
    ).not.toContain(CAN_BLOCK_RELOAD);
  });
});
