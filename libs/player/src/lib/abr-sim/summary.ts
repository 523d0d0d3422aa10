import type { SessionScore } from './qoe';

/** The per-trace rebuffering a controller may add over the reference: the target. */
export const REBUFFER_LIMIT_SECONDS = 0.5;

/** One controller over a set of sessions, each against the reference's session on the same trace. */
export interface Summary {
  meanQoE: number;
  rebufferSeconds: number;
  startupSeconds: number;
  switches: number;
  avgBitrateMbps: number;
  rebufferRatio: number;
  /** The worst extra rebuffering over the reference… */
  maxExtraRebufferSeconds: number;
  /** …how many sessions rebuffer more than the limit longer… */
  sessionsOverRebufferLimit: number;
  /** …and the worst extra wait, start-up and rebuffering together. */
  maxExtraWaitSeconds: number;
}

/** `scores[i]` and `reference[i]` are the same trace (and ladder). */
export function summarize(
  scores: readonly SessionScore[],
  reference: readonly SessionScore[],
): Summary {
  const mean = (pick: (s: SessionScore) => number) =>
    scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const extraRebuffer = scores.map(
    (s, i) => s.rebufferSeconds - reference[i].rebufferSeconds,
  );
  const wait = (s: SessionScore) => s.startupSeconds + s.rebufferSeconds;
  return {
    meanQoE: round(mean((s) => s.qoe)),
    rebufferSeconds: round(mean((s) => s.rebufferSeconds)),
    startupSeconds: round(mean((s) => s.startupSeconds)),
    switches: round(mean((s) => s.switches)),
    avgBitrateMbps: round(mean((s) => s.avgBitrateMbps)),
    rebufferRatio: round(mean((s) => s.rebufferRatio)),
    maxExtraRebufferSeconds: round(Math.max(...extraRebuffer)),
    sessionsOverRebufferLimit: extraRebuffer.filter(
      (e) => e > REBUFFER_LIMIT_SECONDS,
    ).length,
    maxExtraWaitSeconds: round(
      Math.max(...scores.map((s, i) => wait(s) - wait(reference[i]))),
    ),
  };
}

/** Header and rows of the comparison table every ABR bench prints, one row per controller. */
export function summaryTable(
  summaries: Record<string, Summary>,
  reference: string,
): { header: string[]; rows: string[][] } {
  const ref = summaries[reference].meanQoE;
  const header = [
    'controller',
    'mean QoE',
    `vs ${reference}`,
    'bitrate Mb/s',
    'rebuffer s',
    'rebuf ratio',
    'switches',
    'start-up s',
    'worst extra rebuf s',
    `sessions +${REBUFFER_LIMIT_SECONDS} s rebuf`,
    'worst extra wait s',
  ];
  const rows = Object.entries(summaries).map(([name, s]) => [
    name,
    s.meanQoE.toFixed(1),
    `${(((s.meanQoE - ref) / Math.abs(ref)) * 100).toFixed(1)} %`,
    s.avgBitrateMbps.toFixed(2),
    s.rebufferSeconds.toFixed(2),
    `${(s.rebufferRatio * 100).toFixed(1)} %`,
    s.switches.toFixed(1),
    s.startupSeconds.toFixed(2),
    s.maxExtraRebufferSeconds.toFixed(1),
    String(s.sessionsOverRebufferLimit),
    s.maxExtraWaitSeconds.toFixed(1),
  ]);
  return { header, rows };
}

/** The same table aligned for a terminal. */
export function textTable(
  title: string,
  { header, rows }: { header: string[]; rows: string[][] },
): string {
  const widths = header.map((h, c) =>
    Math.max(h.length, ...rows.map((r) => r[c].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ');
  return [title, line(header), ...rows.map(line)].join('\n');
}
