import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { MediaRequestHandler } from './media-request-handler';

/**
 * Puts `/media/` in front of the request listener the framework installed (Express, its router
 * and middleware): media requests cost a prefix check; every other request goes on as before.
 */
export function serveMediaFirst(server: Server, media: Pick<MediaRequestHandler, 'handle'>): void {
  const framework = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/media/')) media.handle(req, res);
    else for (const listener of framework) listener.call(server, req, res);
  });
}
