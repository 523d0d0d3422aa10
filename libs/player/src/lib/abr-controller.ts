import {
  AbrContext,
  AbrDecision,
  AbrLevel,
  AbrPolicy,
  AbrReason,
  bitrateOrder,
  LoadProgress,
  SegmentLoad,
  StartContext,
} from './abr-policy';
import { EwmaBandwidthEstimator } from './ewma-bandwidth-estimator';
import { startGate, StartGateDecision } from './start-gate';

export interface AbrOptions {
  /** A rung may use this share of the throughput estimate (dash.js's bandwidth safety factor)… */
  safetyFactor: number;
  /**
   * …and a rung above the current one only this share of the estimate discounted by its recent
   * errors: the band between them is hysteresis, the discount keeps a jumpy link from buying an
   * up-switch (and its reload) on one fast segment.
   */
  upSafetyFactor: number;
  /**
   * This share of the player's maximum buffer is insurance against outages: only the buffer above
   * it pays for a rung the link does not sustain.
   */
  insuranceBufferShare: number;
  /**
   * Such an excursion starts only if that surplus covers this many segments of its deficit: an
   * excursion costs two switches and earns one rung step per segment (the linear QoE's weights).
   */
  excursionSegments: number;
  /** Above this dropped-frame ratio the player steps down and caps there (hls.js's `fpsDroppedMonitoringThreshold`). */
  maxDroppedFrameRatio: number;
  /** A loading segment is judged by its own rate once it has streamed this long, else by the estimate. */
  minStreamingMsToJudge: number;
  /** The first segment is abandoned for a lower rung if it would take longer (hls.js's `maxLoadingDelay`). */
  startupBudgetSeconds: number;
  /**
   * Segments a change of rung loads again at the new rung before going on: hls.js looks the next
   * segment up by the buffer's end once the level differs, and reloads the last one whenever the
   * buffered range ends inside it, as it does with this server's segments (audio ends ~0.1 s
   * before video). A switch is judged with that download counted.
   */
  switchReloadSegments: number;
  /**
   * The start gate keeps playback waiting at most this long, start-up included: hls.js's own
   * patience with a first segment (its fragment `maxLoadTimeMs`, 120 s), which is how long it
   * waits on a link below the lowest rung.
   */
  maxStartWaitSeconds: number;
}

export const DEFAULT_ABR_OPTIONS: AbrOptions = {
  safetyFactor: 0.9,
  upSafetyFactor: 0.8,
  insuranceBufferShare: 2 / 3,
  excursionSegments: 2,
  maxDroppedFrameRatio: 0.2,
  minStreamingMsToJudge: 1000,
  startupBudgetSeconds: 4,
  switchReloadSegments: 1,
  maxStartWaitSeconds: 120,
};

/** Typical downlink of Network Information's effectiveType values (the spec's own table), Mbit/s. */
const EFFECTIVE_TYPE_MBPS: Record<string, number> = {
  'slow-2g': 0.05,
  '2g': 0.07,
  '3g': 0.7,
  '4g': 10,
};
/** Segments over which the estimate's errors are remembered (RobustMPC's window). */
const ERROR_WINDOW = 5;

const average = (level: AbrLevel) => level.averageBitrate ?? level.bitrate;

/**
 * Picks the rung to load next from throughput and buffer together, in the spirit of dash.js's
 * dynamic strategy:
 * - start-up: what Network Information affords, else the lowest rung: with nothing known, the
 *   cheapest segment starts soonest and measures the link for the rules above it; a first segment
 *   that would take longer than the start-up budget is abandoned for a lower rung;
 * - throughput rule, which alone decides on a thin buffer: the highest rung whose average bitrate
 *   fits 90 % of the estimate; to go up, 80 % of the estimate discounted by its recent errors
 *   (RobustMPC's lower bound), since an up-switch pays a reload and the way back down another;
 * - buffer rule, once the buffer holds more than the insurance level (two thirds of the maximum):
 *   that surplus may pay for one rung more than the link sustains, as long as it covers the
 *   deficit (two segments' worth to start, one to go on), so a dip is ridden out on the buffer
 *   and a link between two rungs is shared between them. The deficit is reckoned on the same
 *   discounted estimate, so a jumpy link earns less credit;
 * - never a rung whose segment, at its peak bitrate, would arrive after the buffer ran dry (if
 *   none would, the one that arrives soonest), and never a step up the buffer could not step
 *   back down from: its loads and then the way back (the reload and a segment at the current
 *   rung) must all land before the buffer runs dry, or one fast sample on a thin buffer buys two
 *   reloads just as the link falls;
 * - every switch is judged with its real cost in hls.js: the last segment loaded again at the new
 *   rung (`switchReloadSegments`), which makes a one-rung step down on a thin buffer no faster
 *   than staying, and an excursion up dearer;
 * - emergency: while a segment loads, it is abandoned for a lower rung when it will not arrive
 *   before the buffer empties and the lower one would arrive sooner (hls.js's abandon rule);
 * - caps: the smallest rung as wide as the player in device pixels (as hls.js), and below a rung
 *   that dropped frames; a choice a cap lowered gives the cap as its reason;
 * - start gate: playback begins once the buffer covers the deficit of playing the rest at the
 *   lowest rung on the measured throughput, as far as one typical segment, and never on less
 *   than a switch down needs: the segment playing and the one the switch loads again (see
 *   `startGate`).
 * Every decision says which of these made it. Pure: the caller measures, this class keeps the
 * estimate and a little state, changed only by the events.
 */
