import { WebRoute, webRouteFor } from './web-route';

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('webRouteFor', () => {
  it.each<[string, string, string | undefined, WebRoute]>([
    ['GET', '/', BROWSER, 'index'],
    ['GET', '/', undefined, 'index'],
    ['HEAD', '/', BROWSER, 'index'],
    ['GET', '/playlists', BROWSER, 'index'],
    ['GET', '/playlists/clip-20261124T055412Z-ab12', BROWSER, 'index'],
    ['GET', '/upload', 'text/html', 'index'],
    // client routes only for navigations
    ['GET', '/playlists', 'application/json', 'pass'],
    ['GET', '/playlists', '*/*', 'pass'],
    ['GET', '/playlists', undefined, 'pass'],
    // files from the build
    ['GET', '/main-DGPNYNWP.js', '*/*', 'file'],
    ['GET', '/styles-5INURTSO.css', 'text/css,*/*;q=0.1', 'file'],
    ['GET', '/favicon.ico', BROWSER, 'file'],
    ['GET', '/assets/logo.svg', BROWSER, 'file'],
    ['GET', '/missing.js', BROWSER, 'file'],
    // the server's own paths
    ['GET', '/graphql', BROWSER, 'pass'],
    ['GET', '/graphql/explorer/graphiql.min.js', '*/*', 'pass'],
    ['GET', '/media/clip/stream/master.m3u8', BROWSER, 'pass'],
    ['GET', '/media', BROWSER, 'pass'],
    ['GET', '/health', BROWSER, 'pass'],
    ['GET', '/mediathek', BROWSER, 'index'],
    // only reads
    ['POST', '/', BROWSER, 'pass'],
    ['POST', '/playlists', BROWSER, 'pass'],
    ['OPTIONS', '/main-DGPNYNWP.js', '*/*', 'pass'],
  ])('%s %s (Accept %s) → %s', (method, path, accept, route) => {
    expect(webRouteFor({ method, path, accept })).toBe(route);
  });
});
