import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; [key: string]: unknown } }[];
}

/** Tests read answers by path (`data.playlist.variants[0]`) and let `expect` check them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

export async function gql<T = Record<string, Loose>>(url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
  return (await gqlResponse<T>(url, query, variables, headers)).body;
}

/** A JSON GraphQL request, with the HTTP status and headers of its answer. */
export async function gqlResponse<T = Record<string, Loose>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: GraphQLResponse<T> }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLResponse<T> };
}

/** `Authorization` for an API token. */
export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export const UPLOAD_MUTATION = `
  mutation Upload($file: Upload!, $options: UploadOptionsInput!) {
    uploadVideo(file: $file, options: $options) { id title status requestedResolutions skippedResolutions source { width height duration hasAudio } }
  }`;

/** A GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec), as curl would send it. */
export async function uploadFile(
  url: string,
  filePath: string | null,
  options: Record<string, unknown>,
  filename = filePath ? basename(filePath) : 'none',
  headers: Record<string, string> = { 'apollo-require-preflight': 'true' },
): Promise<{ status: number; body: GraphQLResponse<Loose> }> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: UPLOAD_MUTATION, variables: { file: null, options } }));
  form.append('map', JSON.stringify(filePath ? { '0': ['variables.file'] } : {}));
  if (filePath) form.append('0', await openAsBlob(filePath), filename);
  const res = await fetch(`${url}/graphql`, { method: 'POST', body: form, headers });
  const text = await res.text();
  let body: GraphQLResponse<Loose>;
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: res.status, body };
}

/** Collects a subscription's events until it completes (or `until` says stop). */
export function collectSubscription<T>(
  wsUrl: string,
  query: string,
  variables: Record<string, unknown>,
  until: (event: T) => boolean,
  timeoutMs = 90_000,
  connectionParams?: Record<string, unknown>,
): Promise<T[]> {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0, connectionParams });
  const events: T[] = [];
  return new Promise<T[]>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`subscription timed out after ${timeoutMs} ms; saw ${JSON.stringify(events.slice(-3))}`)), timeoutMs);
    let unsubscribe = () => undefined as void;
    const finish = (error?: Error) => {
      clearTimeout(timer);
      unsubscribe();
      void client.dispose();
      if (error) reject(error);
      else resolve(events);
    };
    unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (message) => {
          if (message.errors) return finish(new Error(JSON.stringify(message.errors)));
          const event = Object.values(message.data ?? {})[0] as T;
          events.push(event);
          if (until(event)) finish();
        },
        error: (error) => finish(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => finish(),
      },
    );
  });
}
