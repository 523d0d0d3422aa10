// Whether a failed request was refused for want of a valid API token, whatever the transport.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export const UNAUTHENTICATED = 'UNAUTHENTICATED';

interface CodedError {
  readonly extensions?: Readonly<Record<string, unknown>> | null;
}

/**
 * GraphQL errors with `extensions.code` UNAUTHENTICATED (graphql-ws, or a body already parsed),
 * or an HTTP 401 (Apollo's HTTP link reports those as a ServerError).
 */
export function isUnauthenticated(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return hasCode(error.errors);
  if (ServerError.is(error)) return error.statusCode === 401;
  return Array.isArray(error) && hasCode(error);
}

function hasCode(errors: readonly CodedError[]): boolean {
  return errors.some((e) => e?.extensions?.['code'] === UNAUTHENTICATED);
}
