/**
 * The storage key a `/media/...` request path names, or null when it names nothing we serve.
 * Works on the raw (still percent-encoded) path so that an encoded `/` or `..` cannot slip
 * past the checks after decoding. Storage re-checks containment (and symlinks) on top.
 */
export function mediaKeyFromPath(rawPath: string): string | null {
  if (!rawPath.startsWith('/media/')) return null;
  const segments: string[] = [];
  for (const raw of rawPath.slice('/media/'.length).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments.join('/');
}
