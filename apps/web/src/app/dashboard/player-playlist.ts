// What the player needs from a playlist, and nothing more.
import type { PlaylistDetail } from '../playlists/data-access/playlists.service';
import type { PlayerPlaylist } from '../player/player.types';

export function toPlayerPlaylist(p: PlaylistDetail): PlayerPlaylist {
  return {
    id: p.id,
    hlsUrl: p.hlsUrl,
    variants: p.variants.map((v) => ({
      label: v.label,
      height: v.height,
      width: v.width,
      bitrate: v.bitrate,
      segments: v.segments.map((s) => ({
        index: s.index,
        start: s.start,
        duration: s.duration,
        label: s.label,
      })),
    })),
  };
}
