import { AbrController } from './abr-controller';
import type {
  AbrContext,
  AbrDecision,
  AbrPolicy,
  StartContext,
} from './abr-policy';
import { HLS_EVENTS, HlsFragment, HlsLike, HlsListener } from './hls-types';
import { bufferAhead, frameCounts } from './media-metrics';
import type { StartGateDecision } from './start-gate';

/** What the adapter reads from the browser; replaced in tests. */
export interface AbrEnvironment {
  network(): { downlink?: number; effectiveType?: string } | null;
  devicePixelRatio(): number;
}

/** What the adapter tells its owner. */
export interface AbrListeners {
  /** The choice or its reason changed. */
  decision?(decision: AbrDecision): void;
  /** The policy's start gate, after each main segment loads until it opens (before it is appended). */
  startGate?(gate: StartGateDecision): void;
}

/** hls.js's own abandon timer period. */
const ABANDON_CHECK_MS = 100;
/**
 * Dropped frames are judged over at least this much playback (hls.js's `fpsDroppedMonitoringPeriod`):
 * the first second after start-up, or a busy moment of the machine, drops a few frames of few.
 */
const DROPPED_FRAMES_PERIOD_MS = 5000;
/** hls.js's `maxBufferLength` default, for a config that does not say. */
const DEFAULT_MAX_BUFFER_SECONDS = 30;
/** hls.js's `maxFragLookUpTolerance`: a segment ending this close past the buffer is taken as loaded. */
const FRAG_LOOKUP_TOLERANCE = 0.25;

/**
 * Builds the class for hls.js's `abrController` option: hls.js does the loading and buffering, an
 * `AbrPolicy` (our AbrController unless told otherwise) makes every automatic choice. hls.js reads
 * `nextAutoLevel` as often as it likes and each read asks the policy afresh; loaded fragments feed
 * the policy's estimate, and while a main fragment loads the policy may abandon it for a lower rung
 * (hls.js aborts it and loads the same fragment again there). Until playback may begin, each loaded
 * fragment also asks the policy's start gate, counting the fragment as buffered, and says what it
 * answered (`StartHold` acts on it).
 */
export class HlsAbrAdapter {
  forcedAutoLevel = -1;
  private lastDecision: AbrDecision | null = null;
  /** Frame counts when dropped frames were last judged, and when. */
  private lastFrames = { dropped: 0, total: 0, at: 0 };
  private loading: HlsFragment | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  /** When the source was loaded (hls.js builds its controllers then), and whether the gate opened. */
  private readonly createdAt = performance.now();
  private startGateOpen = false;

  constructor(
    private readonly hls: HlsLike,
    private readonly env: AbrEnvironment,
    private readonly listeners: AbrListeners = {},
    private readonly policy: AbrPolicy = new AbrController(),
  ) {
    hls.on(HLS_EVENTS.FRAG_LOADING, this.onFragLoading);
    hls.on(HLS_EVENTS.FRAG_LOADED, this.onFragLoaded);
  }

  /** hls.js reads it for `hls.bandwidthEstimate`. */
  get bwEstimator() {
    return this.policy.bwEstimator;
  }

  get firstAutoLevel(): number {
    return this.decide().level;
  }

  get nextAutoLevel(): number {
    if (this.forcedAutoLevel >= 0) return this.forcedAutoLevel;
    return this.decide().level;
  }

  set nextAutoLevel(level: number) {
    this.forcedAutoLevel = level;
  }

  resetEstimator(defaultEstimate?: number): void {
    this.policy.reset(defaultEstimate);
    this.lastDecision = null;
  }

  destroy(): void {
    this.stopChecking();
    this.hls.off(HLS_EVENTS.FRAG_LOADING, this.onFragLoading);
    this.hls.off(HLS_EVENTS.FRAG_LOADED, this.onFragLoaded);
  }

  private readonly onFragLoading: HlsListener<typeof HLS_EVENTS.FRAG_LOADING> =
    (_event, { frag }) => {
      if (!isMainSegment(frag)) return;
      this.stopChecking();
      this.loading = frag;
      this.timer = setInterval(this.checkAbandon, ABANDON_CHECK_MS);
    };

  private readonly onFragLoaded: HlsListener<typeof HLS_EVENTS.FRAG_LOADED> = (
    _event,
    { frag },
  ) => {
    if (!isMainSegment(frag)) return;
    this.stopChecking();
    const { loaded, loading } = frag.stats;
    const frames = { ...frameCounts(this.hls.media), at: performance.now() };
    const judged = frames.at - this.lastFrames.at >= DROPPED_FRAMES_PERIOD_MS;
    const decoded = frames.total - this.lastFrames.total;
    this.policy.onSegmentLoaded(
      {
        level: frag.level,
        bytes: loaded,
        duration: frag.duration,
        loadMs: loading.end - loading.start,
        ttfbMs: loading.first - loading.start,
        droppedFrameRatio:
          judged && decoded > 0
            ? (frames.dropped - this.lastFrames.dropped) / decoded
            : undefined,
      },
      this.context(frag.duration),
    );
    if (judged) this.lastFrames = frames;
    this.forcedAutoLevel = -1;
    if (!this.startGateOpen && this.policy.startGate) {
      const gate = this.policy.startGate(this.startContext(frag));
      this.startGateOpen = gate.open;
      this.listeners.startGate?.(gate);
    }
  };

