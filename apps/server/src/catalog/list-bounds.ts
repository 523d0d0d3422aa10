import { ALLOWED_HEIGHTS } from '@cmm/media-rules';

/** How long each list in the API can be: the resolvers enforce these, and query costs count with them. */
export const PAGE_SIZE_DEFAULT = 20;
export const PAGE_SIZE_MAX = 100;

/** Segments of one variant per request: a 66-minute video at the default 4 s fits in one page. */
export const SEGMENT_PAGE_MAX = 1000;

/** Every allowed height, plus the source's own when it is none of them. */
export const MAX_RUNGS = ALLOWED_HEIGHTS.length + 1;

/** Captions per playlist, uploaded and extracted together. */
export const MAX_CAPTIONS = 32;
