import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OutboundHttp, RESPONSE_BYTES_KEPT } from './outbound-http';

/** A real receiver on loopback: what it answers, and every request it saw. */
async function receiver(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string; seen: { headers: IncomingMessage['headers']; body: string }[] }> {
  const seen: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      handle(req, res);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://localhost:${(server.address() as AddressInfo).port}/hook`, seen };
}

describe('OutboundHttp', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    }
  });
  const open = new OutboundHttp({ allowPrivate: true, timeoutMs: 2000 });
  const strict = new OutboundHttp({ allowPrivate: false, timeoutMs: 2000 });

  it('posts the JSON body with the given headers and reports the answer', async () => {
    const r = await receiver((_req, res) => res.writeHead(200).end('thanks'));
    servers.push(r.server);
    expect(await open.post(r.url, { 'webhook-id': 'evt_1' }, '{"a":1}')).toEqual({ kind: 'response', status: 200, excerpt: 'thanks' });
    expect(r.seen).toEqual([{ headers: expect.objectContaining({ 'webhook-id': 'evt_1', 'content-type': 'application/json' }), body: '{"a":1}' }]);
  });

  it('does not follow a redirect', async () => {
    let hits = 0;
    const r = await receiver((_req, res) => (hits++, res.writeHead(302, { location: '/elsewhere' }).end()));
    servers.push(r.server);
    expect(await open.post(r.url, {}, '{}')).toMatchObject({ kind: 'response', status: 302 });
    expect(hits).toBe(1);
  });

  it(`reads at most ${RESPONSE_BYTES_KEPT} bytes of a large answer`, async () => {
    const r = await receiver((_req, res) => {
      res.writeHead(500);
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const more = () => {
        while (res.write(chunk));
        res.once('drain', more);
      };
      more();
    });
    servers.push(r.server);
    const outcome = await open.post(r.url, {}, '{}');
    expect(outcome).toMatchObject({ kind: 'response', status: 500 });
    expect(outcome.kind === 'response' && outcome.excerpt.length).toBe(RESPONSE_BYTES_KEPT);
  });

  it('gives up on a receiver that never answers', async () => {
    const r = await receiver(() => undefined);
    servers.push(r.server);
    expect(await new OutboundHttp({ allowPrivate: true, timeoutMs: 300 }).post(r.url, {}, '{}')).toEqual({ kind: 'error', message: 'No response within 300 ms' });
  });

  it('reports a refused connection as an error worth retrying', async () => {
    const r = await receiver(() => undefined);
    const url = r.url;
    await new Promise((done) => r.server.close(done));
    expect(await open.post(url, {}, '{}')).toMatchObject({ kind: 'error', message: expect.stringContaining('ECONNREFUSED') });
  });

  it.each([
    ['a name resolving to loopback', (port: number) => `http://localhost:${port}/`, /^localhost resolves to .* is a loopback address; private addresses are not allowed/],
    ['a loopback IP', (port: number) => `http://127.0.0.1:${port}/`, /^127\.0\.0\.1 is a loopback address/],
    ['an IPv4-mapped loopback IP', (port: number) => `http://[::ffff:127.0.0.1]:${port}/`, /embeds 127\.0\.0\.1 is a loopback address/],
    ['a scheme other than http(s)', () => 'ftp://example.com/', /^Only http and https URLs are allowed, not ftp:/],
  ])('refuses %s without connecting', async (_name, target, message) => {
    let connections = 0;
    const r = await receiver((_req, res) => res.end());
    r.server.on('connection', () => connections++);
    servers.push(r.server);
    const port = (r.server.address() as AddressInfo).port;
    expect(await strict.post(target(port), {}, '{}')).toEqual({ kind: 'refused', message: expect.stringMatching(message) });
    expect(connections).toBe(0);
  });
});
