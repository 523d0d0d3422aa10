import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import { normalizeOrigin } from './origin-rule';

/** What a listed origin may send to /graphql: the headers our clients and Apollo's CSRF rule use. */
const GRAPHQL_CORS: CorsOptions = {
  methods: ['GET', 'POST'],
  allowedHeaders: ['Content-Type', 'Authorization', 'Apollo-Require-Preflight', 'X-Apollo-Operation-Name'],
  maxAge: 600,
};

/**
 * CORS for a request: /graphql answers only the origins the operator listed (same-origin pages
 * need no CORS); everything else gets none here. /media sets its own `*` headers, so players on
 * any site can read streams.
 */
export function corsOptionsFor(path: string, origin: string | undefined, allowedOrigins: readonly string[]): CorsOptions {
  const onGraphql = path.split('?')[0] === '/graphql';
  const normalized = origin === undefined ? null : normalizeOrigin(origin);
  if (!onGraphql || normalized === null || !allowedOrigins.includes(normalized)) return { origin: false };
  return { ...GRAPHQL_CORS, origin };
}
