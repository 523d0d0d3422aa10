import type { AbrDecision } from './abr-policy';
import { CaptionsController } from './captions-controller';
import { GrowingStreamGuard } from './growing-stream';
import { AbrEnvironment, createHlsAbrAdapter } from './hls-abr-adapter';
import { appendSample, StatsSample, SwitchReason } from './stats-history';
import { HLS_EVENTS, HlsErrorData, HlsLike, HlsStatic } from './hls-types';
import { bufferAhead, frameCounts } from './media-metrics';
import { StartHold, StartStatus } from './start-hold';

export interface PlayerError {
  type: string;
  details: string;
  fatal: boolean;
  message: string;
}

export interface PlayerState {
  mode: 'auto' | 'manual';
  /** Heights (rung identity across hls.js's level order): the manual choice, auto's choice, and what plays. */
  manualHeight: number | null;
  autoHeight: number | null;
  playingHeight: number | null;
  throughputBps: number | null;
  bufferAheadSeconds: number;
  droppedFrames: number;
  /** 'mse' through hls.js, 'native' where the browser plays HLS itself. */
  engine: 'mse' | 'native' | null;
  error: PlayerError | null;
  /** Why the rendition last changed. */
  switchReason: SwitchReason | null;
  /** The last minute, one sample a second: estimate, chosen bitrate, buffer. */
  history: readonly StatsSample[];
  /** Start-up: held by the start gate until the buffer covers a slow link, or let go and why; null before it is asked. */
  start: StartStatus | null;
}

export const INITIAL_PLAYER_STATE: PlayerState = {
  mode: 'auto',
  manualHeight: null,
  autoHeight: null,
  playingHeight: null,
  throughputBps: null,
  bufferAheadSeconds: 0,
  droppedFrames: 0,
  engine: null,
  error: null,
  switchReason: null,
  history: [],
  start: null,
};

const MAX_NETWORK_RETRIES = 3;
const STATS_INTERVAL_MS = 1000;
const RECOVERED_BUFFER_SECONDS = 1;

export interface LoadOptions {
  /**
   * Seconds the stream will last (the probed duration) while its playlists still grow: the
   * MediaSource takes it, so the seek bar spans the whole video from the start.
   */
  expectedDuration?: number;
  /** Seconds to start from (a finished stream loaded again where it was playing); 0 by default. */
  startPosition?: number;
}

/**
 * A framework-free adaptive player: hls.js over MSE with our ABR controller, or the browser's own
 * HLS where MSE is missing. Views read `state` snapshots; every error goes through `onError`.
 * Playback does not begin until the controller's start gate opens: on a link below the lowest
 * rung the element stays paused (a press of play is kept for then) while the buffer builds.
 */
export class AdaptivePlayer {
  private hls: HlsLike | null = null;
  private guard: GrowingStreamGuard | null = null;
  private hold: StartHold | null = null;
  private captions: CaptionsController | null = null;
  private video: HTMLVideoElement | null = null;
  private state: PlayerState = INITIAL_PLAYER_STATE;
  private readonly listeners = new Set<(state: PlayerState) => void>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private networkRetries = 0;
  private loadedAt = 0;
  private chosenBitrate: number | null = null;

  constructor(
    private readonly Hls: HlsStatic | null,
    private readonly env: AbrEnvironment,
  ) {}

