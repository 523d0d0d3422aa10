import { createErrorFormatter } from './graphql-error.formatter';

describe('createErrorFormatter', () => {
  const production = createErrorFormatter({ exposeStacktrace: false, hiddenRoots: ['/srv/media'] });
  const development = createErrorFormatter({ exposeStacktrace: true, hiddenRoots: ['/srv/media'] });
  const stacktrace = ['Error: boom', '    at /app/dist/main.js:1:1'];

  it.each([
    ['a coded error without its stack trace', { message: 'Not found', extensions: { code: 'NOT_FOUND', stacktrace } }, { message: 'Not found', extensions: { code: 'NOT_FOUND' } }],
    ['a coded error without server paths', { message: 'cannot read /srv/media/a/b', extensions: { code: 'BAD_USER_INPUT', field: 'file' } }, { message: 'cannot read <server path>/a/b', extensions: { code: 'BAD_USER_INPUT', field: 'file' } }],
    ['an unexpected error as a bare internal error', { message: 'ENOENT /srv/media/x', path: ['playlists'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace } }, { message: 'Internal server error', path: ['playlists'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    ['an error without code as internal', { message: 'oops' }, { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    ['an HTTP status hint (graphql-ws sends extensions as they are)', { message: 'no token', extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } }, { message: 'no token', extensions: { code: 'UNAUTHENTICATED' } }],
  ])('outside development, sends %s', (_name, input, expected) => {
    expect(production(input)).toEqual(expected);
  });

  it.each([
    ['a coded error', { message: 'Not found', extensions: { code: 'NOT_FOUND', stacktrace } }],
    ['an unexpected error', { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace } }],
  ])('in development, keeps the stack trace of %s', (_name, input) => {
    expect(development(input).extensions).toMatchObject({ stacktrace });
  });
});
