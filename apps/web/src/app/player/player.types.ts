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

export interface PlayerPlaylist {
  id: string;
  hlsUrl: string | null;
  variants: PlayerVariant[];
}