  subscribe(listener: (state: PlayerState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  attach(video: HTMLVideoElement): void {
    this.video = video;
  }

  /**
   * Plays from 0, also while the playlists still grow: hls.js would start an unended playlist near
   * its live edge. It never jumps there later: it does only when the latency passes
   * `liveMaxLatencyDuration(Count)`, unbounded by default, or when the play head leaves the playlist,
   * which `GrowingStreamGuard` prevents. When the playlists end, hls.js plays on as VOD.
   */
  load(hlsUrl: string, options: LoadOptions = {}): void {
    const video = this.video;
    if (!video) throw new Error('attach a video element before load()');
    this.teardown();
    this.networkRetries = 0;
    this.state = INITIAL_PLAYER_STATE;
    this.loadedAt = Date.now();
    this.chosenBitrate = null;
    if (this.Hls?.isSupported()) {
      const hls = new this.Hls({
        abrController: createHlsAbrAdapter(this.env, {
          decision: (d) => this.onDecision(d),
          startGate: (gate) => this.hold?.apply(gate),
        }),
        capLevelToPlayerSize: false,
        startPosition: options.startPosition ?? 0,
      });
      this.hls = hls;
      this.guard = new GrowingStreamGuard(hls, video);
      this.hold = new StartHold(video, (start) => this.update({ start }));
      this.captions = new CaptionsController(hls, video);
      hls.on(HLS_EVENTS.LEVEL_SWITCHED, (_e, data) =>
        this.update({ playingHeight: hls.levels[data.level]?.height ?? null }),
      );
      hls.on(HLS_EVENTS.ERROR, (_e, data) => this.onError(data));
      hls.loadSource(hlsUrl);
      const { expectedDuration } = options;
      hls.attachMedia({ media: video, overrides: expectedDuration ? { duration: expectedDuration } : undefined });
      this.update({ engine: 'mse' });
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.src = hlsUrl;
      this.captions = new CaptionsController(null, video);
      this.update({ engine: 'native' });
    } else {
      this.update({
        error: {
          type: 'mediaError',
          details: 'unsupported',
          fatal: true,
          message:
            'This browser can play neither HLS nor Media Source Extensions.',
        },
      });
      return;
    }
    this.timer = setInterval(() => this.sampleStats(), STATS_INTERVAL_MS);
  }

  /** Manual choice: auto off, switch at once keeping the position (hls.js flushes and reloads from the play head). */
  selectHeight(height: number): void {
    const hls = this.hls;
    const level = hls?.levels.findIndex((l) => l.height === height) ?? -1;
    if (!hls || level < 0) return;
    hls.currentLevel = level;
    this.chosenBitrate = hls.levels[level].bitrate;
    this.update({ mode: 'manual', manualHeight: height, switchReason: 'manual' });
  }

  setAuto(on: boolean): void {
    if (!this.hls) return;
    if (on) {
      this.hls.currentLevel = -1;
      this.update({ mode: 'auto', manualHeight: null });
    } else {
      const playing = this.state.playingHeight ?? this.state.autoHeight;
      if (playing !== null) this.selectHeight(playing);
    }
  }

  /** Shows captions in this language (as the master's SUBTITLES group tags them), or none. */
  selectCaption(language: string | null): void {
    this.captions?.select(language);
  }

  seek(seconds: number): void {
    if (this.video) this.video.currentTime = seconds;
  }

  destroy(): void {
    this.teardown();
    this.listeners.clear();
    this.video = null;
  }

  private teardown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.guard?.destroy();
    this.guard = null;
    this.hold?.destroy();
    this.hold = null;
    this.captions?.destroy();
    this.captions = null;
    this.hls?.destroy();
    this.hls = null;
  }

  private onDecision(decision: AbrDecision): void {
    const level = this.hls?.levels[decision.level];
    const autoHeight = level?.height ?? null;
    if (this.state.mode === 'auto') this.chosenBitrate = level?.bitrate ?? null;
    // a decision that keeps the rung does not explain the last switch
    const switched = autoHeight !== this.state.autoHeight && this.state.mode === 'auto';
    this.update({ autoHeight, ...(switched ? { switchReason: decision.reason } : {}) });
  }

  /** The one place errors are handled: recover what hls.js can, say what happened otherwise. */
  private onError(data: HlsErrorData): void {
    const error: PlayerError = {
      type: data.type,
      details: data.details,
      fatal: data.fatal,
      message: describeError(data.type, data.details),
    };
    if (!data.fatal) return;
    if (
      data.type === 'networkError' &&
      this.networkRetries < MAX_NETWORK_RETRIES
    ) {
      this.networkRetries++;
      this.hls?.startLoad();
      this.update({
        error: {
          ...error,
          fatal: false,
          message: `${error.message} Retrying (${this.networkRetries}/${MAX_NETWORK_RETRIES})…`,
        },
      });
      return;
    }
    if (data.type === 'mediaError') {
      this.hls?.recoverMediaError();
      this.update({
        error: {
          ...error,
          fatal: false,
          message: `${error.message} Recovering…`,
        },
      });
      return;
    }
    this.teardown();
    this.update({ error });
  }

  private sampleStats(): void {
    const estimate = this.hls?.bandwidthEstimate;
    const buffered = bufferAhead(this.video);
    const { error } = this.state;
    const throughputBps = estimate !== undefined && Number.isFinite(estimate) ? estimate : null;
    this.update({
      throughputBps,
      bufferAheadSeconds: buffered,
      history: appendSample(this.state.history, {
        t: Math.round((Date.now() - this.loadedAt) / 100) / 10,
        throughputBps,
        chosenBitrate: this.chosenBitrate,
        bufferSeconds: buffered,
        reason: this.state.switchReason,
      }),
      droppedFrames: frameCounts(this.video).dropped,
      // a recovered error is cleared once media flows again; a fatal one stays
      error:
        error && !error.fatal && buffered > RECOVERED_BUFFER_SECONDS
          ? null
          : error,
    });
  }

  private update(change: Partial<PlayerState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener(this.state);
  }
}

export function describeError(type: string, details: string): string {
  if (type === 'networkError')
    return `Network error while loading the stream (${details}).`;
  if (type === 'mediaError')
    return `The browser could not decode the stream (${details}).`;
  return `Playback failed (${details}).`;
}
