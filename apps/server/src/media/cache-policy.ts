/** Segments and init files are never rewritten in place, so browsers and CDNs may keep them for good. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Manifests change while a playlist is processed; the ETag makes each revalidation a cheap 304. */
export const REVALIDATE = 'no-cache';
/** Posters can be regenerated; a minute of staleness costs nothing. */
export const SHORT = 'public, max-age=60';

const MANIFEST = /\.(m3u8|mpd)$|(^|\/)manifest\.json$/i;

/** The Cache-Control of a media file, from where it sits in the playlist folder. */
export function cacheControlFor(key: string): string {
  if (MANIFEST.test(key)) return REVALIDATE;
  if (/\.m4s$/i.test(key)) return IMMUTABLE;
  const folders = key.split('/').slice(0, -1);
  if (/\.mp4$/i.test(key) && folders.includes('stream')) return IMMUTABLE;
  if (/\.jpe?g$/i.test(key)) return SHORT;
  // sources and anything else: the catalog may replace or delete them at any time
  return REVALIDATE;
}
