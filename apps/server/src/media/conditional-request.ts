import type { StoredFile } from '../storage/storage';

/**
 * A strong validator from size and modification time. Files are written once via
 * temp-and-rename, so the pair changes whenever the bytes do; being strong lets
 * players resume with `If-Range`.
 */
export function entityTag(file: StoredFile): string {
  return `"${file.size.toString(16)}-${file.modifiedAt.getTime().toString(16)}"`;
}

/** HTTP dates carry whole seconds, so comparisons drop the milliseconds of the file's mtime. */
function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function parseHttpDate(value: string): number | null {
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}

/**
 * Whether a GET/HEAD may be answered 304 (RFC 9110 §13.2.2): If-None-Match, compared weakly,
 * wins over If-Modified-Since when both are sent.
 */
export function isNotModified(headers: { ifNoneMatch?: string; ifModifiedSince?: string }, file: StoredFile): boolean {
  if (headers.ifNoneMatch !== undefined) {
    const opaque = entityTag(file);
    return headers.ifNoneMatch.split(',').some((tag) => {
      const candidate = tag.trim();
      return candidate === '*' || candidate.replace(/^W\//, '') === opaque;
    });
  }
  if (headers.ifModifiedSince !== undefined) {
    const since = parseHttpDate(headers.ifModifiedSince);
    return since !== null && wholeSeconds(file.modifiedAt) <= since;
  }
  return false;
}

/**
 * Whether a `Range` still applies given `If-Range` (RFC 9110 §13.1.5): only when the
 * validator matches exactly (strongly); otherwise the client's partial copy is stale
 * and it gets the whole file.
 */
export function rangeApplies(ifRange: string | undefined, file: StoredFile): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return value === entityTag(file);
  return parseHttpDate(value) === wholeSeconds(file.modifiedAt);
}
