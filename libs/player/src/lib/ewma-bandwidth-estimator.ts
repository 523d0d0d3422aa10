/** Exponentially weighted moving average whose weight follows sample duration (as hls.js's Ewma). */
class Ewma {
  private readonly alpha: number;
  private estimate = 0;
  private totalWeight = 0;

  constructor(halfLifeSeconds: number) {
    this.alpha = Math.exp(Math.log(0.5) / halfLifeSeconds);
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

/**
 * Throughput estimate from segment downloads: a fast and a slow EWMA, and the lower of the two,
 * so a sudden drop is believed at once and a sudden rise only once it lasts.
 */
export class EwmaBandwidthEstimator {
  private fast: Ewma;
  private slow: Ewma;
  private ttfb: Ewma;

  constructor(
    private readonly defaultEstimateBps = 500_000,
    private readonly fastHalfLife = 3,
    private readonly slowHalfLife = 9,
    private readonly minWeightSeconds = 0.1,
  ) {
    this.fast = new Ewma(fastHalfLife);
    this.slow = new Ewma(slowHalfLife);
    this.ttfb = new Ewma(slowHalfLife);
  }

  /** A download of `bytes` that took `durationMs`. Tiny samples carry a floor weight. */
  sample(durationMs: number, bytes: number): void {
    const seconds = Math.max(durationMs, 1) / 1000;
    const bps = (8 * bytes) / seconds;
    const weight = Math.max(seconds, this.minWeightSeconds);
    this.fast.sample(weight, bps);
    this.slow.sample(weight, bps);
  }

  sampleTTFB(ms: number): void {
    this.ttfb.sample(1, Math.max(ms, 1));
  }

  canEstimate(): boolean {
    return this.fast.weight() >= this.minWeightSeconds;
  }

  /** Bits per second. */
  getEstimate(): number {
    return this.canEstimate()
      ? Math.min(this.fast.value(), this.slow.value())
      : this.defaultEstimateBps;
  }

  getEstimateTTFB(): number {
    return this.ttfb.weight() > 0 ? this.ttfb.value() : 100;
  }

  reset(defaultEstimateBps = this.defaultEstimateBps): EwmaBandwidthEstimator {
    return new EwmaBandwidthEstimator(
      defaultEstimateBps,
      this.fastHalfLife,
      this.slowHalfLife,
      this.minWeightSeconds,
    );
  }
}
