/**
 * A reverse proxy on loopback that plays a network trace: each request waits the trace's latency
 * before its response starts, and response bytes leave at the trace's rate, one response at a time
 * in order of arrival (as the simulator's link serves requests). Capacity the link has while nothing
 * waits to be sent is lost, not banked. The trace's clock starts at the first request of a session.
 */
import {
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { Link, type Trace } from '@cmm/player/abr-sim';

/** How often bytes are released: fine enough that a 4 s segment arrives in hundreds of pieces. */
const TICK_MS = 10;

/** A response the link is carrying: its body as it comes from upstream, and how much left. */
interface Transfer {
  res: ServerResponse;
  chunks: Buffer[];
  sent: number;
  received: number;
  upstreamDone: boolean;
}

/** What the proxy serves itself, unpaced and outside the trace's clock. */
export type LocalRoute = (
  path: string,
) => { type: string; body: string } | null;

export class PacingProxy {
  private readonly server: Server;
  private link: Link | null = null;
  private clockStart: number | null = null;
  private queue: Transfer[] = [];
  private lastTick = 0;
  private creditBits = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly upstream: URL,
    private readonly local: LocalRoute,
  ) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) =>
      this.server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    this.timer = setInterval(() => this.tick(), TICK_MS);
    return `http://127.0.0.1:${port}`;
  }

  /** Replays `trace` from its start for the requests that follow. */
  session(trace: Trace): void {
    this.link = new Link(trace);
    this.clockStart = null;
    for (const t of this.queue) t.res.destroy();
    this.queue = [];
    this.creditBits = 0;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Seconds on the trace's clock. */
  private clock(now = performance.now()): number {
    return this.clockStart === null ? 0 : (now - this.clockStart) / 1000;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    const own = this.local(path);
    if (own) {
      res.writeHead(200, {
        'content-type': own.type,
        'cache-control': 'no-store',
      });
      res.end(own.body);
      return;
    }
    const link = this.link;
    if (!link) {
      res.writeHead(503).end('no trace: call session() first');
      return;
    }
    if (this.clockStart === null) {
      this.clockStart = performance.now();
      this.lastTick = this.clockStart;
    }
    const firstByteAt = performance.now() + link.latencyMs(this.clock());
    const transfer: Transfer = {
      res,
      chunks: [],
      sent: 0,
      received: 0,
      upstreamDone: false,
    };
    const forward = request(
      new URL(path, this.upstream),
      {
        method: req.method,
        headers: { ...req.headers, host: this.upstream.host },
      },
      (upstream) => {
        upstream.on('data', (chunk: Buffer) => {
          transfer.chunks.push(chunk);
          transfer.received += chunk.length;
        });
        upstream.on('end', () => (transfer.upstreamDone = true));
        const headers = {
          ...upstream.headers,
          // every session is a first visit: nothing may come from the browser's cache
          'cache-control': 'no-store',
        };
        delete headers.etag;
        delete headers['last-modified'];
        setTimeout(
          () => {
            if (res.destroyed) return;
            res.writeHead(upstream.statusCode ?? 502, headers);
            this.queue.push(transfer);
          },
          Math.max(0, firstByteAt - performance.now()),
        );
      },
    );
    forward.on('error', () => res.destroy());
    res.on('close', () => {
      forward.destroy();
      this.queue = this.queue.filter((t) => t !== transfer);
    });
    req.pipe(forward);
  }

  /** Releases the bits the trace carried since the last tick, to the oldest responses first. */
  private tick(): void {
    const now = performance.now();
    const link = this.link;
    if (!link || this.clockStart === null) return;
    this.creditBits +=
      link.bitsBy(this.clock(now)) - link.bitsBy(this.clock(this.lastTick));
    this.lastTick = now;
    while (this.queue.length > 0 && this.creditBits >= 8) {
      const head = this.queue[0];
      const pending = head.received - head.sent;
      const bytes = Math.min(pending, Math.floor(this.creditBits / 8));
      if (bytes > 0) {
        head.res.write(this.take(head, bytes));
        this.creditBits -= bytes * 8;
      }
      if (head.upstreamDone && head.sent === head.received) {
        head.res.end();
        this.queue.shift();
      } else if (bytes === pending) break;
    }
    // an idle link (nothing to send, or upstream not there yet) does not save its capacity
    if (
      this.queue.length === 0 ||
      this.queue[0].sent === this.queue[0].received
    )
      this.creditBits = Math.min(this.creditBits, 8);
  }

  private take(transfer: Transfer, bytes: number): Buffer {
    const parts: Buffer[] = [];
    let left = bytes;
    while (left > 0) {
      const chunk = transfer.chunks[0];
      if (chunk.length <= left) {
        parts.push(chunk);
        transfer.chunks.shift();
        left -= chunk.length;
      } else {
        parts.push(chunk.subarray(0, left));
        transfer.chunks[0] = chunk.subarray(left);
        left = 0;
      }
    }
    transfer.sent += bytes;
    return Buffer.concat(parts);
  }
}
