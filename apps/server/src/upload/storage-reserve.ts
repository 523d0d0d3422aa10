import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { mediaTypeOf } from '../access/csrf-rule';
import { ErrorCode, STORAGE_FULL_MESSAGE } from '../errors/domain-error';
import type { Storage } from '../storage/storage';

/** Whether an upload of `declaredBytes` (its Content-Length; 0 when unknown) still leaves the reserve free. */
export function leavesReserve(freeBytes: number, declaredBytes: number, reserveBytes: number): boolean {
  return freeBytes - declaredBytes >= reserveBytes;
}

/**
 * Runs before graphql-upload reads a multipart body: when the media volume is down to its
 * reserve (MIN_FREE_BYTES), or the declared upload would take it there, the upload is refused
 * with 507 before a byte of it is stored, so a full disk never half-stores a file.
 */
export function storageReserveGuard(storage: Storage, reserveBytes: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (mediaTypeOf(req.headers) !== 'multipart/form-data') return next();
    const declared = Number(req.headers['content-length']) || 0;
    storage.freeBytes().then(
      (free) => {
        if (leavesReserve(free, declared, reserveBytes)) return next();
        res.status(507).json({ errors: [{ message: STORAGE_FULL_MESSAGE, extensions: { code: ErrorCode.InsufficientStorage } }] });
      },
      (error: Error) => next(error),
    );
  };
}
