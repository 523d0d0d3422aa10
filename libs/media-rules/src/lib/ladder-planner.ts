/** Plans the rendition ladder for a source: which heights to encode, at what size and bitrate. */
export interface Rung {
  /** e.g. '720p'; also the rung's folder name. */
  label: string;
  height: number;
  width: number;
  crf: number;
  maxrateKbps: number;
  bufsizeKbps: number;
  audioKbps: number;
}

export interface LadderPlan {
  /** Highest first. */
  rungs: Rung[];
  /** Requested heights above the source's display height, highest first. */
  skipped: number[];
}

/** Peak video bitrate per height, for a 16:9-ish picture; other heights are interpolated by pixel count. */
const MAXRATE_KBPS: readonly (readonly [height: number, kbps: number])[] = [
  [144, 200],
  [240, 400],
  [360, 800],
  [480, 1400],
  [720, 2800],
  [1080, 5000],
  [1440, 8000],
  [2160, 14000],
];

/** Nearest even integer, at least 2: H.264 with 4:2:0 chroma needs even dimensions. */
function roundEven(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}

/** At equal aspect ratio the pixel count grows with the square of the height. */
export function maxrateFor(height: number): number {
  const exact = MAXRATE_KBPS.find(([h]) => h === height);
  if (exact) return exact[1];
  const upper = MAXRATE_KBPS.findIndex(([h]) => h > height);
  if (upper === 0 || upper === -1) {
    const [h, kbps] = MAXRATE_KBPS[upper === 0 ? 0 : MAXRATE_KBPS.length - 1];
    return Math.round((kbps * height * height) / (h * h));
  }
  const [h0, k0] = MAXRATE_KBPS[upper - 1];
  const [h1, k1] = MAXRATE_KBPS[upper];
  const share = (height * height - h0 * h0) / (h1 * h1 - h0 * h0);
  return Math.round(k0 + share * (k1 - k0));
}

/** Small pictures are capped by maxrate long before CRF matters, so they can afford a lower CRF. */
function crfFor(height: number): number {
  if (height >= 1080) return 23;
  if (height >= 480) return 22;
  return 21;
}

function rung(height: number, display: { width: number; height: number }): Rung {
  const maxrateKbps = maxrateFor(height);
  return {
    label: `${height}p`,
    height,
    width: roundEven((height * display.width) / display.height),
    crf: crfFor(height),
    maxrateKbps,
    bufsizeKbps: 2 * maxrateKbps,
    audioKbps: height <= 240 ? 64 : 128,
  };
}

/**
 * `display` is the size as shown (after rotation and sample aspect ratio). The source's own
 * height is always a rung (rounded down to even, so it is never upscaled); requested heights
 * above the source are skipped rather than upscaled.
 */
export function planLadder(display: { width: number; height: number }, requested: readonly number[]): LadderPlan {
  const sourceHeight = Math.max(2, Math.floor(display.height / 2) * 2);
  const unique = [...new Set(requested)];
  const kept = unique.filter((h) => h <= display.height);
  const skipped = unique.filter((h) => h > display.height).sort((a, b) => b - a);
  const heights = [...new Set([...kept.map(roundEven), sourceHeight])].sort((a, b) => b - a);
  return { rungs: heights.map((h) => rung(h, display)), skipped };
}
