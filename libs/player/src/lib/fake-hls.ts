import {
  HlsEvent,
  HlsEventData,
  HlsFragment,
  HlsLevel,
  HlsLike,
  HlsListener,
  HlsSubtitleTrack,
} from './hls-types';

/** A stand-in for hls.js in specs: records calls and lets the spec emit events. */
export class FakeHls implements HlsLike {
  static instances: FakeHls[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeHls.supported;
  }

  levels: HlsLevel[] = [
    { bitrate: 400_000, width: 426, height: 240 },
    { bitrate: 800_000, width: 640, height: 360 },
    { bitrate: 2_800_000, width: 1280, height: 720 },
  ];
  media: HTMLMediaElement | null = null;
  config = { abrEwmaDefaultEstimate: 500_000, maxBufferLength: 30 };
  bandwidthEstimate = 1_000_000;
  latestLevelDetails: HlsLike['latestLevelDetails'] = { targetduration: 4 };
  loadLevel = 0;
  nextLoadLevel = -1;
  currentLevel = -1;
  autoLevelCapping = -1;
  subtitleTracks: HlsSubtitleTrack[] = [];
  subtitleTrack = -1;
  subtitleDisplay = true;
  calls: string[] = [];
  // Listeners of any event, stored untyped; on/emit keep each event's payload type.
  private readonly handlers = new Map<HlsEvent, HlsListener<never>[]>();

  constructor(readonly options: Record<string, unknown> = {}) {
    FakeHls.instances.push(this);
  }

  on<E extends HlsEvent>(event: E, listener: HlsListener<E>): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), listener]);
  }
  off<E extends HlsEvent>(event: E, listener: HlsListener<E>): void {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((l) => l !== listener),
    );
  }
  emit<E extends HlsEvent>(event: E, data: HlsEventData[E]): void {
    for (const listener of this.handlers.get(event) ?? [])
      (listener as HlsListener<E>)(event, data);
  }
  /** hls.js's public trigger: recorded, then delivered like any event. */
  trigger<E extends HlsEvent>(event: E, data: HlsEventData[E]): void {
    this.calls.push(`trigger ${event}`);
    this.emit(event, data);
  }
  listenerCount(event: HlsEvent): number {
    return this.handlers.get(event)?.length ?? 0;
  }
  loadSource(url: string): void {
    this.calls.push(`loadSource ${url}`);
  }
  attachMedia({ media, overrides }: { media: HTMLMediaElement; overrides?: { duration?: number } }): void {
    this.media = media;
    this.calls.push(overrides?.duration === undefined ? 'attachMedia' : `attachMedia duration=${overrides.duration}`);
  }
  startLoad(): void {
    this.calls.push('startLoad');
  }
  recoverMediaError(): void {
    this.calls.push('recoverMediaError');
  }
  destroy(): void {
    this.calls.push('destroy');
  }
}

/**
 * A media element with a buffer from `currentTime` to `bufferedUntil` and a player width; `play()`
 * and `pause()` set `paused` and dispatch their events at once.
 */
export function fakeVideo(
  opts: {
    currentTime?: number;
    bufferedUntil?: number;
    clientWidth?: number;
    canPlayHls?: boolean;
  } = {},
): HTMLVideoElement {
  const {
    currentTime = 0,
    bufferedUntil = 0,
    clientWidth = 1280,
    canPlayHls = false,
  } = opts;
  // seeks are events: a spec sets `currentTime`, then dispatches `seeking`
  const events = new EventTarget();
  const video = {
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    dispatchEvent: events.dispatchEvent.bind(events),
    currentTime,
    clientWidth,
    src: '',
    paused: false,
    buffered: {
      length: bufferedUntil > 0 ? 1 : 0,
      start: () => 0,
      end: () => bufferedUntil,
    },
    canPlayType: () => (canPlayHls ? 'maybe' : ''),
    getVideoPlaybackQuality: () => ({
      droppedVideoFrames: 0,
      totalVideoFrames: 0,
    }),
    play: () => {
      video.paused = false;
      events.dispatchEvent(new Event('play'));
      return Promise.resolve();
    },
    pause: () => {
      video.paused = true;
      events.dispatchEvent(new Event('pause'));
    },
  };
  return video as unknown as HTMLVideoElement;
}

/** A main (or other) fragment of `level`, `duration` seconds, whose `bytes` took `ms` (first byte after 20 ms). */
export function fragment(
  bytes: number,
  ms: number,
  { type = 'main', level = 0, start = 0, duration = 4, sn = 1 } = {},
): HlsFragment & { aborted: boolean } {
  const frag = {
    type,
    sn,
    level,
    start,
    duration,
    stats: {
      loaded: bytes,
      total: bytes,
      loading: { start: 0, first: 20, end: ms },
    },
    aborted: false,
    abortRequests: () => {
      frag.aborted = true;
    },
  };
  return frag;
}
