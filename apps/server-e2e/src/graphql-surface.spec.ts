import { AuthDocument, PlaylistDocument, PlaylistsDocument, UploadLimitsDocument } from '@cmm/api-schema';
import { print } from 'graphql';
import { gql, gqlResponse } from './support/graphql-client';
import { RunningServer, startServer } from './support/server-process';

/** A valid query nested as deep as asked: introspection's type chain has no bottom. */
function deepTypeQuery(levels: number): string {
  return `{ __type(name: "Playlist") { fields { type { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } } } }`;
}

const COSTLY = '{ playlists(first: 100) { edges { node { variants { segments(first: 1000) { index start duration } } } } } }';

describe('the GraphQL surface: limits, batching, errors', () => {
  let server: RunningServer;

  beforeAll(async () => {
    // Apollo would send stack traces for any NODE_ENV but production and test: the server must not.
    server = await startServer({ NODE_ENV: '' });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it.each([
    ['Playlists (the history sidebar, first page)', print(PlaylistsDocument), { first: 20, after: null }],
    ['Playlists (the largest page)', print(PlaylistsDocument), { first: 100, after: null }],
    ['Playlist (the player, every variant and segment)', print(PlaylistDocument), { id: 'none' }],
    ['UploadLimits (the upload form)', print(UploadLimitsDocument), {}],
    ['Auth (the sign-in check)', print(AuthDocument), {}],
  ])('runs the web app’s own %s within the default limits', async (_name, query, variables) => {
    const { errors } = await gql(server.url, query, variables);
    expect(errors).toBeUndefined();
  });

  it('refuses a query deeper than GRAPHQL_MAX_DEPTH (8), saying so', async () => {
    expect((await gql(server.url, deepTypeQuery(3))).errors).toBeUndefined();
    const { errors } = await gql(server.url, deepTypeQuery(5));
    expect(errors?.[0].message).toMatch(/Query depth limit of 8 exceeded, found 9/);
  });

  it('refuses more aliases than GRAPHQL_MAX_ALIASES (15), saying so', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: uploadLimits { maxUploadBytes }`).join(' ')} }`;
    expect((await gql(server.url, aliases(15))).errors).toBeUndefined();
    const { errors } = await gql(server.url, aliases(16));
    expect(errors?.[0].message).toMatch(/Aliases limit of 15 exceeded, found 16/);
  });

  it('refuses a query whose lists could cost more than GRAPHQL_MAX_COST, before running it', async () => {
    const { status, body } = await gqlResponse(server.url, COSTLY);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^Query cost \d+ exceeds the limit of 100000/), extensions: { code: 'QUERY_TOO_COSTLY' } });
    expect(body.data).toBeUndefined();
  });

  it('refuses a batch of operations in one request', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ auth { tokenRequired } }' }, { query: '{ auth { canWrite } }' }]),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [expect.objectContaining({ message: 'Operation batching disabled.' })] });
  });

  it.each([
    ['an answer', '{ auth { canWrite } }'],
    ['an error', '{ nope }'],
  ])('marks %s as not to be stored', async (_name, query) => {
    expect((await gqlResponse(server.url, query)).headers.get('cache-control')).toBe('no-store');
  });

  it.each([
    ['a domain error', `mutation { deletePlaylist(id: "none") }`, 'NOT_FOUND'],
    ['a validation error', '{ nope }', 'GRAPHQL_VALIDATION_FAILED'],
    // graphql-armor's token limit parses first, so a syntax error is reported as a validation failure
    ['a syntax error', '{ playlists {', 'GRAPHQL_VALIDATION_FAILED'],
  ])('sends %s without a stack trace', async (_name, query, code) => {
    const { errors } = await gql(server.url, query);
    expect(errors?.[0].extensions?.code).toBe(code);
    expect(errors?.[0].extensions).not.toHaveProperty('stacktrace');
  });
});

describe('the GraphQL surface: switches', () => {
  const servers: RunningServer[] = [];
  const start = async (env: Record<string, string>) => {
    const server = await startServer(env);
    servers.push(server);
    return server;
  };

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('sends stack traces with NODE_ENV=development only', async () => {
    const server = await start({ NODE_ENV: 'development' });
    const { errors } = await gql(server.url, `mutation { deletePlaylist(id: "none") }`);
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(errors?.[0].extensions?.['stacktrace']).toEqual(expect.arrayContaining([expect.stringMatching(/No playlist with id/), expect.stringMatching(/^\s+at /)]));
  });

  it('refuses introspection with GRAPHQL_INTROSPECTION=false, still answering queries and serving the explorer', async () => {
    const server = await start({ GRAPHQL_INTROSPECTION: 'false' });
    for (const query of ['{ __schema { queryType { name } } }', '{ __type(name: "Playlist") { name } }']) {
      const { errors } = await gql(server.url, query);
      expect(errors?.[0]).toMatchObject({ message: expect.stringMatching(/introspection/i), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    }
    expect((await gql(server.url, '{ playlists { totalCount } }')).data).toEqual({ playlists: { totalCount: 0 } });
    expect(await (await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } })).text()).toMatch(/graphiql/i);
  });

  it('serves no explorer with GRAPHQL_EXPLORER=false, still answering introspection', async () => {
    const server = await start({ GRAPHQL_EXPLORER: 'false' });
    const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    const asset = await fetch(`${server.url}/graphql/explorer/graphiql.min.js`);
    expect(asset.ok).toBe(false);
    expect(await asset.text()).not.toMatch(/graphiql/i);
    expect((await gql(server.url, '{ __schema { queryType { name } } }')).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});
