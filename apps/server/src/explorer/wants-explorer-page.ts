import { acceptsHtml } from '../web/accepts-html';

/**
 * Whether a request to the GraphQL endpoint is a browser opening it: a GET or HEAD that
 * asks for HTML and carries no operation. Everything else (POST, GET with `query`,
 * clients asking for JSON) is GraphQL and goes on to Apollo.
 */
export function wantsExplorerPage(request: { method: string; accept: string | undefined; hasQuery: boolean }): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (request.hasQuery) return false;
  return acceptsHtml(request.accept);
}
