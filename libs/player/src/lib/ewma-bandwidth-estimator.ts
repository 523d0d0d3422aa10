/** Exponentially weighted moving average whose weight follows sample duration (hls.js's `EWMA`). */
class Ewma {
  private readonly alpha: number;
  private estimate = 0;
  private totalWeight = 0;

  constructor(halfLife: number) {
    this.alpha = Math.exp(Math.log(0.5) / halfLife);
  }

  sample(weight: number, value: number): void {
    const adjAlpha = Math.pow(this.alpha, weight);
    this.estimate = value * (1 - adjAlpha) + adjAlpha * this.estimate;
    this.totalWeight += weight;
  }

  /** Corrected for the zero start, so early estimates are not biased low. */
  value(): number {
    const zeroFactor = 1 - Math.pow(this.alpha, this.totalWeight);
    return zeroFactor ? this.estimate / zeroFactor : this.estimate;
  }

  weight(): number {
    return this.totalWeight;
  }
}

const MIN_WEIGHT = 0.001;
/** A tiny download's duration is floored so one sample cannot claim an absurd rate. */
const MIN_DELAY_MS = 50;

/**
 * Throughput estimate from segment downloads, as hls.js 1.7.4 keeps it
 * (`src/utils/ewma-bandwidth-estimator.ts`): a fast and a slow EWMA weighted by download time,
 * and the lower of the two, so a drop is believed at once and a rise only once it lasts. Also an
 * EWMA of time to first byte (the request latency), weighted towards short values.
 */
export class EwmaBandwidthEstimator {
  private readonly fast: Ewma;
  private readonly slow: Ewma;
  private readonly ttfb: Ewma;

  constructor(
    readonly defaultEstimate = 500_000,
    private readonly fastHalfLife = 3,
    private readonly slowHalfLife = 9,
    private readonly defaultTtfbMs = 100,
  ) {
    this.fast = new Ewma(fastHalfLife);
    this.slow = new Ewma(slowHalfLife);
    this.ttfb = new Ewma(slowHalfLife);
  }

  /** `bytes` arrived in `durationMs` (time to first byte excluded by the caller). */
  sample(durationMs: number, bytes: number): void {
    if (bytes <= 0) return;
    const seconds =
      Math.max(durationMs, Math.min(MIN_DELAY_MS, bytes / 100_000)) / 1000;
    const bps = (8 * bytes) / seconds;
    this.fast.sample(seconds, bps);
    this.slow.sample(seconds, bps);
  }

  sampleTTFB(ms: number): void {
    const seconds = ms / 1000;
    this.ttfb.sample(
      Math.SQRT2 * Math.exp(-(seconds ** 2) / 2),
      Math.max(ms, 5),
    );
  }

  canEstimate(): boolean {
    return this.fast.weight() >= MIN_WEIGHT;
  }

  /** Bits per second. */
  getEstimate(): number {
    return this.canEstimate()
      ? Math.min(this.fast.value(), this.slow.value())
      : this.defaultEstimate;
  }

  /** Milliseconds. */
  getEstimateTTFB(): number {
    return this.ttfb.weight() >= MIN_WEIGHT
      ? this.ttfb.value()
      : this.defaultTtfbMs;
  }

  reset(defaultEstimate = this.defaultEstimate): EwmaBandwidthEstimator {
    return new EwmaBandwidthEstimator(
      defaultEstimate,
      this.fastHalfLife,
      this.slowHalfLife,
      this.defaultTtfbMs,
    );
  }
}
