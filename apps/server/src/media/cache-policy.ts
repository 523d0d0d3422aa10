/** Segments and init files are never rewritten in place, so browsers and CDNs may keep them for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Manifests change while a playlist is processed; the ETag makes each revalidation a cheap 304. */
export const REVALIDATE = 'no-cache';
/** Posters and storyboards can be regenerated; a minute of staleness costs nothing. */
export const SHORT = 'public, max-age=60';

const MANIFEST = /\.(m3u8|mpd)$/i;
/** The storyboard's sheets and its track are written together, so they are cached alike. */
const STORYBOARD = /\.(jpg|vtt)$/i;

/** The Cache-Control of a published media file (see media-key.ts for which those are). */
export function cacheControlFor(key: string): string {
  if (MANIFEST.test(key)) return REVALIDATE;
  if (/\.(m4s|mp4)$/i.test(key)) return IMMUTABLE;
  if (STORYBOARD.test(key)) return SHORT;
  return REVALIDATE;
}
