import { accessMode, isLoopbackHost } from './access-mode';

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.10.0.3', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['app.localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.20', false],
    ['10.0.0.1', false],
    ['example.com', false],
    ['localhost.example.com', false],
    ['128.0.0.1', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('accessMode', () => {
  it.each([
    ['tokens on any host', { host: '0.0.0.0', tokenCount: 2, allowAnonymousWrites: false }, 'tokens'],
    ['tokens on loopback', { host: '127.0.0.1', tokenCount: 1, allowAnonymousWrites: true }, 'tokens'],
    ['no tokens on loopback', { host: '127.0.0.1', tokenCount: 0, allowAnonymousWrites: false }, 'anonymous-local'],
    ['no tokens elsewhere, allowed', { host: '0.0.0.0', tokenCount: 0, allowAnonymousWrites: true }, 'anonymous-open'],
  ])('%s → %s', (_name, settings, mode) => {
    expect(accessMode(settings)).toEqual({ mode });
  });

  it('refuses a non-loopback host without tokens, saying how to fix it', () => {
    const decision = accessMode({ host: '0.0.0.0', tokenCount: 0, allowAnonymousWrites: false });
    expect(decision).toEqual({ refusal: expect.stringMatching(/HOST=0\.0\.0\.0[\s\S]*API_TOKENS[\s\S]*127\.0\.0\.1[\s\S]*ALLOW_ANONYMOUS_WRITES=true/) });
  });
});
