// The server's GraphQL errors, placed next to the form fields they concern (`extensions.field` of BAD_USER_INPUT).
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

export interface GraphQLErrorLike {
  readonly message: string;
  readonly extensions?: Record<string, unknown>;
}

export interface SortedErrors<F extends string> {
  readonly fieldErrors: Partial<Record<F, string>>;
  /** Errors that concern no single field (or whose field the form does not show). */
  readonly general: string | null;
}

/** `aliases` maps a field the server names to the form field that shows it. */
export function sortFieldErrors<F extends string>(
  errors: readonly GraphQLErrorLike[],
  fields: readonly F[],
  aliases: Readonly<Record<string, F>> = {},
): SortedErrors<F> {
  const fieldErrors: Partial<Record<F, string>> = {};
  const general: string[] = [];
  for (const error of errors) {
    const reported = error.extensions?.['field'];
    const field = typeof reported === 'string' ? (aliases[reported] ?? reported) : reported;
    if (error.extensions?.['code'] === 'BAD_USER_INPUT' && (fields as readonly unknown[]).includes(field)) {
      const key = field as F;
      fieldErrors[key] = fieldErrors[key] ? `${fieldErrors[key]} ${error.message}` : error.message;
    } else {
      general.push(error.message);
    }
  }
  return { fieldErrors, general: general.length ? general.join(' ') : null };
}

/** GraphQL errors from a response body, whatever the HTTP status was. */
export function graphqlErrorsOf(body: unknown): GraphQLErrorLike[] | null {
  if (typeof body === 'string') {
    try {
      return graphqlErrorsOf(JSON.parse(body));
    } catch {
      return null;
    }
  }
  if (!body || typeof body !== 'object') return null;
  const errors = (body as { errors?: unknown }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return null;
  return errors.map((e) => ({
    message: typeof e?.message === 'string' ? e.message : 'Unknown error',
    extensions:
      e && typeof e.extensions === 'object' ? e.extensions : undefined,
  }));
}

/** The errors of a failed Apollo operation: GraphQL errors, those in a non-2xx body, or the failure itself. */
export function operationErrors(error: unknown): GraphQLErrorLike[] {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => ({ message: e.message, extensions: e.extensions }));
  if (ServerError.is(error)) return graphqlErrorsOf(error.bodyText) ?? [{ message: error.message }];
  return [{ message: error instanceof Error ? error.message : String(error) }];
}
