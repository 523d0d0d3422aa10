import type { Request, Response } from 'express';
import { AccessPolicy } from './access-policy';
import { uploadGuard } from './upload-guard';

const TOKEN = 't'.repeat(24);
const base = { HOST: '127.0.0.1', ALLOW_ANONYMOUS_WRITES: false, CORS_ORIGINS: [] };
const MULTIPART = 'multipart/form-data; boundary=x';

/** Runs the guard on a request with `headers`: whether it passed it on, or what it answered. */
function run(policy: AccessPolicy, headers: Record<string, string>) {
  let passed = false;
  const answer: { status?: number; body?: { errors: { message: string; extensions: { code: string } }[] }; headers: Record<string, string> } = { headers: {} };
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    setHeader(name: string, value: string) {
      answer.headers[name] = value;
      return res;
    },
    json(body: typeof answer.body) {
      answer.body = body;
      return res;
    },
  };
  uploadGuard(policy)({ headers } as Request, res as unknown as Response, () => (passed = true));
  return { passed, ...answer };
}

describe('uploadGuard', () => {
  const withTokens = new AccessPolicy({ ...base, API_TOKENS: [TOKEN] });
  const anonymous = new AccessPolicy({ ...base, API_TOKENS: [] });

  it.each<[string, AccessPolicy, Record<string, string>]>([
    ['a JSON request (Apollo checks its token per operation)', withTokens, { 'content-type': 'application/json' }],
    ['an upload with the CSRF header and the token', withTokens, { 'content-type': MULTIPART, 'apollo-require-preflight': 'true', authorization: `Bearer ${TOKEN}` }],
    ['an upload with the CSRF header when no token is required', anonymous, { 'content-type': MULTIPART, 'x-apollo-operation-name': 'UploadVideo' }],
  ])('passes on %s', (_name, policy, headers) => {
    expect(run(policy, headers)).toEqual({ passed: true, headers: {} });
  });

  it.each<[string, AccessPolicy, Record<string, string>, number, string]>([
    ['an upload without the CSRF header', anonymous, { 'content-type': MULTIPART }, 400, 'BAD_REQUEST'],
    ['an upload without the CSRF header, even with the token', withTokens, { 'content-type': MULTIPART, authorization: `Bearer ${TOKEN}` }, 400, 'BAD_REQUEST'],
    ['an upload without a token', withTokens, { 'content-type': MULTIPART, 'apollo-require-preflight': 'true' }, 401, 'UNAUTHENTICATED'],
    ['an upload with a wrong token', withTokens, { 'content-type': MULTIPART, 'apollo-require-preflight': 'true', authorization: 'Bearer wrong' }, 401, 'UNAUTHENTICATED'],
  ])('answers %s itself, before the body is read', (_name, policy, headers, status, code) => {
    const answer = run(policy, headers);
    expect(answer).toMatchObject({ passed: false, status });
    expect(answer.body?.errors[0].extensions.code).toBe(code);
  });

  it('asks for a bearer token when refusing one', () => {
    expect(run(withTokens, { 'content-type': MULTIPART, 'apollo-require-preflight': 'true' }).headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
  });
});
