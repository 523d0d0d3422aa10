import type {
  AbrContext,
  AbrDecision,
  AbrLevel,
  AbrPolicy,
  LoadProgress,
  SegmentLoad,
} from '../../abr-policy';
import { EwmaBandwidthEstimator } from '../../ewma-bandwidth-estimator';

/** hls.js 1.7.4's defaults (`src/config.ts`) that its ABR reads. */
const HLSJS = {
  abrEwmaDefaultEstimate: 500_000,
  abrEwmaDefaultEstimateMax: 5_000_000,
  abrBandWidthFactor: 0.95,
  abrBandWidthUpFactor: 0.7,
  maxStarvationDelay: 4,
};

/**
 * hls.js 1.7.4's default ABR (`src/controller/abr-controller.ts`) as a policy, for the simulator:
 * the same estimator (EWMAs of 3 s and 9 s, the lower one), `findBestLevel` with 0.95 of the
 * estimate to stay or go down and 0.7 to go up, and the abandon rule with its delayed abort.
 * Left out because our streams never exercise them: codec tiers, errors and penalties, live,
 * the bandwidth test (only with `startLevel: -1`), low-latency parts.
 */
export class HlsjsDefaultAbr implements AbrPolicy {
  bwEstimator = new EwmaBandwidthEstimator(HLSJS.abrEwmaDefaultEstimate);
  private manifestSeen = false;
  private lastLoadedFragLevel = -1;
  private firstSelection = -1;
  /** `_nextAutoLevel` as set by the abandon rule: wins until a segment of that level loads. */
  private forced = -1;
  /** Duration of `fragCurrent`, 0 when there is none. */
  private fragDuration = 0;
  /** Levels whose media playlist was loaded (hls.js keeps `details` for them). */
  private readonly loaded = new Set<number>();
  /** An abort the rule scheduled for the segment loading now, at this many ms into it. */
  private abortAtMs: number | null = null;

  decide(context: AbrContext): AbrDecision {
    this.onManifest(context.levels);
    if (this.forced !== -1) return { level: this.forced, reason: 'emergency' };
    const measured =
      this.bwEstimator.canEstimate() && this.lastLoadedFragLevel > -1;
    return measured
      ? { level: this.nextAbrLevel(context), reason: 'throughput' }
      : { level: this.firstAutoLevel(context), reason: 'startup' };
  }

  onSegmentLoaded(load: SegmentLoad): void {
    this.bwEstimator.sampleTTFB(load.ttfbMs);
    if (load.level === this.forced) this.forced = -1;
    this.firstSelection = -1;
    this.lastLoadedFragLevel = load.level;
    this.loaded.add(load.level);
    this.fragDuration = load.duration;
    this.abortAtMs = null;
    // onFragBuffered: the time to first byte is left out, up to the usual latency
    const ttfb = Math.min(load.ttfbMs, this.bwEstimator.getEstimateTTFB());
    this.bwEstimator.sample(load.loadMs - ttfb, load.bytes);
  }

