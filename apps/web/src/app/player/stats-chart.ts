import type { StartGateReason, StatsSample, SwitchReason } from '@cmm/player';

/** Words for why the rendition last changed, in the status line. */
export const SWITCH_REASON_TEXT: Record<SwitchReason, string> = {
  startup: 'first guess',
  throughput: 'throughput',
  buffer: 'buffer',
  hold: 'held steady',
  emergency: 'emergency (segment would stall)',
  'player-size': 'player size',
  'dropped-frames': 'dropped frames',
  manual: 'your choice',
};

/** Words for why start-up still waits, in the status line (the reasons the start gate holds for). */
export const START_HOLD_TEXT: Partial<Record<StartGateReason, string>> = {
  deficit: 'the link is slower than the lowest rung',
  'min-buffer': 'room to switch down should the link fall',
};

/** What "Export JSON" saves: the session's samples, one a second, oldest first. */
export function sessionExport(history: readonly StatsSample[]): string {
  return JSON.stringify({ samples: history }, null, 2);
}

export interface StatsChart {
  /** SVG polyline points per series, in a `width`×`height` box; empty when there is nothing to draw. */
  estimate: string;
  chosen: string;
  buffer: string;
  /** Top of the bitrate scale (Mbit/s) and of the buffer scale (s), for the axis labels. */
  maxMbps: number;
  maxBufferSeconds: number;
}

const niceCeil = (value: number) => (value <= 0 ? 1 : Math.ceil(value));

/**
 * The last minute as three lines sharing a time axis: the throughput estimate and the chosen
 * bitrate on one bitrate scale (so "chosen above estimate" reads at a glance), the buffer on its own.
 */
export function statsChart(history: readonly StatsSample[], width: number, height: number, windowSeconds = 60): StatsChart {
  const mbps = (bps: number | null) => (bps === null ? null : bps / 1e6);
  const maxMbps = niceCeil(Math.max(0, ...history.flatMap((s) => [mbps(s.throughputBps) ?? 0, mbps(s.chosenBitrate) ?? 0])));
  const maxBufferSeconds = niceCeil(Math.max(0, ...history.map((s) => s.bufferSeconds)));
  const end = history[history.length - 1]?.t ?? 0;
  const x = (t: number) => Math.round((width * (t - (end - windowSeconds))) / windowSeconds * 10) / 10;
  const y = (value: number, max: number) => Math.round((height - (height * value) / max) * 10) / 10;
  const line = (value: (s: StatsSample) => number | null, max: number) =>
    history
      .flatMap((s) => {
        const v = value(s);
        return v === null ? [] : [`${x(s.t)},${y(v, max)}`];
      })
      .join(' ');
  return {
    estimate: line((s) => mbps(s.throughputBps), maxMbps),
    chosen: line((s) => mbps(s.chosenBitrate), maxMbps),
    buffer: line((s) => s.bufferSeconds, maxBufferSeconds),
    maxMbps,
    maxBufferSeconds,
  };
}
