import type { PlaylistManifest } from '../catalog/manifest';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';

/** The statuses of a playlist that still needs its job to run (or to finish running). */
export const UNFINISHED: readonly PlaylistStatus[] = [PlaylistStatus.QUEUED, PlaylistStatus.PROBING, PlaylistStatus.TRANSCODING, PlaylistStatus.PACKAGING];

/**
 * The playlists the catalog holds as unfinished for which the queue holds no job (Redis restarted
 * without its data, or was emptied), in the catalog's order: their jobs must be queued again.
 */
export function lostJobs(playlists: readonly Pick<PlaylistManifest, 'id' | 'status'>[], jobIds: ReadonlySet<string>): string[] {
  return playlists.filter((playlist) => UNFINISHED.includes(playlist.status) && !jobIds.has(playlist.id)).map((playlist) => playlist.id);
}
