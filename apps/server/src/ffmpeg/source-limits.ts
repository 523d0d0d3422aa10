import type { VideoProbe } from './probe-parser';

export interface SourceLimits {
  maxDurationSeconds: number;
  /** Width × height of the stored picture. */
  maxPixels: number;
}

/** Past 240 fps the encode halves the rate twice; higher claims are broken or hostile headers. */
export const MAX_SOURCE_FRAME_RATE = 240;
/** Phones and cameras write a handful of streams; hundreds make every probe and demux slow. */
export const MAX_SOURCE_STREAMS = 32;

/** `12 s`, `2 min 5 s`, `4 h`, `10 h 30 min`. */
function duration(seconds: number): string {
  const total = Math.round(seconds);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const parts: [number, string][] = h > 0 ? [[h, 'h'], [m, 'min']] : m > 0 ? [[m, 'min'], [s, 's']] : [[s, 's']];
  return parts
    .filter(([n], i) => i === 0 || n > 0)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ');
}

/**
 * Why a probed source is too big to process, or null. Checked before anything is encoded, so a
 * 16K or ten-hour file (or a header that claims one) is refused at upload, not after hours.
 */
export function sourceLimitViolation(probe: VideoProbe, limits: SourceLimits): string | null {
  const { width, height, frameRate } = probe.video;
  if (probe.duration > limits.maxDurationSeconds) {
    return `The video is ${duration(probe.duration)} long; the limit is ${duration(limits.maxDurationSeconds)}.`;
  }
  if (width * height > limits.maxPixels) {
    return `The picture is ${width}×${height} (${(width * height).toLocaleString('en')} pixels); the limit is ${limits.maxPixels.toLocaleString('en')} pixels (8K).`;
  }
  if (frameRate > MAX_SOURCE_FRAME_RATE) return `The video declares ${frameRate} frames per second; the limit is ${MAX_SOURCE_FRAME_RATE}.`;
  if (probe.streamCount > MAX_SOURCE_STREAMS) return `The file has ${probe.streamCount} streams; the limit is ${MAX_SOURCE_STREAMS}.`;
  return null;
}
