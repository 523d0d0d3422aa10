import { isOriginAllowed, normalizeOrigin } from './origin-rule';

describe('isOriginAllowed', () => {
  const listed = ['https://app.example.com', 'http://localhost:4200'];

  it.each<[string, string | undefined, string | undefined, boolean]>([
    ['no Origin (a non-browser client)', undefined, 'api.example.com', true],
    ['the server’s own origin', 'http://127.0.0.1:3000', '127.0.0.1:3000', true],
    ['its own origin behind a TLS proxy', 'https://video.example.com', 'video.example.com', true],
    ['its own origin, host in capitals', 'http://localhost:3000', 'LOCALHOST:3000', true],
    ['a listed origin', 'https://app.example.com', 'api.example.com', true],
    ['a listed origin with the default port spelled out', 'https://app.example.com:443', 'api.example.com', true],
    ['another port of the same host', 'http://127.0.0.1:8080', '127.0.0.1:3000', false],
    ['an unlisted origin', 'https://evil.example', 'api.example.com', false],
    ['a listed origin with another scheme', 'http://app.example.com', 'api.example.com', false],
    ['a sandboxed page (Origin: null)', 'null', 'api.example.com', false],
    ['garbage', 'not a url', 'api.example.com', false],
    ['no Host to compare with', 'http://127.0.0.1:3000', undefined, false],
  ])('%s → %s', (_name, origin, host, expected) => {
    expect(isOriginAllowed(origin, host, listed)).toBe(expected);
  });
});

describe('normalizeOrigin', () => {
  it.each<[string, string | null]>([
    ['https://App.Example.com', 'https://app.example.com'],
    ['https://app.example.com:443', 'https://app.example.com'],
    ['http://localhost:4200/', 'http://localhost:4200'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['https://app.example.com/path', null],
    ['https://app.example.com?x=1', null],
    ['https://user:pw@app.example.com', null],
    ['ftp://files.example.com', null],
    ['*', null],
    ['null', null],
  ])('%s → %s', (value, expected) => {
    expect(normalizeOrigin(value)).toBe(expected);
  });
});
