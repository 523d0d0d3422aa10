// The one graphql-ws connection for subscriptions: it carries the API token in its connection params.
import { InjectionToken, inject } from '@angular/core';
import { type Client, createClient } from 'graphql-ws';
import { AuthTokenStore, bearer } from './auth-token.store';
import { API_ENDPOINTS } from '../core/api-endpoints';

export const GRAPHQL_WS_CLIENT = new InjectionToken<Client>(
  'graphql-ws client',
  {
    providedIn: 'root',
    factory: () => {
      const store = inject(AuthTokenStore);
      return createClient({
        url: inject(API_ENDPOINTS).ws,
        lazy: true,
        // A restarting server should not leave the sidebar frozen: keep reconnecting.
        retryAttempts: Number.POSITIVE_INFINITY,
        shouldRetry: () => true,
        // Read at every (re)connection, so a new token takes effect once the socket restarts.
        connectionParams: () => {
          const token = store.token();
          return token ? { authorization: bearer(token) } : {};
        },
      });
    },
  },
);