export class AbrController implements AbrPolicy {
  bwEstimator = new EwmaBandwidthEstimator();
  /** Set when frames were dropped: no rank above this is chosen again until reset. */
  private droppedFramesCap: number | null = null;
  /** A segment has arrived: before that an empty buffer means start-up, not a stall to avoid. */
  private playbackBegun = false;
  /** Relative errors of the estimate on the last segments. */
  private errors: number[] = [];

  constructor(private readonly options: AbrOptions = DEFAULT_ABR_OPTIONS) {}

  reset(defaultEstimateBps?: number): void {
    this.bwEstimator = this.bwEstimator.reset(defaultEstimateBps);
    this.droppedFramesCap = null;
    this.playbackBegun = false;
    this.errors = [];
  }

  decide(context: AbrContext): AbrDecision {
    const order = bitrateOrder(context.levels);
    const sizeCap = this.sizeCap(context, order);
    const cap = Math.min(sizeCap, this.droppedFramesCap ?? Infinity);
    const { rank, reason } = this.choose(context, order);
    if (rank <= cap) return { level: order[rank], reason };
    return {
      level: order[cap],
      reason: cap < sizeCap ? 'dropped-frames' : 'player-size',
    };
  }

  onSegmentLoaded(load: SegmentLoad, context: AbrContext): void {
    const ttfb = Math.min(load.ttfbMs, this.bwEstimator.getEstimateTTFB());
    const streamingMs = load.loadMs - ttfb;
    if (this.bwEstimator.canEstimate()) {
      const actual = (8 * load.bytes * 1000) / Math.max(streamingMs, 1);
      const predicted = this.bwEstimator.getEstimate();
      this.errors = [
        ...this.errors,
        Math.abs(predicted - actual) / actual,
      ].slice(-ERROR_WINDOW);
    }
    this.bwEstimator.sampleTTFB(load.ttfbMs);
    this.bwEstimator.sample(streamingMs, load.bytes);

    this.playbackBegun = true;

    if ((load.droppedFrameRatio ?? 0) > this.options.maxDroppedFrameRatio) {
      const rank = bitrateOrder(context.levels).indexOf(load.level);
      this.droppedFramesCap = Math.max(
        0,
        Math.min(rank, this.droppedFramesCap ?? Infinity) - 1,
      );
    }
  }

  checkAbandon(
    progress: LoadProgress,
    context: AbrContext,
  ): AbrDecision | null {
    const order = bitrateOrder(context.levels);
    const rank = order.indexOf(progress.level);
    if (rank <= 0 || !context.playing || progress.ttfbMs === null) return null;
    const streamingMs = progress.elapsedMs - progress.ttfbMs;
    const ownRate =
      streamingMs >= this.options.minStreamingMsToJudge &&
      progress.loadedBytes > 0;
    // the first segment is judged only by its own rate: there is no estimate yet
    if (!ownRate && !this.playbackBegun) return null;
    const rate = ownRate
      ? (progress.loadedBytes * 8 * 1000) / streamingMs
      : this.bwEstimator.getEstimate();
    const total =
      progress.totalBytes ||
      (context.levels[progress.level].bitrate * progress.duration) / 8;
    const remaining = ((total - progress.loadedBytes) * 8) / rate;
    // playing, the segment must land before the buffer runs dry; starting, within the start-up budget
    const deadline = this.playbackBegun
      ? context.bufferAheadSeconds
      : Math.max(
          0,
          this.options.startupBudgetSeconds - progress.elapsedMs / 1000,
        );
    if (remaining <= deadline) return null;

    // the best lower rung that would arrive in time, else the one that arrives soonest; once
    // something is buffered, the switch also reloads the last segment there
    const ttfb = progress.ttfbMs / 1000;
    const loads = this.playbackBegun
      ? 1 + this.options.switchReloadSegments
      : 1;
    const fetch = (r: number) =>
      loads *
      (ttfb + (context.levels[order[r]].bitrate * progress.duration) / rate);
    let target = 0;
    for (let r = rank - 1; r > 0; r--) {
      if (fetch(r) <= deadline) {
        target = r;
        break;
      }
    }
    if (fetch(target) >= remaining) return null;
    this.bwEstimator.sample(streamingMs, progress.loadedBytes);
    return { level: order[target], reason: 'emergency' };
  }

