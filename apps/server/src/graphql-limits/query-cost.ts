import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY';

/** Every field costs 1; a list field declared with listCost or pageCost multiplies its selection. */
const ESTIMATORS = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

type Variables = Record<string, unknown> | null | undefined;

/** The cost of running `operationName` of `document` with `variables`; throws a GraphQLError when the variables do not fit. */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Variables, operationName: string | null | undefined): number {
  return getComplexity({ schema, query: document, variables: variables ?? {}, operationName: operationName ?? undefined, estimators: ESTIMATORS });
}

/** Why an operation may not run because of its cost, or null if it may. */
export function costRefusal(schema: GraphQLSchema, document: DocumentNode, variables: Variables, operationName: string | null | undefined, maxCost: number): GraphQLError | null {
  let cost: number;
  try {
    cost = operationCost(schema, document, variables, operationName);
  } catch (error) {
    // Variables that do not fit the operation: the BAD_USER_INPUT Apollo itself gives for them.
    return new GraphQLError((error as Error).message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
  }
  if (cost <= maxCost) return null;
  return new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages (playlists(first:), segments(first:)) or fewer fields`, {
    extensions: { code: QUERY_TOO_COSTLY, cost, maxCost, http: { status: 400 } },
  });
}
