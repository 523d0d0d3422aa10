/** The slice of hls.js this library uses, so the core runs (and is tested) without hls.js itself. */
export interface HlsLevel {
  bitrate: number;
  width: number;
  height: number;
}

export interface HlsFragStats {
  loaded: number;
  loading: { start: number; first: number; end: number };
}

export interface HlsLike {
  readonly levels: HlsLevel[];
  readonly media: HTMLMediaElement | null;
  readonly config: { abrEwmaDefaultEstimate?: number };
  readonly bandwidthEstimate: number;
  loadLevel: number;
  currentLevel: number;
  nextLevel: number;
  autoLevelCapping: number;
  on(event: string, listener: (event: string, data: any) => void): void;
  off(event: string, listener: (event: string, data: any) => void): void;
  loadSource(url: string): void;
  attachMedia(media: HTMLMediaElement): void;
  startLoad(position?: number): void;
  recoverMediaError(): void;
  destroy(): void;
}

export interface HlsStatic {
  new (config: Record<string, unknown>): HlsLike;
  isSupported(): boolean;
}

/** hls.js event names (Hls.Events values), as strings so no import of hls.js is needed here. */
export const HLS_EVENTS = {
  MANIFEST_PARSED: 'hlsManifestParsed',
  LEVEL_SWITCHED: 'hlsLevelSwitched',
  FRAG_LOADED: 'hlsFragLoaded',
  ERROR: 'hlsError',
} as const;
