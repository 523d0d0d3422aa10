import { acceptsHtml } from './accepts-html';

/** Paths the server's own handlers own; the web app never answers them, not even with its fallback. */
const SERVER_PATHS = ['/graphql', '/media', '/health'];

/** How the web app answers a request: a file from the build, the SPA shell, or not at all. */
export type WebRoute = 'file' | 'index' | 'pass';

/**
 * Routes a request to the built Angular app. Paths with an extension are files; other
 * paths are client-side routes, answered with `index.html` when the client wants HTML
 * (a navigation), so deep links work and API clients still get honest 404s.
 */
export function webRouteFor(request: { method: string; path: string; accept: string | undefined }): WebRoute {
  if (request.method !== 'GET' && request.method !== 'HEAD') return 'pass';
  if (SERVER_PATHS.some((prefix) => request.path === prefix || request.path.startsWith(`${prefix}/`))) return 'pass';
  const last = request.path.slice(request.path.lastIndexOf('/') + 1);
  if (last.includes('.')) return 'file';
  if (request.path === '/') return 'index';
  return acceptsHtml(request.accept) ? 'index' : 'pass';
}
