import { AccessPolicy } from './access-policy';
import { CREATE_WITH_MUTATION, tusRefusal } from './tus-guard';

const TOKEN = 't'.repeat(24);
const base = { HOST: '127.0.0.1', ALLOW_ANONYMOUS_WRITES: false, CORS_ORIGINS: ['https://app.example.com'] };
const withTokens = new AccessPolicy({ ...base, API_TOKENS: [TOKEN] });
const anonymous = new AccessPolicy({ ...base, API_TOKENS: [] });
const ID = 'clip-20261201T001500Z-a1b2c3';
const bearer = { authorization: `Bearer ${TOKEN}`, host: 'media.example.com' };

describe('tusRefusal', () => {
  it.each<[string, AccessPolicy, string, string, Record<string, string>]>([
    ['a PATCH with the token', withTokens, 'PATCH', `/uploads/tus/${ID}`, bearer],
    ['a HEAD with the token', withTokens, 'HEAD', `/uploads/tus/${ID}`, bearer],
    ['a DELETE with the token', withTokens, 'DELETE', `/uploads/tus/${ID}`, bearer],
    ['a PATCH from a listed origin', withTokens, 'PATCH', `/uploads/tus/${ID}`, { ...bearer, origin: 'https://app.example.com' }],
    ['a PATCH from the server’s own page', withTokens, 'PATCH', `/uploads/tus/${ID}`, { ...bearer, origin: 'https://media.example.com' }],
    ['a PATCH without a token when none is required', anonymous, 'PATCH', `/uploads/tus/${ID}?x=1`, {}],
    ['a CORS preflight, which carries no token', withTokens, 'OPTIONS', `/uploads/tus/${ID}`, { origin: 'https://app.example.com' }],
  ])('lets through %s', (_name, policy, method, url, headers) => {
    expect(tusRefusal({ method, url, headers }, policy)).toBeNull();
  });

  it.each<[string, AccessPolicy, string, string, Record<string, string>, number, string]>([
    ['a PATCH without a token', withTokens, 'PATCH', `/uploads/tus/${ID}`, {}, 401, 'This server accepts writes only with an API token'],
    ['a HEAD with a wrong token', withTokens, 'HEAD', `/uploads/tus/${ID}`, { authorization: 'Bearer nope' }, 401, 'The API token was not accepted'],
    ['a PATCH from another site', withTokens, 'PATCH', `/uploads/tus/${ID}`, { ...bearer, origin: 'https://evil.example' }, 403, 'not accepted from this page’s origin'],
    ['a POST creating an upload', withTokens, 'POST', '/uploads/tus/', bearer, 403, CREATE_WITH_MUTATION],
    ['a POST creating an upload when no token is required', anonymous, 'POST', '/uploads/tus', {}, 403, CREATE_WITH_MUTATION],
    ['a GET (downloads are not served)', withTokens, 'GET', `/uploads/tus/${ID}`, bearer, 405, 'GET is not a tus request'],
    ['an id with a path in it', withTokens, 'PATCH', `/uploads/tus/..%2F${ID}`, bearer, 404, 'No such upload'],
    ['a nested path', withTokens, 'HEAD', `/uploads/tus/a/${ID}`, bearer, 404, 'No such upload'],
    ['no id', withTokens, 'HEAD', '/uploads/tus/', bearer, 404, 'No such upload'],
  ])('refuses %s', (_name, policy, method, url, headers, status, message) => {
    const refusal = tusRefusal({ method, url, headers }, policy);
    expect(refusal?.status).toBe(status);
    expect(refusal?.message).toContain(message);
  });

  it('asks for a bearer token when it refuses one', () => {
    expect(tusRefusal({ method: 'PATCH', url: `/uploads/tus/${ID}`, headers: {} }, withTokens)?.headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
  });
});
