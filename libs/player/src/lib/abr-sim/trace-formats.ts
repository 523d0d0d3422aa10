import type { Trace, TracePiece } from './trace';

/** Request latency for formats that carry none: Pensieve's emulated link RTT. */
export const DEFAULT_LATENCY_MS = 80;
/** Mahimahi's delivery opportunities are one MTU-sized packet each. */
const MAHIMAHI_PACKET_BYTES = 1500;
/** Mahimahi opportunities are counted in windows this long. */
const MAHIMAHI_WINDOW_MS = 100;

export type TraceFormat = 'json' | 'mahimahi' | 'seconds-mbps';

/** Sabre's JSON (the format of ../shared/traces): `[{ duration_ms, bandwidth_kbps, latency_ms }]`. */
export function parseJsonTrace(name: string, text: string): Trace {
  const entries: unknown = JSON.parse(text);
  if (!Array.isArray(entries))
    throw new Error(`${name}: expected a JSON array of trace entries`);
  const pieces = entries.map((e, i): TracePiece => {
    const { duration_ms, bandwidth_kbps, latency_ms } = e as Record<
      string,
      unknown
    >;
    if (typeof duration_ms !== 'number' || typeof bandwidth_kbps !== 'number')
      throw new Error(
        `${name}: entry ${i} needs duration_ms and bandwidth_kbps`,
      );
    return {
      seconds: duration_ms / 1000,
      bps: bandwidth_kbps * 1000,
      latencyMs:
        typeof latency_ms === 'number' ? latency_ms : DEFAULT_LATENCY_MS,
    };
  });
  return { name, pieces };
}

/**
 * Mahimahi: one line per delivery opportunity, the millisecond at which one 1500-byte packet may
 * leave; the file loops after its last timestamp. Counted per 100 ms window.
 */
export function parseMahimahiTrace(
  name: string,
  text: string,
  latencyMs = DEFAULT_LATENCY_MS,
): Trace {
  const stamps = dataLines(text).map((line, i) => {
    const ms = Number(line);
    if (!Number.isFinite(ms) || ms < 0)
      throw new Error(`${name}: line ${i + 1} is not a millisecond timestamp`);
    return ms;
  });
  if (stamps.length === 0) throw new Error(`${name}: no timestamps`);
  const windows = Math.max(
    1,
    Math.ceil(stamps[stamps.length - 1] / MAHIMAHI_WINDOW_MS),
  );
  const packets = new Array<number>(windows).fill(0);
  // an opportunity at exactly the end of the loop belongs to its last window
  for (const ms of stamps)
    packets[Math.min(windows - 1, Math.floor(ms / MAHIMAHI_WINDOW_MS))]++;
  const seconds = MAHIMAHI_WINDOW_MS / 1000;
  return {
    name,
    pieces: packets.map((n) => ({
      seconds,
      bps: (n * MAHIMAHI_PACKET_BYTES * 8) / seconds,
      latencyMs,
    })),
  };
}

/**
 * Two columns, `seconds Mbit/s` (Pensieve's cooked traces): the time a throughput starts and the
 * throughput; each holds until the next line's time, the last for the median step.
 */
export function parseSecondsMbpsTrace(
  name: string,
  text: string,
  latencyMs = DEFAULT_LATENCY_MS,
): Trace {
  const rows = dataLines(text).map((line, i) => {
    const [t, mbps] = line.split(/[\s,]+/).map(Number);
    if (!Number.isFinite(t) || !Number.isFinite(mbps) || mbps < 0)
      throw new Error(`${name}: line ${i + 1} is not "seconds Mbit/s"`);
    return { t, mbps };
  });
  if (rows.length === 0) throw new Error(`${name}: no samples`);
  const steps = rows.slice(1).map((r, i) => r.t - rows[i].t);
  if (steps.some((s) => !(s > 0)))
    throw new Error(`${name}: times must increase line by line`);
  const lastStep = steps.length
    ? [...steps].sort((a, b) => a - b)[steps.length >> 1]
    : 1;
  return {
    name,
    pieces: rows.map((r, i) => ({
      seconds: steps[i] ?? lastStep,
      bps: r.mbps * 1e6,
      latencyMs,
    })),
  };
}

/** The format a file is in, from its name and first data line. */
export function detectTraceFormat(
  fileName: string,
  text: string,
): TraceFormat | null {
  if (fileName.endsWith('.json')) return 'json';
  const first = dataLines(text)[0];
  if (first === undefined) return null;
  const columns = first.split(/[\s,]+/);
  if (columns.length === 1 && /^\d+$/.test(columns[0])) return 'mahimahi';
  if (columns.length === 2 && columns.every((c) => Number.isFinite(Number(c))))
    return 'seconds-mbps';
  return null;
}

export function parseTrace(
  name: string,
  format: TraceFormat,
  text: string,
): Trace {
  switch (format) {
    case 'json':
      return parseJsonTrace(name, text);
    case 'mahimahi':
      return parseMahimahiTrace(name, text);
    case 'seconds-mbps':
      return parseSecondsMbpsTrace(name, text);
  }
}

/** Non-empty lines that are not `#` comments, trimmed. */
function dataLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
