import { AccessPolicy } from './access-policy';

const TOKEN = 't'.repeat(24);
const settings = { HOST: '127.0.0.1', ALLOW_ANONYMOUS_WRITES: false, CORS_ORIGINS: ['https://app.example.com'] };
const withTokens = new AccessPolicy({ ...settings, API_TOKENS: [TOKEN] });
const anonymous = new AccessPolicy({ ...settings, API_TOKENS: [] });

describe('AccessPolicy', () => {
  it.each<[string, AccessPolicy, unknown, boolean]>([
    ['tokens: the right bearer token', withTokens, `Bearer ${TOKEN}`, true],
    ['tokens: a wrong token', withTokens, `Bearer ${'x'.repeat(24)}`, false],
    ['tokens: the token without the Bearer scheme', withTokens, TOKEN, false],
    ['tokens: no header', withTokens, undefined, false],
    ['tokens: a non-string connection param', withTokens, { token: TOKEN }, false],
    ['anonymous: no header', anonymous, undefined, true],
    ['anonymous: any header', anonymous, 'Bearer whatever', true],
  ])('%s → may write: %s', (_name, policy, authorization, expected) => {
    expect(policy.mayWrite(authorization)).toBe(expected);
  });

  it.each([
    ['missing', undefined, /accepts writes only with an API token/],
    ['wrong', 'Bearer nope', /API token was not accepted/],
  ])('refuses a %s token as UNAUTHENTICATED, with HTTP 401', (_name, authorization, message) => {
    const error = withTokens.refusal(authorization);
    expect(error.message).toMatch(message);
    expect(error.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  });

  it('names its mode', () => {
    expect([withTokens.mode, anonymous.mode, new AccessPolicy({ ...settings, HOST: '0.0.0.0', ALLOW_ANONYMOUS_WRITES: true, API_TOKENS: [] }).mode]).toEqual([
      'tokens',
      'anonymous-local',
      'anonymous-open',
    ]);
  });

  it('allows the same origin and listed origins', () => {
    expect(withTokens.originAllowed('https://app.example.com', 'api.example.com')).toBe(true);
    expect(withTokens.originAllowed('https://evil.example', 'api.example.com')).toBe(false);
  });
});
