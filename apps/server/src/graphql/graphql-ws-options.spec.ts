import { ExecutionResult, GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { AccessPolicy } from '../access/access-policy';
import { createErrorFormatter } from '../errors/graphql-error.formatter';
import { armorProtection, graphqlLimits } from '../graphql-limits/graphql-limits';
import { graphqlWsOptions } from './graphql-ws-options';

const TOKEN = 't'.repeat(24);
const Node: GraphQLObjectType = new GraphQLObjectType({ name: 'Node', fields: () => ({ name: { type: GraphQLString }, next: { type: Node } }) });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { node: { type: Node } } }),
  subscription: new GraphQLObjectType({ name: 'Subscription', fields: { ticks: { type: Node } } }),
});
const limits = graphqlLimits({ GRAPHQL_MAX_DEPTH: 3, GRAPHQL_MAX_ALIASES: 2, GRAPHQL_MAX_COST: 5 });

function hooks(options: { tokens?: string[]; introspection?: boolean } = {}) {
  const access = new AccessPolicy({ HOST: '127.0.0.1', ALLOW_ANONYMOUS_WRITES: false, CORS_ORIGINS: ['https://app.example.com'], API_TOKENS: options.tokens ?? [TOKEN] });
  const wsOptions = graphqlWsOptions({
    access,
    limits,
    limitRules: armorProtection(limits).validationRules,
    introspection: options.introspection ?? true,
    schema: () => schema,
    formatError: createErrorFormatter({ exposeStacktrace: false, hiddenRoots: ['/srv/media'] }),
    isProd: true,
  });
  type Hook = (...args: unknown[]) => unknown;
  return {
    connect: (headers: Record<string, string>) => (wsOptions.onConnect as Hook)({ extra: { request: { headers } } }),
    subscribe: (query: string, connectionParams: Record<string, unknown> | null = { authorization: `Bearer ${TOKEN}` }) =>
      (wsOptions.onSubscribe as Hook)({ connectionParams, extra: {} }, '1', { query } satisfies SubscribePayload),
    next: (result: ExecutionResult) => (wsOptions.onNext as Hook)({}, '1', { query: '' }, {}, result),
    error: (errors: GraphQLError[]) => (wsOptions.onError as Hook)({}, '1', { query: '' }, errors),
    timeout: wsOptions.connectionInitWaitTimeout,
  };
}

const messagesOf = (result: unknown): string[] => (Array.isArray(result) ? result.map((e: GraphQLError) => e.message) : []);

describe('graphqlWsOptions', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['a client without Origin', { host: '127.0.0.1:3000' }, true],
    ['a page from the same origin', { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }, true],
    ['a page from a listed origin', { origin: 'https://app.example.com', host: '127.0.0.1:3000' }, true],
    ['a page from another origin', { origin: 'https://evil.example', host: '127.0.0.1:3000' }, false],
  ])('at connection_init, admits %s: %s', (_name, headers, expected) => {
    expect(hooks().connect(headers)).toBe(expected);
  });

  it('closes a socket that sends no connection_init within a few seconds', () => {
    expect(hooks().timeout).toBeGreaterThan(0);
    expect(hooks().timeout).toBeLessThanOrEqual(5_000);
  });

  it.each<[string, Record<string, unknown> | null, RegExp]>([
    ['no connection params', null, /only with an API token/],
    ['no token', {}, /only with an API token/],
    ['a wrong token', { authorization: 'Bearer wrong' }, /not accepted/],
  ])('refuses an operation with %s as UNAUTHENTICATED', (_name, params, message) => {
    const result = hooks().subscribe('subscription { ticks { name } }', params);
    expect(messagesOf(result)).toEqual([expect.stringMatching(message)]);
    expect((result as GraphQLError[])[0].extensions['code']).toBe('UNAUTHENTICATED');
  });

  it('runs an operation with the token, as the schema’s document', () => {
    expect(hooks().subscribe('subscription { ticks { name } }')).toMatchObject({ schema, document: { kind: 'Document' } });
  });

  it('runs an operation without a token when none is configured', () => {
    expect(hooks({ tokens: [] }).subscribe('subscription { ticks { name } }', null)).toMatchObject({ schema });
  });

  it.each([
    ['too deep', 'subscription { ticks { next { next { next { name } } } } }', /depth limit of 3 exceeded/],
    ['too many aliases', '{ a: node { name } b: node { name } c: node { name } }', /Aliases limit of 2 exceeded/],
    ['too costly', '{ node { name next { name } } n2: node { name } }', /Query cost 6 exceeds the limit of 5/],
    ['not valid', 'subscription { nope }', /Cannot query field "nope"/],
    ['not parseable', 'subscription {', /Syntax Error/],
    ['too long', `{ node { ${'name '.repeat(2001)} } }`, /contains more th\w+ 2000 tokens/],
  ])('refuses a document that is %s, with the HTTP rules', (_name, query, message) => {
    expect(messagesOf(hooks().subscribe(query)).join(' ')).toMatch(message);
  });

  it('refuses introspection when it is off', () => {
    expect(messagesOf(hooks({ introspection: false }).subscribe('{ __schema { types { name } } }')).join(' ')).toMatch(/introspection/i);
  });

  it('formats errors in results and refusals as over HTTP', () => {
    const internal = new GraphQLError('ENOENT /srv/media/x/manifest.json', { extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } });
    expect(hooks().next({ data: null, errors: [internal] })).toEqual({ data: null, errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(hooks().error([new GraphQLError('No playlist at /srv/media/x', { extensions: { code: 'NOT_FOUND' } })])).toEqual([
      { message: 'No playlist at <server path>/x', extensions: { code: 'NOT_FOUND' } },
    ]);
  });

  it('leaves results without errors as they are', () => {
    expect(hooks().next({ data: { ticks: { name: 'a' } } })).toBeUndefined();
  });
});
