/** A network trace: piecewise-constant throughput with a request latency per piece, replayed in a loop. */
export interface TracePiece {
  seconds: number;
  bps: number;
  latencyMs: number;
}

export interface Trace {
  name: string;
  pieces: readonly TracePiece[];
}

/** Every throughput divided by `divisor` (e.g. 8 to make LTE logs mobile-like), latency kept. */
export function scaleTrace(trace: Trace, divisor: number): Trace {
  return {
    name: trace.name,
    pieces: trace.pieces.map((p) => ({ ...p, bps: p.bps / divisor })),
  };
}

/** Seconds in one loop of the trace. */
export function traceSeconds(trace: Trace): number {
  return trace.pieces.reduce((sum, p) => sum + p.seconds, 0);
}

/**
 * The same trace replayed from `offset` seconds in (the pieces from there, then those before it):
 * a later window of a long log is another session on the same network.
 */
export function rotateTrace(trace: Trace, offset: number): Trace {
  if (offset <= 0) return trace;
  let start = 0;
  for (let i = 0; i < trace.pieces.length; i++) {
    const piece = trace.pieces[i];
    const into = offset - start;
    start += piece.seconds;
    if (into >= piece.seconds) continue;
    const pieces = [
      { ...piece, seconds: piece.seconds - into },
      ...trace.pieces.slice(i + 1),
      ...trace.pieces.slice(0, i),
      ...(into > 0 ? [{ ...piece, seconds: into }] : []),
    ];
    return { name: `${trace.name}@${offset}s`, pieces };
  }
  throw new Error(`trace ${trace.name} is shorter than ${offset} s`);
}

/**
 * The link a trace describes, answering in seconds from the start of the session and in bits:
 * how much has arrived by a time, and when a number of bits will have arrived.
 */
export class Link {
  private readonly starts: number[] = [];
  /** Bits delivered from the trace's start to each piece's start. */
  private readonly bitsAt: number[] = [];
  private readonly period: number;
  private readonly periodBits: number;

  constructor(private readonly trace: Trace) {
    let time = 0;
    let bits = 0;
    for (const p of trace.pieces) {
      if (!(p.seconds > 0) || !(p.bps >= 0))
        throw new Error(
          `trace ${trace.name}: a piece needs seconds > 0 and bps >= 0`,
        );
      this.starts.push(time);
      this.bitsAt.push(bits);
      time += p.seconds;
      bits += p.seconds * p.bps;
    }
    this.period = time;
    this.periodBits = bits;
    if (!(bits > 0)) throw new Error(`trace ${trace.name} carries no data`);
  }

  latencyMs(at: number): number {
    return this.trace.pieces[this.pieceAt(at - this.loops(at) * this.period)]
      .latencyMs;
  }

  bitsBy(at: number): number {
    const loops = this.loops(at);
    const offset = at - loops * this.period;
    const i = this.pieceAt(offset);
    const p = this.trace.pieces[i];
    return (
      loops * this.periodBits +
      this.bitsAt[i] +
      (offset - this.starts[i]) * p.bps
    );
  }

  /** The earliest time at which `bits` more than had arrived by `from` have arrived. */
  finishTime(from: number, bits: number): number {
    if (bits <= 0) return from;
    const target = this.bitsBy(from) + bits;
    let loops = Math.floor(target / this.periodBits);
    let rest = target - loops * this.periodBits;
    if (rest === 0) {
      loops -= 1;
      rest = this.periodBits;
    }
    // the piece the target falls in carries data, so its rate is not zero
    const i = this.lastIndexBelow(this.bitsAt, rest);
    const p = this.trace.pieces[i];
    return (
      loops * this.period + this.starts[i] + (rest - this.bitsAt[i]) / p.bps
    );
  }

  private loops(at: number): number {
    return Math.floor(at / this.period);
  }

  private pieceAt(offset: number): number {
    return Math.max(0, this.lastIndexAtOrBelow(this.starts, offset));
  }

  private lastIndexAtOrBelow(sorted: number[], value: number): number {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (sorted[mid] <= value) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private lastIndexBelow(sorted: number[], value: number): number {
    let lo = 0;
    let hi = sorted.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (sorted[mid] < value) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
