import { bearerToken, matchesAnyToken, namesTokenFile, parseApiTokens, tokenDigests } from './api-tokens';

const A = 'a'.repeat(32);
const B = 'B0-._~+/'.repeat(2) + '==';

describe('parseApiTokens', () => {
  const files: Record<string, string> = {
    '/run/tokens': `${A}\n# a comment\n\n${B}\n`,
    './empty': '# nobody yet\n\n',
  };
  const read = (path: string): string => {
    if (path in files) return files[path];
    throw Object.assign(new Error('missing'), { code: 'ENOENT' });
  };

  it.each<[string, string, string[]]>([
    ['one token', A, [A]],
    ['a comma-separated list', `${A},${B}`, [A, B]],
    ['spaces and empty entries', ` ${A} ,, ${B} ,`, [A, B]],
    ['a file, one per line', '/run/tokens', [A, B]],
    ['duplicates once', `${A},${A}`, [A]],
  ])('reads %s', (_name, value, tokens) => {
    expect(parseApiTokens(value, read)).toEqual({ tokens });
  });

  it.each<[string, string, string]>([
    ['a short token', 'abc', 'not at least 16 characters'],
    ['a token with a space', 'abcdefgh ijklmnopq', 'not at least 16 characters of letters, digits'],
    ['a quoted token', `"${A}"`, '1 of 1 tokens'],
    ['only separators', ',,', 'lists no token'],
    ['a file with no token', './empty', 'lists no token'],
    ['a missing file', '/run/none', 'names the file /run/none, which cannot be read (ENOENT)'],
  ])('refuses %s', (_name, value, message) => {
    expect(parseApiTokens(value, read).error).toContain(message);
  });
});

describe('namesTokenFile', () => {
  it.each([
    ['/etc/cmm/tokens', true],
    ['./tokens.txt', true],
    ['../secrets/tokens', true],
    [A, false],
    [`${A},${B}`, false],
  ])('%s → %s', (value, expected) => {
    expect(namesTokenFile(value)).toBe(expected);
  });
});

describe('bearerToken', () => {
  it.each<[string | undefined, string | null]>([
    [`Bearer ${A}`, A],
    [`bearer ${A}`, A],
    [`BEARER  ${A} `, A],
    [A, null],
    [`Basic ${A}`, null],
    ['Bearer', null],
    ['Bearer ', null],
    [`Bearer ${A} extra`, null],
    [undefined, null],
  ])('%j → %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});

describe('matchesAnyToken', () => {
  const tokens = tokenDigests([A, B]);

  it.each<[string, string | null, boolean]>([
    ['the first token', A, true],
    ['the second token', B, true],
    ['a prefix of a token', A.slice(0, -1), false],
    ['a token with one more character', `${A}a`, false],
    ['another string', 'x'.repeat(32), false],
    ['an empty string', '', false],
    ['no token', null, false],
  ])('%s → %s', (_name, candidate, expected) => {
    expect(matchesAnyToken(candidate, tokens)).toBe(expected);
  });

  it('matches nothing when no token is configured', () => {
    expect(matchesAnyToken('', [])).toBe(false);
  });
});
