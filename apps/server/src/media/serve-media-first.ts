import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { MediaRequestHandler } from './media-request-handler';

/**
 * Puts a handler for every path under `prefix` in front of the request listener the framework
 * installed (Express, its router and middleware): such requests cost a prefix check; every other
 * request goes on as before.
 */
export function servePrefixFirst(server: Server, prefix: string, handle: (req: IncomingMessage, res: ServerResponse) => void): void {
  const framework = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith(prefix)) handle(req, res);
    else for (const listener of framework) listener.call(server, req, res);
  });
}

/** `/media/` skips Express altogether. */
export function serveMediaFirst(server: Server, media: Pick<MediaRequestHandler, 'handle'>): void {
  servePrefixFirst(server, '/media/', (req, res) => media.handle(req, res));
}
