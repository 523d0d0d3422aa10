// Apollo client wiring: subscriptions over graphql-ws, everything else over Angular's HttpClient.
import { inject } from '@angular/core';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { isSubscriptionOperation } from '@apollo/client/utilities';
import { HttpLink } from 'apollo-angular/http';
import { createClient } from 'graphql-ws';
import { API_ENDPOINTS } from './api-endpoints';

export function createApolloOptions(): ApolloClient.Options {
  const endpoints = inject(API_ENDPOINTS);
  const http = inject(HttpLink).create({ uri: endpoints.http });
  const ws = new GraphQLWsLink(
    createClient({
      url: endpoints.ws,
      lazy: true,
      // A restarting server should not leave the sidebar frozen: keep reconnecting.
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: () => true,
    }),
  );
  return {
    link: ApolloLink.split(
      ({ query }) => isSubscriptionOperation(query),
      ws,
      http,
    ),
    cache: new InMemoryCache({
      typePolicies: {
        // Value objects without ids: merge the list's and the detail's selections instead of replacing.
        SourceVideo: { merge: true },
        ProcessingProgress: { merge: true },
      },
    }),
  };
}
