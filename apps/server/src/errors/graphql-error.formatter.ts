import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './domain-error';

/**
 * Keeps the codes that GraphQLErrorFilter and GraphQL itself set (syntax, validation, bad input)
 * and hides the details of anything unexpected; Nest has already logged those with their stack.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (code && code !== ErrorCode.Internal) return formatted;
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.Internal } };
}
