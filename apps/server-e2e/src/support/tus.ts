import { request } from 'node:http';

export interface TusAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One tus request over a raw socket, so a test controls exactly which bytes go out. */
export function tus(url: string, method: string, headers: Record<string, string | number>, body?: Buffer): Promise<TusAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { 'Tus-Resumable': '1.0.0', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A PATCH of `bytes` at `offset`. */
export const patch = (url: string, offset: number, bytes: Buffer, headers: Record<string, string> = {}) =>
  tus(url, 'PATCH', { 'Upload-Offset': offset, 'Content-Type': 'application/offset+octet-stream', 'Content-Length': bytes.length, ...headers }, bytes);
