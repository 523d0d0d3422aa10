import { Injectable, INestApplication, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import type { Request, Response } from 'express';
import type { AddressInfo } from 'node:net';
import { ExplorerModule } from './explorer.module';

/**
 * Stands in for Apollo: ApolloDriver mounts its Express middleware on `/graphql` with
 * `app.use` from GraphQLModule's onModuleInit, and this does the same, so the test pins
 * down the ordering the explorer relies on without starting a GraphQL server.
 */
@Injectable()
class GraphQLEndpointStandIn implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter.use('/graphql', (req: Request, res: Response) => {
      res.status(200).json({ handledBy: 'graphql', method: req.method, url: req.originalUrl });
    });
  }
}

@Module({ providers: [GraphQLEndpointStandIn] })
class GraphQLEndpointStandInModule {}

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Same-origin URLs the page loads, from its `src` and `href` attributes. */
function referencedUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
}

describe('ExplorerModule over HTTP, in front of the GraphQL endpoint', () => {
  let app: INestApplication;
  let origin: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      // Imported after the endpoint, as ExplorerModule is after GraphQLModule in AppModule.
      imports: [GraphQLEndpointStandInModule, ExplorerModule],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await app?.close();
  });

  it('answers a browser opening /graphql with the GraphiQL page', async () => {
    const res = await fetch(`${origin}/graphql`, { headers: { Accept: BROWSER } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('vary')).toContain('Accept');
    const html = await res.text();
    expect(html).toContain('GraphiQL.createFetcher');
    expect(html).toContain('graphqlWs.createClient');
  });

  it('loads nothing from outside the server', async () => {
    const html = await (await fetch(`${origin}/graphql`, { headers: { Accept: BROWSER } })).text();
    const urls = referencedUrls(html);
    expect(urls).toHaveLength(5);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const url of urls) expect(url).toMatch(/^\/graphql\/explorer\/[\w.-]+$/);
  });

  it('serves every asset the page references, as JavaScript or CSS', async () => {
    const html = await (await fetch(`${origin}/graphql`, { headers: { Accept: BROWSER } })).text();
    for (const url of referencedUrls(html)) {
      const res = await fetch(`${origin}${url}`);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect(res.headers.get('content-type')).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it.each([['/graphql/explorer/package.json'], ['/graphql/explorer/..%2f..%2fpackage.json'], ['/graphql/explorer/graphiql.min.js.map']])(
    'serves nothing but the listed assets: %s',
    async (path) => {
      const res = await fetch(`${origin}${path}`);
      expect(res.status).toBe(404);
    },
  );

  it.each<[string, string, RequestInit]>([
    ['a JSON GET without a query', '/graphql', { headers: { Accept: 'application/json' } }],
    ['a GET with no Accept', '/graphql', {}],
    ['a browser GET with a query', `/graphql?query=${encodeURIComponent('{ hello }')}`, { headers: { Accept: BROWSER } }],
    ['a browser POST', '/graphql', { method: 'POST', headers: { Accept: BROWSER, 'Content-Type': 'application/json' }, body: '{"query":"{ hello }"}' }],
  ])('passes %s on to GraphQL', async (_name, path, init) => {
    const res = await fetch(`${origin}${path}`, init);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(expect.objectContaining({ handledBy: 'graphql', url: path }));
  });
});
