import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { mediaTypeOf } from '../access/csrf-rule';
import type { Catalog } from '../catalog/catalog';
import { ServiceUnavailableError } from '../errors/domain-error';

/**
 * Runs before graphql-upload reads a multipart body: when the catalog's database does not
 * answer, the upload is refused with 503 SERVICE_UNAVAILABLE before a byte of it is stored,
 * rather than after the whole file has been received and probed.
 */
export function catalogReadyGuard(catalog: Catalog): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (mediaTypeOf(req.headers) !== 'multipart/form-data') return next();
    catalog.dependency().then(
      (dependency) => {
        if (!dependency || dependency.up) return next();
        const error = new ServiceUnavailableError(dependency.name);
        res.status(503).json({ errors: [{ message: error.message, extensions: { code: error.code, dependency: error.dependency } }] });
      },
      (error: Error) => next(error),
    );
  };
}
