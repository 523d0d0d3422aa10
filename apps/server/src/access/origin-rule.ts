/**
 * Browsers name the page that opened a request in `Origin`. A browser may call `/graphql` (and
 * open its WebSocket) from the server's own origin or from one the operator listed; a request
 * without Origin comes from a non-browser client, which the same-origin policy does not concern.
 */
export function isOriginAllowed(origin: string | undefined, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  if (origin === undefined) return true;
  const normalized = normalizeOrigin(origin);
  if (normalized === null) return false;
  // Host, not scheme: behind a TLS-terminating proxy the page is https and the hop to us is http.
  if (host !== undefined && new URL(normalized).host === host.toLowerCase()) return true;
  return allowedOrigins.includes(normalized);
}

/** `scheme://host[:port]` as browsers send it (lower case, no default port), or null if `value` is not an http(s) origin. */
export function normalizeOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare) return null;
  return url.origin;
}
