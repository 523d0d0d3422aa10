import {
  AbrContext,
  AbrDecision,
  AbrPolicy,
  bitrateOrder,
  SegmentLoad,
} from '../../abr-policy';
import { EwmaBandwidthEstimator } from '../../ewma-bandwidth-estimator';

/** Segments whose throughput the prediction averages (MPC's and Pensieve's predictor). */
const WINDOW = 5;
const SAFETY_FACTOR = 0.9;

/**
 * A throughput-only rule, the textbook rate-based baseline: the harmonic mean of the last five
 * segments' throughput, and the highest rung whose peak bitrate fits in 90 % of it. The lowest rung
 * before anything is measured; no buffer, no abandonment.
 */
export class ThroughputAbr implements AbrPolicy {
  bwEstimator = new EwmaBandwidthEstimator();
  private samples: number[] = [];

  decide(context: AbrContext): AbrDecision {
    const order = bitrateOrder(context.levels);
    if (this.samples.length === 0)
      return { level: order[0], reason: 'startup' };
    const harmonic =
      this.samples.length / this.samples.reduce((sum, bps) => sum + 1 / bps, 0);
    let rank = order.length - 1;
    while (
      rank > 0 &&
      context.levels[order[rank]].bitrate > SAFETY_FACTOR * harmonic
    )
      rank--;
    return { level: order[rank], reason: 'throughput' };
  }

  onSegmentLoaded(load: SegmentLoad): void {
    const seconds = Math.max(load.loadMs, 1) / 1000;
    this.samples = [...this.samples, (8 * load.bytes) / seconds].slice(-WINDOW);
    this.bwEstimator.sample(load.loadMs - load.ttfbMs, load.bytes);
  }

  checkAbandon(): null {
    return null;
  }

  reset(defaultEstimateBps?: number): void {
    this.bwEstimator = this.bwEstimator.reset(defaultEstimateBps);
    this.samples = [];
  }
}
