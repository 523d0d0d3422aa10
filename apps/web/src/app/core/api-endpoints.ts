// Where the GraphQL API lives: same origin as the app, derived from the browser location once.
import { DOCUMENT, InjectionToken, inject } from '@angular/core';

export interface ApiEndpoints {
  /** HTTP endpoint for queries, mutations and multipart uploads. */
  readonly http: string;
  /** graphql-ws endpoint for subscriptions (same path, ws/wss scheme). */
  readonly ws: string;
}

export const GRAPHQL_PATH = '/graphql';

export function endpointsFor(
  location: Pick<Location, 'protocol' | 'host'>,
): ApiEndpoints {
  const wsScheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return {
    http: GRAPHQL_PATH,
    ws: `${wsScheme}//${location.host}${GRAPHQL_PATH}`,
  };
}

export const API_ENDPOINTS = new InjectionToken<ApiEndpoints>('API_ENDPOINTS', {
  providedIn: 'root',
  factory: () => {
    const location = inject(DOCUMENT).defaultView?.location;
    return location
      ? endpointsFor(location)
      : { http: GRAPHQL_PATH, ws: `ws://localhost${GRAPHQL_PATH}` };
  },
});
