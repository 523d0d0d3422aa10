import { Injectable, Logger } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OpenedFile, Storage } from '../storage/storage';
import { deliveryDirectives, reloadDecision } from './blocking-reload';
import { BufferPool } from './buffer-pool';
import { HeldReloads } from './held-reloads';
import { mediaKeyFromPath } from './media-key';
import { CORS_HEADERS, mediaResponse, PREFLIGHT_HEADERS } from './media-response';

/** Largest read: a 64 KB segment goes out as one read and one `end`, a 4 MB one in four writes. */
const CHUNK_BYTES = 1024 * 1024;
/** Read buffers kept between requests (32 MiB at most); a burst beyond them allocates, and the GC takes those back. */
const POOLED_BUFFERS = 32;

function plain(res: ServerResponse, status: 400 | 404 | 503, text: string): void {
  res.writeHead(status, [...CORS_HEADERS, 'Content-Type', 'text/plain; charset=utf-8', 'Content-Length', String(text.length), 'X-Content-Type-Options', 'nosniff']).end(text);
}

const joined = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);

/** Resolves once `res` can take more, or has closed (then `res.destroyed` says so). */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
}

/**
 * `GET`/`HEAD`/`OPTIONS /media/<key>`: the published playlist files (media-key.ts), read from
 * `Storage` with byte ranges and validators (media-response.ts). A plain Node handler, mounted
 * in front of the framework (serve-media-first.ts): a segment costs an open, an fstat, its reads
 * and a close, which keeps a Node origin near a bare `http` server.
 */
@Injectable()
export class MediaRequestHandler {
  private readonly logger = new Logger(MediaRequestHandler.name);
  private readonly buffers = new BufferPool(CHUNK_BYTES, POOLED_BUFFERS);

  constructor(
    private readonly storage: Storage,
    private readonly held: HeldReloads,
  ) {}

  handle(req: IncomingMessage, res: ServerResponse): void {
    this.answer(req, res).catch((error: Error) => {
      this.logger.warn({
        event: 'media.stream_failed',
        path: req.url,
        error: error.message,
      });
      // Headers promised a length the body can no longer meet: cut the connection.
      if (res.headersSent) res.destroy();
      else res.writeHead(500).end();
    });
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, PREFLIGHT_HEADERS as string[]).end();
      return;
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    let key: string | null;
    try {
      // The raw URL, not a decoded one: an encoded `/` or `..` must be seen as such.
      key = mediaKeyFromPath(query === -1 ? url : url.slice(0, query));
    } catch {
      return plain(res, 400, 'Bad Request');
    }
    if (key === null || (req.method !== 'GET' && req.method !== 'HEAD')) return plain(res, 404, 'Not Found');
    if (query !== -1 && key.endsWith('.m3u8') && (await this.answeredByHold(req, res, key, url.slice(query + 1)))) return;
    const file = await this.storage.openRead(key);
    if (file === null) return plain(res, 404, 'Not Found');
    try {
      const h = req.headers;
      const answer = mediaResponse(key, file, {
        method: req.method as string,
        range: h.range,
        ifRange: joined(h['if-range']),
        ifNoneMatch: h['if-none-match'],
        ifModifiedSince: h['if-modified-since'],
      });
      res.writeHead(answer.status, answer.headers);
      if (answer.body === null) res.end();
      else await this.send(file, res, answer.body.start, answer.body.end);
    } finally {
      file.close();
    }
  }

  /**
   * A blocking playlist reload (blocking-reload.ts): answers 400 or 503 itself and returns true,
   * or returns false, at once or once the playlist holds the segment asked for, for the ordinary
   * answer with the playlist as it then is. Without directives it costs a query-string parse.
   */
  private async answeredByHold(req: IncomingMessage, res: ServerResponse, key: string, query: string): Promise<boolean> {
    const directives = deliveryDirectives(query);
    if (directives.kind === 'none') return false;
    if (directives.kind === 'invalid') {
      plain(res, 400, 'Bad Request');
      return true;
    }
    const playlist = await this.storage.readText(key).catch(() => null);
    // a missing playlist is the ordinary path's 404
    const decision = playlist === null ? ({ kind: 'serve' } as const) : reloadDecision(playlist, directives.msn);
    if (decision.kind === 'serve') return false;
    if (decision.kind === 'reject') {
      plain(res, 400, 'Bad Request');
      return true;
    }
    const closed = new AbortController();
    const onClose = () => closed.abort();
    res.once('close', onClose);
    // the client may have gone while the playlist was read
    if (res.closed) closed.abort();
    const outcome = await this.held.wait(key, (text) => text === null || reloadDecision(text, directives.msn).kind !== 'hold', decision.timeoutMs, closed.signal);
    res.off('close', onClose);
    if (outcome === 'ready') return false;
    if (outcome === 'full') this.logger.warn({ event: 'media.reload_refused', path: req.url, reason: 'too many held requests', held: this.held.size });
    if (outcome !== 'closed') plain(res, 503, 'Service Unavailable');
    return true;
  }

  /**
   * Reads the next chunk while the socket drains the current one (as a piped read stream would),
   * and stops when the client goes away. Each buffer goes back to the pool once the socket has
   * written it; the file is closed only once no read is in flight.
   */
  private async send(file: OpenedFile, res: ServerResponse, start: number, end: number): Promise<void> {
    const readAt = async (position: number): Promise<{ buffer: Buffer; chunk: Buffer }> => {
      const buffer = this.buffers.take();
      try {
        const read = await file.read(buffer.subarray(0, Math.min(buffer.length, end + 1 - position)), position);
        if (read === 0) throw new Error(`file ended ${end + 1 - position} bytes early`);
        return { buffer, chunk: buffer.subarray(0, read) };
      } catch (error) {
        this.buffers.give(buffer);
        throw error;
      }
    };
    let position = start;
    let next: ReturnType<typeof readAt> | null = readAt(position);
    try {
      while (next !== null) {
        const { buffer, chunk } = await next;
        next = null;
        if (res.destroyed) {
          this.buffers.give(buffer);
          return;
        }
        position += chunk.length;
        const written = () => this.buffers.give(buffer);
        if (position > end) {
          res.end(chunk, written);
          return;
        }
        next = readAt(position);
        if (!res.write(chunk, written)) await drained(res);
      }
    } finally {
      const pending = await next?.catch(() => null);
      if (pending) this.buffers.give(pending.buffer);
    }
  }
}
