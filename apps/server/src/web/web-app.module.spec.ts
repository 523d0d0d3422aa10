import { Controller, Get, INestApplication, Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';
import { WebAppModule } from './web-app.module';
import { rawGet } from '../testing/raw-get';

const BROWSER =
  'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const INDEX = '<!doctype html><html><body><cmm-root></cmm-root></body></html>';
const MAIN = 'console.log("main");';

/** The server's own routes, which the web app must leave alone. */
@Controller()
class ServerRoutesStandIn {
  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }

  @Get('media/*path')
  media(): string {
    return 'media';
  }
}

async function startApp(
  webDistDir: string,
): Promise<{ app: INestApplication; origin: string }> {
  const config = Object.assign(new AppConfig(), { WEB_DIST_DIR: webDistDir });
  const configModule = {
    module: class ConfigStubModule {},
    global: true,
    providers: [{ provide: AppConfig, useValue: config }],
    exports: [AppConfig],
  };
  const moduleRef = await Test.createTestingModule({
    imports: [configModule, WebAppModule],
    controllers: [ServerRoutesStandIn],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: ['warn'] });
  await app.listen(0, '127.0.0.1');
  return {
    app,
    origin: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`,
  };
}

const rawGetHtml = (
  origin: string,
  path: string,
  headers: Record<string, string> = { Accept: BROWSER },
) => rawGet(origin, path, headers);

describe('WebAppModule over HTTP', () => {
  let base: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'web-app-'));
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  describe('with a built app', () => {
    let app: INestApplication;
    let origin: string;

    beforeAll(async () => {
      const dist = join(base, 'browser');
      await mkdir(join(dist, 'assets'), { recursive: true });
      await writeFile(join(dist, 'index.html'), INDEX);
      await writeFile(join(dist, 'main-DGPNYNWP.js'), MAIN);
      await writeFile(join(dist, 'styles-5INURTSO.css'), 'body{}');
      await writeFile(join(dist, 'favicon.ico'), 'icon');
      await writeFile(join(dist, 'assets/logo.svg'), '<svg/>');
      await writeFile(join(dist, '.env'), 'SECRET=1');
      await writeFile(join(base, 'outside.txt'), 'NOT PART OF THE BUILD');
      ({ app, origin } = await startApp(dist));
    });

    afterAll(async () => {
      await app?.close();
    });

    it.each([
      ['/'],
      ['/playlists'],
      ['/playlists/clip-20261124T055412Z-ab12'],
      ['/upload?from=menu'],
    ])(
      'answers the navigation %s with index.html, revalidated every time',
      async (path) => {
        const res = await fetch(`${origin}${path}`, {
          headers: { Accept: BROWSER },
        });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toMatch(/^text\/html/);
        expect(res.headers.get('cache-control')).toBe('no-cache');
        expect(await res.text()).toBe(INDEX);
      },
    );

    it.each([
      [
        '/main-DGPNYNWP.js',
        /javascript/,
        'public, max-age=31536000, immutable',
        MAIN,
      ],
      [
        '/styles-5INURTSO.css',
        /^text\/css/,
        'public, max-age=31536000, immutable',
        'body{}',
      ],
      ['/favicon.ico', /icon/, 'no-cache', 'icon'],
      ['/assets/logo.svg', /^image\/svg\+xml/, 'no-cache', '<svg/>'],
      ['/index.html', /^text\/html/, 'no-cache', INDEX],
    ])('serves %s from the build', async (path, type, cache, body) => {
      const res = await fetch(`${origin}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(type);
      expect(res.headers.get('cache-control')).toBe(cache);
      expect(await res.text()).toBe(body);
    });

    it('answers a repeat request for a bundle with 304', async () => {
      const etag =
        (await fetch(`${origin}/main-DGPNYNWP.js`)).headers.get('etag') ?? '';
      // fetch adds `Cache-Control: no-cache` to conditional requests, which makes Express skip the 304
      const res = await rawGetHtml(origin, '/main-DGPNYNWP.js', {
        'If-None-Match': etag,
      });
      expect(res.status).toBe(304);
    });

    it.each([
      ['a missing file', '/missing-AAAAAAAA.js', BROWSER],
      ['a client route asked for as JSON', '/playlists', 'application/json'],
      ['a dotfile', '/.env', BROWSER],
    ])('answers %s with 404, not index.html', async (_name, path, accept) => {
      const res = await fetch(`${origin}${path}`, {
        headers: { Accept: accept },
      });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('cmm-root');
    });

    it.each([
      ['/../outside.txt'],
      ['/%2e%2e/outside.txt'],
      ['/assets/..%2f..%2foutside.txt'],
    ])('serves nothing outside the build: %s', async (path) => {
      const res = await rawGetHtml(origin, path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain('NOT PART OF THE BUILD');
    });

    it.each([
      ['/health', '{"status":"ok"}'],
      ['/media/clip/stream/master.m3u8', 'media'],
    ])('leaves %s to the server', async (path, body) => {
      const res = await fetch(`${origin}${path}`, {
        headers: { Accept: BROWSER },
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(body);
    });

    it.each([['/graphql'], ['/graphql/explorer/graphiql.min.js'], ['/media']])(
      'never answers %s with index.html',
      async (path) => {
        const res = await fetch(`${origin}${path}`, {
          headers: { Accept: BROWSER },
        });
        expect(res.status).toBe(404);
        expect(await res.text()).not.toContain('cmm-root');
      },
    );

    it('does not answer POSTs', async () => {
      const res = await fetch(`${origin}/`, {
        method: 'POST',
        headers: { Accept: BROWSER },
      });
      expect(res.status).toBe(404);
    });
  });

  describe('without a build', () => {
    let app: INestApplication;
    let origin: string;
    let warn: jest.SpyInstance;

    beforeAll(async () => {
      warn = jest
        .spyOn(Logger.prototype, 'warn')
        .mockImplementation(() => undefined);
      ({ app, origin } = await startApp(join(base, 'never-built')));
    });

    afterAll(async () => {
      await app?.close();
      warn.mockRestore();
    });

    it('warns once at start-up that the web app is not built', () => {
      const messages = warn.mock.calls.filter(([entry]) =>
        JSON.stringify(entry).includes('web app not built'),
      );
      expect(messages).toHaveLength(1);
    });

    it('says at / where the API is', async () => {
      const res = await fetch(`${origin}/`, { headers: { Accept: BROWSER } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain('href="/graphql"');
    });

    it('serves nothing else', async () => {
      const res = await fetch(`${origin}/playlists`, {
        headers: { Accept: BROWSER },
      });
      expect(res.status).toBe(404);
    });
  });
});
