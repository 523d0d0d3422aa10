import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema } from 'graphql';
import { gql } from './support/graphql-client';
import { repoRoot, RunningServer, startServer } from './support/server-process';

describe('the committed GraphQL schema', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('matches what the server serves (run `npm run schema` after changing the API)', async () => {
    const { data } = await gql(server.url, getIntrospectionQuery());
    const served = printSchema(lexicographicSortSchema(buildClientSchema(data as never)));
    const committedSdl = readFileSync(join(repoRoot, 'libs/api-schema/schema.graphql'), 'utf8');
    const committed = printSchema(lexicographicSortSchema(buildSchema(committedSdl)));
    expect(committed).toBe(served);
  });

  it('serves an explorer page to browsers at /graphql without any CDN', async () => {
    const res = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/graphiql/i);
    expect(html).not.toMatch(/(src|href)="https?:\/\//);
  });

  it('answers /health with the ffmpeg in use', async () => {
    const body = await (await fetch(`${server.url}/health`)).json();
    expect(body).toMatchObject({ status: 'ok', mediaWritable: true });
    expect(body.ffmpeg).toBeTruthy();
  });
});
