import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { forbiddenAddressReason } from './address-rule';
import type { AttemptOutcome } from './webhook-records';

export interface OutboundOptions {
  /** Lets webhooks reach loopback, private and other special-purpose addresses (WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** The whole attempt, connecting included (WEBHOOK_TIMEOUT_MS). */
  timeoutMs: number;
}

const CONNECT_TIMEOUT_MS = 5000;
/** The response body is read this far, for the delivery's record, then dropped. */
export const RESPONSE_BYTES_KEPT = 4096;

/** A refusal before anything was sent, so the caller records it without retrying. */
class RefusedError extends Error {}

/**
 * Resolves like dns.lookup, then refuses the connection unless every address is allowed: the
 * socket connects to the address checked here, so a DNS answer that changes in between
 * (rebinding) cannot send it elsewhere.
 */
export function checkedLookup(allowPrivate: boolean, resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const reason = allowPrivate ? null : addresses.map((a) => forbiddenAddressReason(a.address)).find((r) => r !== null);
      if (reason) return callback(new RefusedError(`${hostname} resolves to ${reason}; private addresses are not allowed (WEBHOOK_ALLOW_PRIVATE)`), '', 0);
      if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/**
 * Sends one delivery attempt: a POST with the JSON body, no redirect followed, no connection
 * reused, at most RESPONSE_BYTES_KEPT of the answer read. Never throws: every outcome is data.
 */
export class OutboundHttp {
  private readonly lookup: LookupFunction;

  constructor(private readonly options: OutboundOptions) {
    this.lookup = checkedLookup(options.allowPrivate);
  }

  post(target: string, headers: Record<string, string>, body: string): Promise<AttemptOutcome> {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return Promise.resolve({ kind: 'refused', message: `${target} is not a URL` });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.resolve({ kind: 'refused', message: `Only http and https URLs are allowed, not ${url.protocol}` });
    // an IP literal is connected to without a lookup: it is checked here instead
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const literal = isIP(host) !== 0 && !this.options.allowPrivate ? forbiddenAddressReason(host) : null;
    if (literal) return Promise.resolve({ kind: 'refused', message: `${literal}; private addresses are not allowed (WEBHOOK_ALLOW_PRIVATE)` });

    return new Promise<AttemptOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: AttemptOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        resolve(outcome);
      };
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(url, {
        method: 'POST',
        agent: false,
        lookup: this.lookup,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'cmm-streaming-webhooks', ...headers },
      });
      const total = setTimeout(() => req.destroy(new Error(`No response within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        const limit = Math.min(CONNECT_TIMEOUT_MS, this.options.timeoutMs);
        const connect = setTimeout(() => req.destroy(new Error(`Could not connect within ${limit} ms`)), limit);
        socket.once('connect', () => clearTimeout(connect));
        socket.once('close', () => clearTimeout(connect));
      });
      req.on('error', (error) => finish(error instanceof RefusedError ? { kind: 'refused', message: error.message } : { kind: 'error', message: describe(error) }));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const done = () => finish({ kind: 'response', status: res.statusCode ?? 0, excerpt: Buffer.concat(chunks).toString('utf8') });
        res.on('data', (chunk: Buffer) => {
          if (kept < RESPONSE_BYTES_KEPT) chunks.push(chunk.subarray(0, RESPONSE_BYTES_KEPT - kept));
          kept += chunk.length;
          if (kept >= RESPONSE_BYTES_KEPT) {
            done();
            res.destroy();
          }
        });
        res.on('end', done);
        res.on('error', done);
        res.on('close', done);
      });
      req.end(body);
    });
  }
}

function describe(error: NodeJS.ErrnoException): string {
  return error.code ? `${error.message} (${error.code})` : error.message;
}
