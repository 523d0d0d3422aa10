// Apollo client wiring: subscriptions over graphql-ws, everything else over Angular's HttpClient.
import { inject } from '@angular/core';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import {
  isMutationOperation,
  isSubscriptionOperation,
} from '@apollo/client/utilities';
import { HttpLink } from 'apollo-angular/http';
import { AuthService } from './auth/auth.service';
import { isUnauthenticated } from './auth/unauthenticated';
import { API_ENDPOINTS } from './core/api-endpoints';
import { GRAPHQL_WS_CLIENT } from './auth/graphql-ws-client';
import { extractFiles } from './core/multipart';

export function createApolloOptions(): ApolloClient.Options {
  const endpoints = inject(API_ENDPOINTS);
  const auth = inject(AuthService);
  // operations sent with MULTIPART_CONTEXT go as GraphQL multipart requests (caption files)
  const http = inject(HttpLink).create({ uri: endpoints.http, extractFiles });
  const ws = new GraphQLWsLink(inject(GRAPHQL_WS_CLIENT));
  // A refused token, on any operation, sends the user to the sign-in dialog; the error still reaches the caller.
  const refusals = new ErrorLink(({ error, operation }) => {
    if (isUnauthenticated(error))
      auth.unauthenticated(isMutationOperation(operation.query));
  });
  return {
    link: ApolloLink.from([
      refusals,
      ApolloLink.split(({ query }) => isSubscriptionOperation(query), ws, http),
    ]),
    cache: new InMemoryCache({
      typePolicies: {
        // Value objects without ids: merge the list's and the detail's selections instead of replacing.
        SourceVideo: { merge: true },
        ProcessingProgress: { merge: true },
      },
    }),
  };
}
