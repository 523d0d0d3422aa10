import type { ApolloServerPlugin } from '@apollo/server';
import { costRefusal } from './query-cost';

/**
 * Refuses an operation whose cost is over `maxCost` before it runs. A plugin rather than a
 * validation rule because the cost depends on variables (`first: $first`), which validation
 * rules do not see.
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, operationName }) {
          const refusal = costRefusal(schema, document, request.variables, operationName, maxCost);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
