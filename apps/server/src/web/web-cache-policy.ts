/** Angular's production build names bundles `<name>-<8+ character hash>.js|css`; new content gets a new name. */
const HASHED_BUNDLE = /-[A-Z0-9]{8,}\.(js|mjs|css)$/;

/** Cache-Control for a file of the web build: hashed bundles forever, everything else revalidated (index.html above all). */
export function webCacheControl(path: string): string {
  return HASHED_BUNDLE.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
