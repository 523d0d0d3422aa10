const MAX_STEM_LENGTH = 48;

/** A filename's stem made safe for a folder and a URL: lowercase ASCII letters, digits and dashes. */
export function sanitizeStem(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stem = dot > 0 ? base.slice(0, dot) : base;
  const safe = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_STEM_LENGTH)
    .replace(/-+$/, '');
  return safe || 'video';
}

/** `20261124T055412Z`: sortable, and safe in paths on every platform. */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Playlist id: sanitized stem, UTC timestamp, and a random suffix so that two uploads
 * of one name in the same second still get different ids.
 */
export function buildPlaylistId(filename: string, now: Date, suffix: string): string {
  return `${sanitizeStem(filename)}-${utcStamp(now)}-${suffix}`;
}

/** The stored name of the source: the sanitized stem with its lowercased extension. */
export function sourceFilename(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase().replace(/[^a-z0-9]/g, '') : '';
  return ext ? `${sanitizeStem(base)}.${ext}` : sanitizeStem(base);
}
