import { Controller, Get, HttpStatus, Logger, Options, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream';
import { Storage } from '../storage/storage';
import { parseByteRange } from './byte-range';
import { cacheControlFor } from './cache-policy';
import { entityTag, isNotModified, rangeApplies } from './conditional-request';
import { contentTypeFor } from './content-type';
import { mediaKeyFromPath } from './media-key';

/** Players on other origins read these to drive range requests and progress. */
function allowAnyOrigin(res: Response): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', 'Content-Length, Content-Range, Accept-Ranges, ETag, Last-Modified');
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Serves every file under the media root at `/media/<key>` (HEAD is answered by the GET
 * route, as Express does), streamed with byte ranges and validators.
 */
@Controller('media')
export class MediaController {
  private readonly logger = new Logger(MediaController.name);

  constructor(private readonly storage: Storage) {}

  @Options('*path')
  preflight(@Res() res: Response): void {
    allowAnyOrigin(res);
    res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'Range, If-Range, If-None-Match, If-Modified-Since');
    res.setHeader('Access-Control-Max-Age', '86400');
    res.status(HttpStatus.NO_CONTENT).end();
  }

  @Get('*path')
  async serve(@Req() req: Request, @Res() res: Response): Promise<void> {
    allowAnyOrigin(res);
    res.setHeader('Accept-Ranges', 'bytes');
    // The raw URL, not Express's decoded params: encoded `/` and `..` must be seen as such.
    const key = mediaKeyFromPath(req.originalUrl.split('?')[0]);
    const file = key !== null && (await this.storage.resolveExisting(key)) !== null ? await this.storage.stat(key) : null;
    if (key === null || file === null) {
      res.status(HttpStatus.NOT_FOUND).type('text/plain').send('Not Found');
      return;
    }

    res.setHeader('Content-Type', contentTypeFor(key));
    res.setHeader('Cache-Control', cacheControlFor(key));
    res.setHeader('ETag', entityTag(file));
    res.setHeader('Last-Modified', file.modifiedAt.toUTCString());
    // Uploaded files are user content: never let a browser sniff one into HTML.
    res.setHeader('X-Content-Type-Options', 'nosniff');

    if (isNotModified({ ifNoneMatch: header(req, 'if-none-match'), ifModifiedSince: header(req, 'if-modified-since') }, file)) {
      res.status(HttpStatus.NOT_MODIFIED).end();
      return;
    }

    const range = rangeApplies(header(req, 'if-range'), file) ? parseByteRange(header(req, 'range'), file.size) : { kind: 'none' as const };
    if (range.kind === 'unsatisfiable') {
      res.setHeader('Content-Range', `bytes */${file.size}`);
      res.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).end();
      return;
    }
    if (range.kind === 'partial') {
      res.status(HttpStatus.PARTIAL_CONTENT);
      res.setHeader('Content-Range', `bytes ${range.start}-${range.end}/${file.size}`);
      res.setHeader('Content-Length', range.end - range.start + 1);
    } else {
      res.status(HttpStatus.OK);
      res.setHeader('Content-Length', file.size);
    }
    if (req.method === 'HEAD') {
      res.end();
      return;
    }

    // pipeline destroys the file stream when the client goes away mid-transfer.
    pipeline(this.storage.readStream(key, range.kind === 'partial' ? { start: range.start, end: range.end } : undefined), res, (error) => {
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        this.logger.warn({ event: 'media.stream_failed', key, error: error.message });
      }
    });
  }
}
