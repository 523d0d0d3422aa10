import type { NextFunction, Request, Response } from 'express';
import { webCacheControl } from './web-cache-policy';
import { webRouteFor } from './web-route';

/** `sendFile` errors for a path with nothing to serve (missing, a folder, outside root); the request falls through. */
function isNothingToServe(error: Error & { code?: string; status?: number }): boolean {
  return error.code === 'EISDIR' || (error.status !== undefined && error.status < 500);
}

/**
 * Serves the built web app from `root` (an absolute folder holding index.html): files
 * through Express's `sendFile` (ranges, ETag, 304, and no escaping `root`), client routes
 * with index.html. Anything it does not serve goes on to the next handler.
 */
export function serveWebApp(root: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const path = req.originalUrl.split('?')[0];
    const route = webRouteFor({ method: req.method, path, accept: req.headers.accept });
    if (route === 'pass') {
      next();
      return;
    }
    let file = 'index.html';
    if (route === 'file') {
      try {
        file = decodeURIComponent(path);
      } catch {
        next();
        return;
      }
    }
    res.sendFile(file, { root, dotfiles: 'ignore', headers: { 'Cache-Control': webCacheControl(file) } }, (error?: Error) => {
      if (!error || res.headersSent || (error as NodeJS.ErrnoException).code === 'ECONNABORTED') return;
      if (isNothingToServe(error)) next();
      else next(error);
    });
  };
}

/** Stands in for the web app until it is built, so `/` still says where the API is. */
export function serveWebAppMissing() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const path = req.originalUrl.split('?')[0];
    if (path !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    res
      .status(200)
      .type('text/html; charset=utf-8')
      .setHeader('Cache-Control', 'no-cache')
      .send(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>cmm-streaming</title></head>' +
          '<body><h1>cmm-streaming</h1><p>The web app is not built. The API is at <a href="/graphql">/graphql</a>.</p></body></html>',
      );
  };
}
