import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { isUnauthenticated } from './unauthenticated';

// jsdom has no fetch Response: apollo-angular builds the same Response-like object.
const serverError = (status: number) =>
  new ServerError(`Response not successful: Received status code ${status}`, {
    response: { status } as Response,
    bodyText: '{}',
  });

describe('isUnauthenticated', () => {
  it.each<[string, unknown, boolean]>([
    [
      'GraphQL errors with code UNAUTHENTICATED (graphql-ws)',
      new CombinedGraphQLErrors({
        errors: [
          { message: 'no token', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      }),
      true,
    ],
    [
      'GraphQL errors with another code',
      new CombinedGraphQLErrors({
        errors: [{ message: 'gone', extensions: { code: 'NOT_FOUND' } }],
      }),
      false,
    ],
    ['an HTTP 401 (a mutation over HTTP)', serverError(401), true],
    ['an HTTP 400 (a query over the cost limit)', serverError(400), false],
    [
      'parsed upload errors with the code',
      [{ message: 'no token', extensions: { code: 'UNAUTHENTICATED' } }],
      true,
    ],
    [
      'parsed upload errors without it',
      [{ message: 'bad', extensions: { code: 'BAD_USER_INPUT' } }],
      false,
    ],
    ['a network failure', new Error('Socket closed'), false],
    ['nothing', null, false],
  ])('%s → %s', (_name, error, expected) => {
    expect(isUnauthenticated(error)).toBe(expected);
  });
});
