/** Upload rules shared by the server's validation and the web upload form. */
export const ALLOWED_HEIGHTS = [2160, 1440, 1080, 720, 480, 360, 240, 144] as const;
export type LadderHeight = (typeof ALLOWED_HEIGHTS)[number];

/** `mts`/`m2ts` are AVCHD camcorder recordings and `ts` broadcast captures, all MPEG-TS. */
export const ALLOWED_EXTENSIONS = ['mp4', 'mov', 'm4v', 'mkv', 'webm', 'avi', 'mts', 'm2ts', 'ts'] as const;

export const TITLE_MAX_LENGTH = 200;

export const SEGMENT_DURATION_MIN = 1;
export const SEGMENT_DURATION_MAX = 30;
export const DEFAULT_SEGMENT_DURATION = 4;
export const DEFAULT_RESOLUTIONS: readonly LadderHeight[] = [1080, 720, 480, 360];

/** The fixed rules as `uploadLimits` reports them (the size limit is the server's setting). */
export function uploadRules() {
  return {
    allowedExtensions: [...ALLOWED_EXTENSIONS] as string[],
    allowedResolutions: [...ALLOWED_HEIGHTS] as number[],
    defaultResolutions: [...DEFAULT_RESOLUTIONS] as number[],
    minSegmentDuration: SEGMENT_DURATION_MIN,
    maxSegmentDuration: SEGMENT_DURATION_MAX,
    defaultSegmentDuration: DEFAULT_SEGMENT_DURATION,
    maxTitleLength: TITLE_MAX_LENGTH,
  };
}

export function isAllowedExtension(filename: string): boolean {
  const dot = filename.lastIndexOf('.');
  if (dot < 0) return false;
  const ext = filename.slice(dot + 1).toLowerCase();
  return (ALLOWED_EXTENSIONS as readonly string[]).includes(ext);
}
