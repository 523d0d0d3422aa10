import type { PlaylistManifest } from './manifest';
import { CaptionSource } from './models/caption.model';
import { PlaylistStatus } from './models/playlist-status.enum';
import type { Playlist } from './models/playlist.model';

/** Root-relative URL of a file in a playlist folder; each path part is percent-encoded. */
export function mediaUrl(playlistId: string, path: string): string {
  return `/media/${[playlistId, ...path.split('/')].map(encodeURIComponent).join('/')}`;
}

/** Playable once published while encoding, and always once READY (manifests from before publishing while encoding have no `playable_at`). */
export function isPlayable(m: PlaylistManifest): boolean {
  return Boolean(m.playable_at) || m.status === PlaylistStatus.READY;
}

/** The manifest each Playlist was built from, for field resolvers elsewhere (progress) to read without asking the catalog again. */
const sources = new WeakMap<Playlist, PlaylistManifest>();

export function manifestOf(playlist: Playlist): PlaylistManifest | undefined {
  return sources.get(playlist);
}

export function toPlaylist(m: PlaylistManifest): Playlist {
  const url = (path: string | null) => (path ? mediaUrl(m.id, path) : null);
  const playlist: Playlist = {
    id: m.id,
    title: m.title,
    status: m.status,
    createdAt: new Date(m.created_at),
    source: {
      filename: m.source.filename,
      sizeBytes: m.source.size_bytes,
      width: m.source.width,
      height: m.source.height,
      displayWidth: m.source.display_width,
      displayHeight: m.source.display_height,
      rotation: m.source.rotation,
      duration: m.source.duration,
      frameRate: m.source.frame_rate,
      videoCodec: m.source.video_codec,
      audioCodec: m.source.audio_codec,
      hasAudio: m.source.has_audio,
    },
    segmentDuration: m.segment_duration,
    requestedResolutions: m.requested_resolutions,
    skippedResolutions: m.skipped_resolutions,
    // a getter: a listing that does not ask for variants never builds their segments' URLs
    get variants() {
      return m.variants.map((v) => {
        let start = 0;
        return {
          label: v.label,
          height: v.height,
          width: v.width,
          bitrate: v.bitrate,
          averageBitrate: v.average_bitrate,
          codecs: v.codecs,
          sizeBytes: v.size_bytes,
          playlistUrl: mediaUrl(m.id, v.playlist),
          initUrl: mediaUrl(m.id, v.init),
          segmentCount: v.segments.length,
          segments: v.segments.map((s, index) => {
            const segment = { index, start, duration: s.duration, sizeBytes: s.size_bytes, url: mediaUrl(m.id, s.path), label: s.label };
            start = Math.round((start + s.duration) * 1e6) / 1e6;
            return segment;
          }),
        };
      });
    },
    playable: isPlayable(m),
    playableAt: m.playable_at ? new Date(m.playable_at) : null,
    hlsUrl: url(m.hls_manifest),
    dashUrl: url(m.dash_manifest),
    posterUrl: url(m.poster),
    storyboard: m.storyboard
      ? {
          vttUrl: mediaUrl(m.id, m.storyboard.vtt),
          spriteUrls: m.storyboard.sprites.map((sprite) => mediaUrl(m.id, sprite)),
          interval: m.storyboard.interval,
          count: m.storyboard.count,
          width: m.storyboard.width,
          height: m.storyboard.height,
          columns: m.storyboard.columns,
          rows: m.storyboard.rows,
        }
      : null,
    captions: (m.captions ?? []).map((c) => ({
      language: c.language,
      label: c.label,
      url: mediaUrl(m.id, c.path),
      playlistUrl: mediaUrl(m.id, c.playlist),
      source: c.source === 'extracted' ? CaptionSource.EXTRACTED : CaptionSource.UPLOADED,
    })),
    skippedSubtitles: (m.skipped_subtitles ?? []).map((s) => ({ streamIndex: s.stream_index, codec: s.codec, language: s.language, reason: s.reason })),
    error: m.error,
  };
  sources.set(playlist, m);
  return playlist;
}
