/** What a `Range` request header asks of a file, decided before any byte is read. */
export type ByteRange = { kind: 'none' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes[ \t]*=[ \t]*(\d*)-(\d*)[ \t]*$/i;

/**
 * Parses a `Range` header against a file of `size` bytes (RFC 9110 §14.2).
 * A server may ignore `Range`, so everything this does not serve as one range falls back
 * to the full file: malformed headers, other units, and multi-range requests (players
 * never send them, and a multipart/byteranges body is not worth its complexity).
 * A zero-length file is served whole too: no `Content-Range` can describe a range of it.
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange {
  const match = header === undefined ? null : SINGLE_RANGE.exec(header);
  if (!match || size === 0) return { kind: 'none' };
  const [, first, last] = match;
  if (first === '' && last === '') return { kind: 'none' };
  if (first === '') {
    const suffix = Number(last);
    return suffix === 0 ? { kind: 'unsatisfiable' } : { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  // RFC 9110 calls last < first invalid, not unsatisfiable, so the header is ignored
  if (end < start) return { kind: 'none' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}
