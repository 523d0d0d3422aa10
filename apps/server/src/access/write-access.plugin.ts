import type { ApolloServerPlugin } from '@apollo/server';
import type { AccessPolicy } from './access-policy';

/** Refuses a mutation without a valid token once Apollo knows the operation, before any resolver runs. */
export function writeAccessPlugin(access: AccessPolicy): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation?.operation !== 'mutation') return;
          const authorization = request.http?.headers.get('authorization');
          if (!access.mayWrite(authorization)) throw access.refusal(authorization);
        },
      };
    },
  };
}