  /**
   * See `startGate`: on the share of the estimate a rung may use, as the throughput rule, never on
   * less than the segment playing and those a switch loads again, so the first choice after start
   * can still step down in time, and a deficit covered as far as the playlists' mean segment.
   */
  startGate(context: StartContext): StartGateDecision {
    return startGate({
      ...context,
      minSegments: 1 + this.options.switchReloadSegments,
      maxDeficitSeconds:
        context.averageSegmentDuration || context.segmentDuration,
      maxWaitSeconds: this.options.maxStartWaitSeconds,
      estimateBps: this.bwEstimator.canEstimate()
        ? this.options.safetyFactor * this.bwEstimator.getEstimate()
        : null,
      ttfbSeconds: this.bwEstimator.getEstimateTTFB() / 1000,
    });
  }

  /** The rung the rules pick before the caps, by rank in bitrate order. */
  private choose(
    context: AbrContext,
    order: number[],
  ): { rank: number; reason: AbrReason } {
    const top = order.length - 1;
    const at = (rank: number) => context.levels[order[rank]];
    if (context.current < 0 || !this.bwEstimator.canEstimate()) {
      const budget = this.startupBudget(context);
      return {
        rank:
          budget === null
            ? 0
            : this.highest(top, (r) => at(r).bitrate <= budget),
        reason: 'startup',
      };
    }
    const current = order.indexOf(context.current);
    const estimate = this.bwEstimator.getEstimate();
    const robust = estimate / (1 + Math.max(0, ...this.errors));
    const { safetyFactor, upSafetyFactor } = this.options;
    const sustainable = this.highest(
      top,
      (r) =>
        average(at(r)) <=
        (r > current ? upSafetyFactor * robust : safetyFactor * estimate),
    );
    const ttfb = this.bwEstimator.getEstimateTTFB() / 1000;
    const { switchReloadSegments } = this.options;
    const load = (r: number) =>
      ttfb + (at(r).bitrate * context.segmentDuration) / estimate;
    // seconds until a segment of `r` is buffered, the reload a switch costs included
    const arrival = (r: number) =>
      (r === current ? 1 : 1 + switchReloadSegments) * load(r);
    // a step up also keeps room for the way back: the reload and a segment at the current rung
    const needs = (r: number) =>
      arrival(r) +
      (r > current ? (1 + switchReloadSegments) * load(current) : 0);
    const soonest = order
      .map((_, r) => r)
      .reduce((best, r) => (arrival(r) < arrival(best) ? r : best), current);
    const arrivesInTime =
      arrival(soonest) > context.bufferAheadSeconds
        ? soonest
        : this.highest(top, (r) => needs(r) <= context.bufferAheadSeconds);
    const surplus =
      context.bufferAheadSeconds -
      this.options.insuranceBufferShare * context.maxBufferSeconds;
    const affordable = this.highest(Math.min(top, current + 1), (r) => {
      const download = (context.segmentDuration * at(r).bitrate) / robust;
      const deficit = download - context.segmentDuration;
      if (r <= current) return surplus >= Math.max(0, deficit);
      // going up costs the reload and, later, the switch back down
      return (
        surplus >=
        this.options.excursionSegments * Math.max(0, deficit) +
          this.options.switchReloadSegments * download
      );
    });
    const rank = Math.min(Math.max(sustainable, affordable), arrivesInTime);
    return { rank, reason: rank > sustainable ? 'buffer' : 'throughput' };
  }

  /**
   * Bits per second the first choice may use: the measured estimate with its safety margin, else
   * Network Information as it says (the start-up budget is the margin for it); null when nothing
   * is known.
   */
  private startupBudget(context: AbrContext): number | null {
    if (this.bwEstimator.canEstimate())
      return this.options.safetyFactor * this.bwEstimator.getEstimate();
    const mbps =
      context.networkDownlinkMbps ??
      (context.effectiveType
        ? EFFECTIVE_TYPE_MBPS[context.effectiveType]
        : undefined);
    return mbps === undefined ? null : mbps * 1e6;
  }

  /** The highest rank up to `cap` that passes, else the lowest. */
  private highest(cap: number, passes: (rank: number) => boolean): number {
    for (let r = cap; r > 0; r--) if (passes(r)) return r;
    return 0;
  }

  /**
   * As hls.js's `capLevelToPlayerSize`: the smallest rung at least as wide as the player in device
   * pixels (the highest bitrate of that width), so the picture is never upscaled when a sharper one
   * exists; every rung when none is that wide.
   */
  private sizeCap(context: AbrContext, order: number[]): number {
    const maxWidth = context.playerWidth * (context.devicePixelRatio ?? 1);
    const top = order.length - 1;
    if (!(maxWidth > 0)) return top;
    const wide = order
      .map((i) => context.levels[i].width)
      .filter((w) => w >= maxWidth);
    if (wide.length === 0) return top;
    const fit = Math.min(...wide);
    return this.highest(top, (r) => context.levels[order[r]].width <= fit);
  }
}
