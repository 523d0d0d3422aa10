// When a playlist can be watched: the upload flow opens it then, and the dashboard shows the player.
import type { PlaylistStatus } from '@cmm/api-schema';

/**
 * From the PLAYABLE moment, while the rest is still encoded, and once READY: playlists finished
 * before the server published growing streams are READY without ever having said `playable`.
 */
export function isPlayable(p: {
  readonly status: PlaylistStatus;
  readonly playable: boolean;
}): boolean {
  return p.playable || p.status === 'READY';
}
