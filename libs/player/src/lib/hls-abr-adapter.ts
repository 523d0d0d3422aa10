import { AbrController, AbrDecision } from './abr-controller';
import { EwmaBandwidthEstimator } from './ewma-bandwidth-estimator';
import { HLS_EVENTS, HlsLike, HlsListener } from './hls-types';
import { bufferAhead, frameCounts } from './media-metrics';

/** What the adapter reads from the browser; replaced in tests. */
export interface AbrEnvironment {
  network(): { downlink?: number; effectiveType?: string } | null;
  devicePixelRatio(): number;
}

/**
 * Builds the class for hls.js's `abrController` option: hls.js does the loading and buffering,
 * our pure AbrController makes every automatic choice. One decision per loaded main fragment
 * (so the hysteresis counters count segments, as the prototype's did); hls.js reads the cached
 * choice through `nextAutoLevel` as often as it likes.
 */
export class HlsAbrAdapter {
  bwEstimator: EwmaBandwidthEstimator;
  forcedAutoLevel = -1;
  private readonly controller = new AbrController();
  private chosen = -1;
  private lastFrames = { dropped: 0, total: 0 };

  constructor(
    private readonly hls: HlsLike,
    private readonly env: AbrEnvironment,
    private readonly onDecision: (decision: AbrDecision) => void,
  ) {
    this.bwEstimator = new EwmaBandwidthEstimator(
      hls.config.abrEwmaDefaultEstimate,
    );
    hls.on(HLS_EVENTS.FRAG_LOADED, this.onFragLoaded);
  }

  get firstAutoLevel(): number {
    if (this.chosen < 0) this.chosen = this.decide(false).level;
    return this.chosen;
  }

  get nextAutoLevel(): number {
    if (this.forcedAutoLevel >= 0) return this.forcedAutoLevel;
    return this.chosen >= 0 ? this.chosen : this.firstAutoLevel;
  }

  set nextAutoLevel(level: number) {
    this.forcedAutoLevel = level;
  }

  resetEstimator(defaultEstimate?: number): void {
    this.bwEstimator = this.bwEstimator.reset(defaultEstimate);
    this.controller.reset();
    this.chosen = -1;
  }

  destroy(): void {
    this.hls.off(HLS_EVENTS.FRAG_LOADED, this.onFragLoaded);
  }

  private readonly onFragLoaded: HlsListener<typeof HLS_EVENTS.FRAG_LOADED> = (
    _event,
    data,
  ) => {
    if (data.frag.type !== 'main') return;
    const { loaded, loading } = data.frag.stats;
    this.bwEstimator.sample(loading.end - loading.start, loaded);
    this.bwEstimator.sampleTTFB(loading.first - loading.start);
    this.forcedAutoLevel = -1;
    this.chosen = this.decide(true).level;
  };

  private decide(measured: boolean): AbrDecision {
    const { hls } = this;
    const capping = hls.autoLevelCapping;
    const levels = capping >= 0 ? hls.levels.slice(0, capping + 1) : hls.levels;
    const frames = frameCounts(hls.media);
    const decoded = frames.total - this.lastFrames.total;
    const droppedFrameRatio =
      decoded > 0 ? (frames.dropped - this.lastFrames.dropped) / decoded : 0;
    this.lastFrames = frames;
    const network = this.env.network();
    const decision = this.controller.decide({
      levels,
      current: Math.min(Math.max(hls.loadLevel, 0), levels.length - 1),
      throughputBps:
        measured && this.bwEstimator.canEstimate()
          ? this.bwEstimator.getEstimate()
          : null,
      bufferAheadSeconds: bufferAhead(hls.media),
      playerWidth: hls.media?.clientWidth ?? 0,
      devicePixelRatio: this.env.devicePixelRatio(),
      droppedFrameRatio,
      networkDownlinkMbps: network?.downlink ?? null,
      effectiveType: network?.effectiveType ?? null,
    });
    this.onDecision(decision);
    return decision;
  }
}

/** The constructor hls.js's `abrController` option expects: hls.js calls `new abrController(hls)`. */
export function createHlsAbrAdapter(
  env: AbrEnvironment,
  onDecision: (decision: AbrDecision) => void = () => undefined,
): new (hls: HlsLike) => HlsAbrAdapter {
  return class extends HlsAbrAdapter {
    constructor(hls: HlsLike) {
      super(hls, env, onDecision);
    }
  };
}
