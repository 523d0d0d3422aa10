import type { Trace, TracePiece } from './trace';

export const SYNTHETIC_KINDS = [
  'steady',
  'step-down',
  'step-up',
  'oscillating',
  'outage',
] as const;
export type SyntheticKind = (typeof SYNTHETIC_KINDS)[number];

export interface SyntheticOptions {
  seed: number;
  seconds: number;
  /** The good and the bad rate, Mbit/s; `steady` runs at `highMbps`. */
  highMbps: number;
  lowMbps: number;
  latencyMs?: number;
  /** Seconds per throughput sample. */
  stepSeconds?: number;
  /** Relative spread of the per-sample jitter around the nominal rate. */
  jitter?: number;
  /** Seconds per half cycle of `oscillating`. */
  periodSeconds?: number;
  /** Seconds without any throughput in `outage`. */
  outageSeconds?: number;
}

/** Mulberry32: a small seeded generator, so a trace is the same on every machine and run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The nominal rate at a time: the shape of each kind. */
function nominal(
  kind: SyntheticKind,
  t: number,
  o: Required<SyntheticOptions>,
): number {
  const third = o.seconds / 3;
  switch (kind) {
    case 'steady':
      return o.highMbps;
    case 'step-down':
      return t < third ? o.highMbps : o.lowMbps;
    case 'step-up':
      return t < third ? o.lowMbps : o.highMbps;
    case 'oscillating':
      return Math.floor(t / o.periodSeconds) % 2 === 0 ? o.highMbps : o.lowMbps;
    case 'outage':
      return t >= third && t < third + o.outageSeconds ? 0 : o.highMbps;
  }
}

/** A seeded synthetic trace: the kind's shape with multiplicative jitter on every sample. */
export function syntheticTrace(
  kind: SyntheticKind,
  options: SyntheticOptions,
): Trace {
  const o: Required<SyntheticOptions> = {
    latencyMs: 80,
    stepSeconds: 1,
    jitter: 0.15,
    periodSeconds: 20,
    outageSeconds: 8,
    ...options,
  };
  const next = random(o.seed);
  const pieces: TracePiece[] = [];
  for (let t = 0; t < o.seconds; t += o.stepSeconds) {
    const factor = 1 + o.jitter * (2 * next() - 1);
    pieces.push({
      seconds: o.stepSeconds,
      bps: nominal(kind, t, o) * factor * 1e6,
      latencyMs: o.latencyMs,
    });
  }
  return { name: `${kind}-${o.highMbps}-${o.lowMbps}-s${o.seed}`, pieces };
}
