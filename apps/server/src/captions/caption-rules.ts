/** What a caption may be: one place for the limits the service, the extraction and the docs share. */
export const CAPTION_MAX_BYTES = 1024 * 1024;
export const CAPTION_MAX_CUES = 20_000;
export const CAPTION_LABEL_MAX_LENGTH = 64;
/** Cues may start this much before the one above them (real SubRip files are sloppy); they are then sorted. */
export const CUE_ORDER_TOLERANCE_SECONDS = 1;
/** A cue beyond this is taken for a corrupt timestamp. */
export const CUE_MAX_SECONDS = 24 * 3600;
