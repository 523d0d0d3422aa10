/** One rung as the controller sees it. */
export interface AbrLevel {
  bitrate: number;
  width: number;
  height: number;
}

export interface AbrInput {
  /** Lowest bitrate first or any order: the controller sorts by bitrate itself. */
  levels: readonly AbrLevel[];
  /** Index in `levels` of the rung loading now. */
  current: number;
  /** Measured download throughput, bits per second; null before any segment was measured. */
  throughputBps: number | null;
  bufferAheadSeconds: number;
  playerWidth: number;
  devicePixelRatio?: number;
  /** Dropped frames over decoded frames since the last decision, 0 to 1. */
  droppedFrameRatio?: number;
  /** Network Information API, where the browser has it. */
  networkDownlinkMbps?: number | null;
  effectiveType?: string | null;
}

export interface AbrDecision {
  level: number;
  reason:
    | 'startup'
    | 'hold'
    | 'upgrade'
    | 'downgrade'
    | 'starvation'
    | 'player-size'
    | 'dropped-frames';
}

export interface AbrOptions {
  /** Only this share of the measured throughput is counted on (headroom for variance). */
  safetyFactor: number;
  /** An upgrade needs throughput this many times the target rung's bitrate… */
  upgradeHeadroom: number;
  /** …for this many decisions in a row (the prototype's anti-flap counter)… */
  upgradeAfter: number;
  /** …and at least this much buffer. */
  upgradeMinBufferSeconds: number;
  /** With less buffer than that, an upgrade needs this many times more throughput still. */
  thinBufferHeadroom: number;
  /** A downgrade needs this many low samples in a row, unless the buffer is running out. */
  downgradeAfter: number;
  /** Below this buffer the lowest rung is taken at once. */
  starvationBufferSeconds: number;
  /** Above this dropped-frame ratio the player steps down and caps there. */
  maxDroppedFrameRatio: number;
}

export const DEFAULT_ABR_OPTIONS: AbrOptions = {
  safetyFactor: 0.8,
  upgradeHeadroom: 1.4,
  upgradeAfter: 2,
  upgradeMinBufferSeconds: 4,
  thinBufferHeadroom: 4,
  downgradeAfter: 2,
  starvationBufferSeconds: 2,
  maxDroppedFrameRatio: 0.1,
};

/** Typical downlink of Network Information's effectiveType values (the spec's own table), Mbps. */
const EFFECTIVE_TYPE_MBPS: Record<string, number> = {
  'slow-2g': 0.05,
  '2g': 0.07,
  '3g': 0.7,
  '4g': 10,
};

/**
 * Picks the rung to load next. Pure: the caller measures (throughput, buffer, player size,
 * dropped frames) and this class decides, keeping only the hysteresis counters between calls.
 * Downgrades are quick, upgrades need a sustained margin, so the choice does not flap.
 */
export class AbrController {
  private upgradeVotes = 0;
  private downgradeVotes = 0;
  /** Set when frames were dropped: no rung above this is chosen again until reset. */
  private droppedFramesCap: number | null = null;
  private started = false;

  constructor(private readonly options: AbrOptions = DEFAULT_ABR_OPTIONS) {}

  reset(): void {
    this.upgradeVotes = 0;
    this.downgradeVotes = 0;
    this.droppedFramesCap = null;
    this.started = false;
  }

  decide(input: AbrInput): AbrDecision {
    const order = input.levels
      .map((_, i) => i)
      .sort((a, b) => input.levels[a].bitrate - input.levels[b].bitrate);
    const rank = (index: number) => Math.max(0, order.indexOf(index));
    const cap = this.sizeCap(input, order);
    const capped = Math.min(cap, this.droppedFramesCap ?? Infinity);
    const budget = this.budget(input);

    // the highest rung the budget affords, within the caps
    let affordable = 0;
    for (let r = 0; r <= capped; r++)
      if (input.levels[order[r]].bitrate <= budget) affordable = r;

    if (!this.started) {
      this.started = true;
      return { level: order[affordable], reason: 'startup' };
    }

    const current = Math.min(rank(input.current), capped);
    if (
      (input.droppedFrameRatio ?? 0) > this.options.maxDroppedFrameRatio &&
      current > 0
    ) {
      this.droppedFramesCap = current - 1;
      return this.move(order[current - 1], 'dropped-frames');
    }
    if (rank(input.current) > capped)
      return this.move(order[capped], 'player-size');
    if (
      input.bufferAheadSeconds < this.options.starvationBufferSeconds &&
      input.throughputBps !== null &&
      current > 0
    ) {
      return this.move(order[0], 'starvation');
    }
    if (affordable < current) {
      this.upgradeVotes = 0;
      if (++this.downgradeVotes >= this.options.downgradeAfter)
        return this.move(order[affordable], 'downgrade');
      return { level: order[current], reason: 'hold' };
    }
    this.downgradeVotes = 0;
    // the highest rung above the current one that the link carries with headroom to spare;
    // on a thin buffer only if the link is so far above it that a segment arrives almost at once
    let target = current;
    if (input.throughputBps !== null) {
      const spare = input.throughputBps * this.options.safetyFactor;
      const bufferOk =
        input.bufferAheadSeconds >= this.options.upgradeMinBufferSeconds;
      const headroom =
        this.options.upgradeHeadroom *
        (bufferOk ? 1 : this.options.thinBufferHeadroom);
      for (let r = current + 1; r <= capped; r++) {
        if (spare >= input.levels[order[r]].bitrate * headroom) target = r;
      }
    }
    if (target > current) {
      if (++this.upgradeVotes >= this.options.upgradeAfter)
        return this.move(order[target], 'upgrade');
      return { level: order[current], reason: 'hold' };
    }
    this.upgradeVotes = 0;
    return { level: order[current], reason: 'hold' };
  }

  private move(level: number, reason: AbrDecision['reason']): AbrDecision {
    this.upgradeVotes = 0;
    this.downgradeVotes = 0;
    return { level, reason };
  }

  /** Bits per second we may spend: measured throughput, else Network Information, else a cautious guess. */
  private budget(input: AbrInput): number {
    if (input.throughputBps !== null)
      return input.throughputBps * this.options.safetyFactor;
    const mbps =
      input.networkDownlinkMbps ??
      (input.effectiveType
        ? EFFECTIVE_TYPE_MBPS[input.effectiveType]
        : undefined);
    return (mbps ?? 1) * 1e6 * this.options.safetyFactor;
  }

  /** Highest rank whose width fits the player in device pixels; the lowest rung always fits. */
  private sizeCap(input: AbrInput, order: number[]): number {
    const maxWidth = input.playerWidth * (input.devicePixelRatio ?? 1);
    if (!(maxWidth > 0)) return order.length - 1;
    let cap = 0;
    for (let r = 0; r < order.length; r++)
      if (input.levels[order[r]].width <= maxWidth) cap = r;
    return cap;
  }
}