  checkAbandon(
    progress: LoadProgress,
    context: AbrContext,
  ): AbrDecision | null {
    this.loaded.add(progress.level);
    this.fragDuration = progress.duration;
    if (this.abortAtMs !== null) {
      if (progress.elapsedMs < this.abortAtMs) return null;
      return this.abortAndSwitch(progress, context);
    }
    if (progress.level <= 0) {
      this.forced = -1;
      return null;
    }
    // hls.js judges only a level change or playing media: before the first segment is buffered
    // the element has no data (readyState 0), so the first segment is never abandoned
    const levelChange = this.forced > -1 && this.forced !== progress.level;
    if (!levelChange && (!context.playing || this.lastLoadedFragLevel === -1))
      return null;
    const levels = context.levels;
    const { duration, elapsedMs, loadedBytes } = progress;
    const ttfbEstimate = this.bwEstimator.getEstimateTTFB();
    // only judge a segment once half its duration has gone by
    if (elapsedMs <= Math.max(ttfbEstimate, (1000 * duration) / 2)) return null;

    const starvation = context.bufferAheadSeconds;
    const ttfb = progress.ttfbMs ?? -1;
    const firstByte = loadedBytes > 0 && ttfb > -1;
    const bwEstimate = this.bwEstimator.getEstimate();
    const expectedLen = Math.max(
      loadedBytes,
      Math.round((duration * averageBitrate(levels[progress.level])) / 8),
    );
    let streaming = firstByte ? elapsedMs - ttfb : elapsedMs;
    if (streaming < 1 && firstByte)
      streaming = Math.min(elapsedMs, (loadedBytes * 8) / bwEstimate);
    const loadRate = firstByte ? (loadedBytes * 1000) / streaming : 0;
    const ttfbSeconds = ttfbEstimate / 1000;
    const fragLoadedDelay = loadRate
      ? (expectedLen - loadedBytes) / loadRate
      : (expectedLen * 8) / bwEstimate + ttfbSeconds;
    if (fragLoadedDelay <= starvation) return null;

    const bwe = loadRate ? loadRate * 8 : bwEstimate;
    let nextDelay = Number.POSITIVE_INFINITY;
    let next: number;
    for (next = progress.level - 1; next > 0; next--) {
      nextDelay = this.timeToLoad(
        ttfbSeconds,
        bwe,
        duration * levels[next].bitrate,
        !this.loaded.has(next),
      );
      if (nextDelay < Math.min(starvation, duration + ttfbSeconds)) break;
    }
    if (nextDelay >= fragLoadedDelay || nextDelay > duration * 10) return null;

    if (firstByte)
      this.bwEstimator.sample(
        elapsedMs - Math.min(ttfbEstimate, ttfb),
        loadedBytes,
      );
    else this.bwEstimator.sampleTTFB(elapsedMs);
    const nextBitrate = levels[next].bitrate;
    if (
      this.bwEstimator.getEstimate() * HLSJS.abrBandWidthUpFactor >
      nextBitrate
    )
      this.resetEstimator(nextBitrate);
    const best = this.findBestLevel(
      context,
      nextBitrate,
      next,
      0,
      starvation,
      1,
      1,
    );
    if (best > -1) next = best;
    this.forced = next;
    if (fragLoadedDelay > nextDelay * 2)
      return this.abortAndSwitch(progress, context);
    this.abortAtMs = elapsedMs + nextDelay * 1000;
    return null;
  }

  reset(defaultEstimateBps?: number): void {
    this.resetEstimator(defaultEstimateBps ?? this.bwEstimator.defaultEstimate);
    this.manifestSeen = false;
    this.lastLoadedFragLevel = -1;
    this.forced = -1;
    this.fragDuration = 0;
    this.loaded.clear();
    this.abortAtMs = null;
  }

  /**
   * level-controller raises the default estimate to the first listed variant's bitrate (at most
   * 5 Mbit/s); this server lists the highest rung first.
   */
  private onManifest(levels: readonly AbrLevel[]): void {
    if (this.manifestSeen) return;
    this.manifestSeen = true;
    const first = Math.max(...levels.map((l) => l.bitrate));
    const start = Math.min(first, HLSJS.abrEwmaDefaultEstimateMax);
    if (
      !this.bwEstimator.canEstimate() &&
      start > this.bwEstimator.defaultEstimate
    )
      this.resetEstimator(start);
  }

  /** The abort itself: only above the lowest level, and then down to what the lowest bitrate affords. */
  private abortAndSwitch(
    progress: LoadProgress,
    context: AbrContext,
  ): AbrDecision | null {
    this.abortAtMs = null;
    if (this.forced <= 0) return null;
    this.fragDuration = 0;
    let lowest = this.findBestLevel(
      context,
      context.levels[0].bitrate,
      this.forced,
      0,
      context.bufferAheadSeconds,
      1,
      1,
    );
    if (lowest === -1) lowest = 0;
    this.forced = lowest;
    this.resetEstimator(context.levels[lowest].bitrate);
    return { level: lowest, reason: 'emergency' };
  }

