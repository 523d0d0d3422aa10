import type { PlaylistManifest } from '../catalog/manifest';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { progressFromManifest } from './progress-from-manifest';

const rungs = [{ label: '240p', height: 240, percent: 40 }];
const manifest = (overrides: Partial<PlaylistManifest>) => ({ id: 'p', error: null, progress: null, ...overrides }) as PlaylistManifest;

describe('progressFromManifest', () => {
  it.each([
    [
      'a finished playlist is at 100 percent, nothing left to wait for',
      manifest({ status: PlaylistStatus.READY, progress: { percent: 95, rungs, speed: 2, eta_seconds: 3 }, playable_at: '2026-11-30T10:00:02.000Z' }),
      { status: 'READY', percent: 100, rungs, speed: null, etaSeconds: 0, queuePosition: null, error: null, playable: true, playableAt: new Date('2026-11-30T10:00:02.000Z') },
    ],
    [
      'a job interrupted mid-encode shows what was last recorded',
      manifest({ status: PlaylistStatus.TRANSCODING, progress: { percent: 38, rungs, speed: 1.5, eta_seconds: 12 } }),
      { status: 'TRANSCODING', percent: 38, rungs, speed: 1.5, etaSeconds: 12, queuePosition: null, error: null, playable: false, playableAt: null },
    ],
    [
      'a job already playable says so while it encodes',
      manifest({ status: PlaylistStatus.TRANSCODING, progress: { percent: 38, rungs, speed: 1.5, eta_seconds: 12 }, playable_at: '2026-11-30T10:00:02.000Z' }),
      { status: 'TRANSCODING', percent: 38, rungs, speed: 1.5, etaSeconds: 12, queuePosition: null, error: null, playable: true, playableAt: new Date('2026-11-30T10:00:02.000Z') },
    ],
    [
      'a playlist finished before playables were recorded is playable all the same',
      manifest({ status: PlaylistStatus.READY }),
      { status: 'READY', percent: 100, rungs: [], speed: null, etaSeconds: 0, queuePosition: null, error: null, playable: true, playableAt: null },
    ],
    [
      'a queued job with no progress yet is at 0',
      manifest({ status: PlaylistStatus.QUEUED }),
      { status: 'QUEUED', percent: 0, rungs: [], speed: null, etaSeconds: null, queuePosition: null, error: null, playable: false, playableAt: null },
    ],
    [
      'a failed job carries its error',
      manifest({ status: PlaylistStatus.FAILED, error: 'The file has no video stream' }),
      { status: 'FAILED', percent: 0, rungs: [], speed: null, etaSeconds: null, queuePosition: null, error: 'The file has no video stream', playable: false, playableAt: null },
    ],
  ])('%s', (_name, m, expected) => {
    expect(progressFromManifest(m)).toEqual({ playlistId: 'p', ...expected });
  });
});
