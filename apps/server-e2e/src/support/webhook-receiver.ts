import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gql } from './graphql-client';
import { until } from './until';

export interface ReceivedRequest {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface WebhookReceiver {
  /** `http://localhost:<port>/hooks`: a name, so the server resolves it (and, when private addresses are refused, refuses it). */
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** TCP connections accepted, whether or not a request followed. */
  connections: () => number;
  /** The statuses the next requests get, in order; 200 once they run out. */
  answer: (...statuses: number[]) => void;
  close: () => Promise<void>;
}

/** A real HTTP receiver on loopback that records every request and answers the statuses it is told. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = [];
  const statuses: number[] = [];
  let connections = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, body });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : `failing on purpose with ${status}`);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}/hooks`,
    port,
    requests,
    connections: () => connections,
    answer: (...next) => statuses.splice(0, statuses.length, ...next),
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** What docs/api.md tells receivers to do, written out with node:crypto alone. */
export function verifies(headers: IncomingHttpHeaders, body: string, secret: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = Buffer.from('v1,' + createHmac('sha256', key).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`).digest('base64'));
  const fresh = Math.abs(Date.now() / 1000 - Number(headers['webhook-timestamp'])) < 300;
  return fresh && String(headers['webhook-signature']).split(' ').some((s) => s.length === expected.length && timingSafeEqual(Buffer.from(s), expected));
}

export const DELIVERIES = `query($id: ID!) { webhookDeliveries(webhookId: $id) { totalCount nodes { id eventId eventType status attempts lastResponseCode lastError nextAttemptAt payload } } }`;

/** A delivery as `webhookDeliveries` lists it. */
export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  lastResponseCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  payload: string;
}

/** The webhook's deliveries, read through the API at `apiUrl` with `auth` (its bearer header). */
export async function deliveries(apiUrl: string, webhookId: string, auth: Record<string, string>): Promise<Delivery[]> {
  const { data, errors } = await gql(apiUrl, DELIVERIES, { id: webhookId }, auth);
  if (errors) throw new Error(`webhookDeliveries failed: ${JSON.stringify(errors)}`);
  return data?.webhookDeliveries.nodes;
}

/** Polls until the webhook has a delivery of `eventType` that is no longer PENDING. */
export const finished = (apiUrl: string, webhookId: string, eventType: string, auth: Record<string, string>): Promise<Delivery> =>
  until(`a finished ${eventType} delivery`, async () => (await deliveries(apiUrl, webhookId, auth)).find((d) => d.eventType === eventType && d.status !== 'PENDING'));