  private resetEstimator(defaultEstimate: number): void {
    this.bwEstimator = this.bwEstimator.reset(defaultEstimate);
    this.firstSelection = -1;
  }

  private firstAutoLevel(context: AbrContext): number {
    const max = context.levels.length - 1;
    const best = this.findBestLevel(
      context,
      this.bwEstimator.getEstimate(),
      max,
      context.bufferAheadSeconds / 2,
      HLSJS.maxStarvationDelay,
      1,
      1,
    );
    return best > -1 ? best : max;
  }

  private nextAbrLevel(context: AbrContext): number {
    const { levels, current } = context;
    if (levels.length <= 1) return current;
    const max = levels.length - 1;
    const bw = this.bwEstimator.getEstimate();
    const starvation = context.bufferAheadSeconds;
    const { abrBandWidthFactor: down, abrBandWidthUpFactor: up } = HLSJS;
    // first a level that should not rebuffer at all, then one that rebuffers less than a segment
    if (starvation) {
      const best = this.findBestLevel(
        context,
        bw,
        max,
        starvation,
        0,
        down,
        up,
      );
      if (best >= 0) return best;
    }
    const maxStarvation = this.fragDuration
      ? Math.min(this.fragDuration, HLSJS.maxStarvationDelay)
      : HLSJS.maxStarvationDelay;
    const best = this.findBestLevel(
      context,
      bw,
      max,
      starvation,
      maxStarvation,
      down,
      up,
    );
    if (best > -1) return best;
    return levels[0].bitrate < levels[current].bitrate ? 0 : current;
  }

  private findBestLevel(
    context: AbrContext,
    currentBw: number,
    maxLevel: number,
    starvation: number,
    maxStarvation: number,
    bwFactor: number,
    bwUpFactor: number,
  ): number {
    const { levels } = context;
    if (levels.length === 1) return 0;
    const maxFetch = starvation + maxStarvation;
    const first = this.lastLoadedFragLevel === -1 || context.current === -1;
    // before any segment the base is the manifest's first variant: here the highest
    const base =
      this.lastLoadedFragLevel === -1
        ? levels.length - 1
        : this.lastLoadedFragLevel;
    let bw = currentBw;
    if (first) {
      if (this.firstSelection !== -1) return this.firstSelection;
      bw = Math.max(bw, levels[0].bitrate);
    }
    const ttfb = this.bwEstimator.getEstimateTTFB() / 1000;
    for (let i = maxLevel; i >= 0; i--) {
      const level = levels[i];
      const details = this.loaded.has(i);
      // the playlist's mean segment, not the next one: a lead-in's short segments count as long
      const avgDuration =
        (details
          ? (context.averageSegmentDuration ?? context.segmentDuration)
          : 0) ||
        this.fragDuration ||
        1;
      const adjusted = (i > base ? bwUpFactor : bwFactor) * bw;
      const bitrate =
        this.fragDuration &&
        starvation >= this.fragDuration * 2 &&
        maxStarvation === 0
          ? averageBitrate(level)
          : level.bitrate;
      const fetch = this.timeToLoad(
        ttfb,
        adjusted,
        bitrate * avgDuration,
        !details,
      );
      if (
        adjusted >= bitrate &&
        (!Number.isFinite(fetch) || fetch < maxFetch)
      ) {
        if (first) this.firstSelection = i;
        return i;
      }
    }
    return -1;
  }

  /** A media playlist not loaded yet costs one more round trip (its own load time is ~0 here). */
  private timeToLoad(
    ttfb: number,
    bw: number,
    bits: number,
    needsPlaylist: boolean,
  ): number {
    return ttfb + bits / bw + (needsPlaylist ? ttfb : 0);
  }
}

function averageBitrate(level: AbrLevel): number {
  return level.averageBitrate ?? level.bitrate;
}
