// What the player needs from a playlist, and nothing more.
import type { PlaylistDetail } from '../playlists/data-access/playlists.service';
import type { PlayerPlaylist } from '../player/player.types';

export function toPlayerPlaylist(p: PlaylistDetail): PlayerPlaylist {
  return {
    id: p.id,
    hlsUrl: p.hlsUrl,
    // until READY the rung playlists grow and do not say how long the video is: the probe does
    expectedDuration: p.status === 'READY' ? null : p.source.duration,
    storyboardUrl: p.storyboard?.vttUrl ?? null,
    captions: p.captions.map((c) => ({ language: c.language, label: c.label })),
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
