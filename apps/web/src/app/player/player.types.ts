/** What the player needs of a playlist (the dashboard maps the GraphQL Playlist to it). */
export interface PlayerSegment {
  index: number;
  start: number;
  duration: number;
  label: string;
}

export interface PlayerVariant {
  label: string;
  height: number;
  width: number;
  bitrate: number;
  segments: PlayerSegment[];
}

export interface PlayerCaption {
  /** BCP 47, as the master's SUBTITLES group tags the track. */
  language: string;
  label: string;
}

export interface PlayerPlaylist {
  id: string;
  hlsUrl: string | null;
  /** Seconds, from the probe, while the stream is still being encoded (its playlists grow); null once READY. */
  expectedDuration: number | null;
  /** The WebVTT thumbnails track for seek previews; null until READY and when there is none. */
  storyboardUrl: string | null;
  /** Empty until READY. */
  variants: PlayerVariant[];
  captions: PlayerCaption[];
}
