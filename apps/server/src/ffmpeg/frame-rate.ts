const MAX_FRAME_RATE = 60;

/** ffprobe's rationals and numbers: '30000/1001' → 29.97…, '64:45' → 1.42…; null for '0/0', 'N/A' or nothing. */
export function parseRatio(value: string | undefined): number | null {
  const match = /^(\d+(?:\.\d+)?)(?:[/:](\d+(?:\.\d+)?))?$/.exec(value ?? '');
  if (!match) return null;
  const result = Number(match[1]) / Number(match[2] ?? 1);
  return Number.isFinite(result) && result > 0 ? result : null;
}

/**
 * The constant rate every rung is encoded at, as ffmpeg's `fps` filter, the HLS master and the
 * MPD all take it. NTSC rates become exact fractions (23.976 → 24000/1001) so timestamps do not
 * drift; rates above 60 are halved, which keeps the motion cadence.
 */
export function outputFrameRate(sourceRate: number): string {
  let rate = sourceRate;
  while (rate > MAX_FRAME_RATE) rate /= 2;
  const ntsc = Math.round(rate * 1.001);
  if (Math.abs(rate - ntsc / 1.001) < 0.005 && Math.abs(rate - ntsc) > 0.005) return `${ntsc * 1000}/1001`;
  return String(Math.round(rate * 1000) / 1000);
}
