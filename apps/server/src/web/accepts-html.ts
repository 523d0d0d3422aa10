/**
 * Whether an Accept header names `text/html` itself: true for browser navigations,
 * false for a bare wildcard (what curl, fetch and API clients send), so those get the
 * API's answer rather than a page.
 */
export function acceptsHtml(accept: string | undefined): boolean {
  return /(^|,)\s*text\/html\s*(;|,|$)/i.test(accept ?? '');
}
