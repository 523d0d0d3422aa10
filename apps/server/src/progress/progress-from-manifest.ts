import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import type { PlaylistManifest } from '../catalog/manifest';
import { isPlayable } from '../catalog/playlist-mapper';
import type { ProcessingProgress } from './models/processing-progress.model';

/** The progress a manifest implies when no live snapshot exists (after a restart, or once finished). */
export function progressFromManifest(m: PlaylistManifest): ProcessingProgress {
  const done = m.status === PlaylistStatus.READY;
  return {
    playlistId: m.id,
    status: m.status,
    percent: done ? 100 : (m.progress?.percent ?? 0),
    rungs: m.progress?.rungs ?? [],
    speed: done ? null : (m.progress?.speed ?? null),
    etaSeconds: done ? 0 : (m.progress?.eta_seconds ?? null),
    queuePosition: null,
    error: m.error,
    playable: isPlayable(m),
    playableAt: m.playable_at ? new Date(m.playable_at) : null,
  };
}
