/** The slice of hls.js this library uses, so the core runs (and is tested) without hls.js itself. */
export interface HlsLevel {
  bitrate: number;
  /** AVERAGE-BANDWIDTH where the playlist gives it, else the measured or declared bitrate. */
  averageBitrate?: number;
  width: number;
  height: number;
}

/** hls.js event names (Hls.Events values), as strings so no import of hls.js is needed here. */
export const HLS_EVENTS = {
  LEVEL_SWITCHED: 'hlsLevelSwitched',
  LEVEL_UPDATED: 'hlsLevelUpdated',
  FRAG_LOADING: 'hlsFragLoading',
  FRAG_LOADED: 'hlsFragLoaded',
  FRAG_LOAD_EMERGENCY_ABORTED: 'hlsFragLoadEmergencyAborted',
  SUBTITLE_TRACKS_UPDATED: 'hlsSubtitleTracksUpdated',
  ERROR: 'hlsError',
} as const;

/** A fragment as hls.js hands it over; `stats` fill in while it loads (times from `performance.now()`). */
export interface HlsFragment {
  type: string;
  /** The media sequence number, or 'initSegment'. */
  sn: number | 'initSegment';
  level: number;
  /** Media time it starts at, and its length, seconds. */
  start: number;
  duration: number;
  stats: {
    loaded: number;
    /** Content length once known. */
    total?: number;
    loading: { start: number; first: number; end: number };
  };
  abortRequests(): void;
}

/** A rung's media playlist as last loaded: `live` until `#EXT-X-ENDLIST`, `edge` the end of its last segment in seconds. */
export interface HlsLevelDetails {
  live: boolean;
  edge: number;
}

/** An entry of the master's SUBTITLES group, as hls.js lists it. */
export interface HlsSubtitleTrack {
  id: number;
  name: string;
  lang?: string;
}

export interface HlsErrorData {
  type: string;
  details: string;
  fatal: boolean;
  error?: Error;
}

/** The payload hls.js passes with each event this library listens to. */
export interface HlsEventData {
  [HLS_EVENTS.LEVEL_SWITCHED]: { level: number };
  [HLS_EVENTS.LEVEL_UPDATED]: { level: number; details: HlsLevelDetails };
  [HLS_EVENTS.FRAG_LOADING]: { frag: HlsFragment };
  [HLS_EVENTS.FRAG_LOADED]: { frag: HlsFragment };
  [HLS_EVENTS.FRAG_LOAD_EMERGENCY_ABORTED]: {
    frag: HlsFragment;
    part: null;
    stats: HlsFragment['stats'];
  };
  [HLS_EVENTS.SUBTITLE_TRACKS_UPDATED]: { subtitleTracks: HlsSubtitleTrack[] };
  [HLS_EVENTS.ERROR]: HlsErrorData;
}

export type HlsEvent = keyof HlsEventData;
export type HlsListener<E extends HlsEvent> = (
  event: E,
  data: HlsEventData[E],
) => void;

export interface HlsLike {
  readonly levels: HlsLevel[];
  readonly media: HTMLMediaElement | null;
  readonly config: {
    abrEwmaDefaultEstimate?: number;
    maxBufferLength?: number;
  };
  readonly bandwidthEstimate: number;
  readonly latestLevelDetails: {
    targetduration: number;
    averagetargetduration?: number;
    /** Until `#EXT-X-ENDLIST`. */
    live?: boolean;
    /** Seconds the playlist's segments add up to. */
    totalduration?: number;
    /** Sequence number of the playlist's last segment. */
    endSN?: number;
    fragments?: readonly { start: number; duration: number }[];
  } | null;
  loadLevel: number;
  nextLoadLevel: number;
  currentLevel: number;
  autoLevelCapping: number;
  readonly subtitleTracks: HlsSubtitleTrack[];
  /** Index into `subtitleTracks`, -1 for none. */
  subtitleTrack: number;
  subtitleDisplay: boolean;
  on<E extends HlsEvent>(event: E, listener: HlsListener<E>): void;
  off<E extends HlsEvent>(event: E, listener: HlsListener<E>): void;
  trigger<E extends HlsEvent>(event: E, data: HlsEventData[E]): void;
  loadSource(url: string): void;
  /** `overrides.duration` sets the MediaSource duration instead of the playlist's (hls.js's `MediaOverrides`). */
  attachMedia(data: { media: HTMLMediaElement; overrides?: { duration?: number } }): void;
  startLoad(position?: number): void;
  recoverMediaError(): void;
  destroy(): void;
}

export interface HlsStatic {
  new (config: Record<string, unknown>): HlsLike;
  isSupported(): boolean;
}
