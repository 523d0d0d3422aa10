import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { renderExplorerPage } from './explorer-page';
import { wantsExplorerPage } from './wants-explorer-page';

/**
 * Answers a browser opening `/graphql` with GraphiQL; passes every GraphQL request on.
 * Runs as Nest middleware, which Nest installs before Apollo's own Express middleware.
 */
@Injectable()
export class ExplorerPageMiddleware implements NestMiddleware {
  private readonly page: string;

  constructor() {
    this.page = renderExplorerPage('/graphql');
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const hasQuery = new URLSearchParams(req.originalUrl.split('?')[1] ?? '').has('query');
    if (!wantsExplorerPage({ method: req.method, accept: req.headers.accept, hasQuery })) {
      next();
      return;
    }
    // The same URL answers JSON to API clients: caches must keep the two apart.
    res.setHeader('Vary', 'Accept');
    res.setHeader('Cache-Control', 'no-cache');
    res.status(200).type('text/html; charset=utf-8').send(this.page);
  }
}
