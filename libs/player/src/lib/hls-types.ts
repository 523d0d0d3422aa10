/** The slice of hls.js this library uses, so the core runs (and is tested) without hls.js itself. */
export interface HlsLevel {
  bitrate: number;
  width: number;
  height: number;
}

/** hls.js event names (Hls.Events values), as strings so no import of hls.js is needed here. */
export const HLS_EVENTS = {
  LEVEL_SWITCHED: 'hlsLevelSwitched',
  FRAG_LOADED: 'hlsFragLoaded',
  ERROR: 'hlsError',
} as const;

export interface HlsErrorData {
  type: string;
  details: string;
  fatal: boolean;
  error?: Error;
}

/** The payload hls.js passes with each event this library listens to. */
export interface HlsEventData {
  [HLS_EVENTS.LEVEL_SWITCHED]: { level: number };
  [HLS_EVENTS.FRAG_LOADED]: {
    frag: {
      type: string;
      stats: { loaded: number; loading: { start: number; first: number; end: number } };
    };
  };
  [HLS_EVENTS.ERROR]: HlsErrorData;
}

export type HlsEvent = keyof HlsEventData;
export type HlsListener<E extends HlsEvent> = (event: E, data: HlsEventData[E]) => void;

export interface HlsLike {
  readonly levels: HlsLevel[];
  readonly media: HTMLMediaElement | null;
  readonly config: { abrEwmaDefaultEstimate?: number };
  readonly bandwidthEstimate: number;
  loadLevel: number;
  currentLevel: number;
  autoLevelCapping: number;
  on<E extends HlsEvent>(event: E, listener: HlsListener<E>): void;
  off<E extends HlsEvent>(event: E, listener: HlsListener<E>): void;
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
