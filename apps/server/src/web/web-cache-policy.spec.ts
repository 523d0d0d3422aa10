import { webCacheControl } from './web-cache-policy';

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('webCacheControl', () => {
  it.each([
    ['/main-DGPNYNWP.js', IMMUTABLE],
    ['/polyfills-FFHMD2TL.js', IMMUTABLE],
    ['/chunk-2QZ7R3VB.js', IMMUTABLE],
    ['/styles-5INURTSO.css', IMMUTABLE],
    ['/index.html', 'no-cache'],
    ['/favicon.ico', 'no-cache'],
    ['/main.js', 'no-cache'],
    ['/styles.css', 'no-cache'],
    ['/my-app.js', 'no-cache'],
    ['/main-DGPNYNWP.js.map', 'no-cache'],
  ])('caches %s with %j', (path, policy) => {
    expect(webCacheControl(path)).toBe(policy);
  });
});