  private readonly checkAbandon = () => {
    const frag = this.loading;
    if (!frag) return;
    const { stats } = frag;
    const elapsedMs = performance.now() - stats.loading.start;
    const decision = this.policy.checkAbandon(
      {
        level: frag.level,
        duration: frag.duration,
        elapsedMs,
        ttfbMs:
          stats.loading.first > 0
            ? stats.loading.first - stats.loading.start
            : null,
        loadedBytes: stats.loaded,
        totalBytes: stats.total ?? 0,
      },
      this.context(frag.duration),
    );
    if (!decision || decision.level === frag.level) return;
    this.stopChecking();
    this.forcedAutoLevel = decision.level;
    this.hls.nextLoadLevel = decision.level;
    frag.abortRequests();
    // as hls.js's own controller does: the stream controller then loads the fragment again at once
    this.hls.trigger(HLS_EVENTS.FRAG_LOAD_EMERGENCY_ABORTED, {
      frag,
      part: null,
      stats,
    });
    this.report(decision);
  };

  private stopChecking(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.loading = null;
  }

  private decide(): AbrDecision {
    const decision = this.policy.decide(this.context());
    this.report(decision);
    return decision;
  }

  /** Tells the caller when the choice or its reason changes (hls.js asks many times per segment). */
  private report(decision: AbrDecision): void {
    const last = this.lastDecision;
    if (
      last &&
      last.level === decision.level &&
      last.reason === decision.reason
    )
      return;
    this.lastDecision = decision;
    this.listeners.decision?.(decision);
  }

  private context(segmentDuration?: number): AbrContext {
    const { hls } = this;
    const capping = hls.autoLevelCapping;
    const levels = capping >= 0 ? hls.levels.slice(0, capping + 1) : hls.levels;
    const media = hls.media;
    const network = this.env.network();
    const buffered = bufferAhead(media);
    return {
      levels,
      current:
        hls.loadLevel < levels.length ? hls.loadLevel : levels.length - 1,
      bufferAheadSeconds: buffered,
      segmentDuration:
        segmentDuration ??
        nextSegmentDuration(hls, (media?.currentTime ?? 0) + buffered),
      averageSegmentDuration: levelDuration(hls),
      maxBufferSeconds:
        hls.config.maxBufferLength ?? DEFAULT_MAX_BUFFER_SECONDS,
      playing: !!media && !media.paused,
      playerWidth: media?.clientWidth ?? 0,
      devicePixelRatio: this.env.devicePixelRatio(),
      networkDownlinkMbps: network?.downlink ?? null,
      effectiveType: network?.effectiveType ?? null,
    };
  }

  /** As it will stand once `frag` is appended. */
  private startContext(frag: HlsFragment): StartContext {
    const context = this.context(frag.duration);
    const position = this.hls.media?.currentTime ?? 0;
    const buffered = Math.max(
      context.bufferAheadSeconds,
      frag.start + frag.duration - position,
    );
    const details = this.hls.latestLevelDetails;
    const end =
      details && details.live === false && details.totalduration !== undefined
        ? details.totalduration
        : null;
    return {
      ...context,
      bufferAheadSeconds: buffered,
      remainingSeconds:
        end === null ? null : Math.max(0, end - position - buffered),
      remainingSegments:
        end === null ||
        details?.endSN === undefined ||
        frag.sn === 'initSegment'
          ? null
          : Math.max(0, details.endSN - frag.sn),
      waitedSeconds: (performance.now() - this.createdAt) / 1000,
    };
  }
}

/**
 * The length of the segment hls.js loads next, found as hls.js finds it: the first of the playlist
 * to end past the buffer's end (within its lookup tolerance). A lead-in's 1 s segments are 1 s, not
 * the playlist's mean; that mean where the playlist lists no segments.
 */
function nextSegmentDuration(hls: HlsLike, bufferEnd: number): number {
  const next = hls.latestLevelDetails?.fragments?.find(
    (f) => f.start + f.duration - FRAG_LOOKUP_TOLERANCE > bufferEnd,
  );
  return next?.duration ?? levelDuration(hls);
}

/** The typical segment duration of the level loaded last, 0 before any. */
function levelDuration(hls: HlsLike): number {
  const details = hls.latestLevelDetails;
  return details?.averagetargetduration ?? details?.targetduration ?? 0;
}

/** The fragments the policy judges: main media, not init segments or other tracks. */
function isMainSegment(frag: HlsFragment): boolean {
  return frag.type === 'main' && frag.sn !== 'initSegment';
}

/** The constructor hls.js's `abrController` option expects: hls.js calls `new abrController(hls)`. */
export function createHlsAbrAdapter(
  env: AbrEnvironment,
  listeners: AbrListeners = {},
  createPolicy: () => AbrPolicy = () => new AbrController(),
): new (hls: HlsLike) => HlsAbrAdapter {
  return class extends HlsAbrAdapter {
    constructor(hls: HlsLike) {
      super(hls, env, listeners, createPolicy());
    }
  };
}
