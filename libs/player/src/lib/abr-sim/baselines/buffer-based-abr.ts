import {
  AbrContext,
  AbrDecision,
  AbrPolicy,
  bitrateOrder,
  SegmentLoad,
} from '../../abr-policy';
import { EwmaBandwidthEstimator } from '../../ewma-bandwidth-estimator';

/**
 * Reservoir and cushion as shares of the maximum buffer, in the paper's proportions (90 s and
 * 126 s of a 240 s buffer).
 */
const RESERVOIR_SHARE = 90 / 240;
const CUSHION_SHARE = 126 / 240;

/**
 * BBA-0 (Huang et al., "A Buffer-Based Approach to Rate Adaptation", SIGCOMM 2014): the lowest rung
 * below the reservoir, the highest above reservoir + cushion, and between them a rate that grows
 * linearly with the buffer; the rung changes only once that rate passes the next rung up or down.
 * Throughput is measured for display only.
 */
export class BufferBasedAbr implements AbrPolicy {
  bwEstimator = new EwmaBandwidthEstimator();

  decide(context: AbrContext): AbrDecision {
    const order = bitrateOrder(context.levels);
    const rate = (rank: number) =>
      context.levels[order[rank]].averageBitrate ??
      context.levels[order[rank]].bitrate;
    const top = order.length - 1;
    const reservoir = RESERVOIR_SHARE * context.maxBufferSeconds;
    const cushion = CUSHION_SHARE * context.maxBufferSeconds;
    const buffer = context.bufferAheadSeconds;
    const current = Math.max(0, order.indexOf(context.current));
    let rank = current;
    if (buffer <= reservoir) rank = 0;
    else if (buffer >= reservoir + cushion) rank = top;
    else {
      const f =
        rate(0) + ((rate(top) - rate(0)) * (buffer - reservoir)) / cushion;
      const up = Math.min(current + 1, top);
      const down = Math.max(current - 1, 0);
      if (f >= rate(up)) while (rank < top && rate(rank + 1) < f) rank++;
      else if (f <= rate(down)) while (rank > 0 && rate(rank - 1) > f) rank--;
    }
    return { level: order[rank], reason: 'buffer' };
  }

  onSegmentLoaded(load: SegmentLoad): void {
    this.bwEstimator.sample(load.loadMs - load.ttfbMs, load.bytes);
  }

  checkAbandon(): null {
    return null;
  }

  reset(defaultEstimateBps?: number): void {
    this.bwEstimator = this.bwEstimator.reset(defaultEstimateBps);
  }
}
