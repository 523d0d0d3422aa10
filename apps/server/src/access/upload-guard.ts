import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AccessPolicy } from './access-policy';
import { CSRF_MESSAGE, isPreflighted, mediaTypeOf } from './csrf-rule';

/**
 * Runs before graphql-upload, which streams a multipart body to temp files as soon as it sees
 * one: a request Apollo would refuse anyway (no CSRF header, no valid token) is refused here,
 * before a byte of its body is read. Multipart requests are uploads, so they are writes.
 */
export function uploadGuard(access: AccessPolicy): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (mediaTypeOf(req.headers) !== 'multipart/form-data') return next();
    if (!isPreflighted(req.headers)) {
      res.status(400).json({ errors: [{ message: CSRF_MESSAGE, extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    const authorization = req.headers.authorization;
    if (!access.mayWrite(authorization)) {
      const { message, extensions } = access.refusal(authorization);
      res.status(401).setHeader('WWW-Authenticate', 'Bearer');
      res.json({ errors: [{ message, extensions: { code: extensions['code'] } }] });
      return;
    }
    next();
  };
}
