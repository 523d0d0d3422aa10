import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 6750's b64token: what may follow `Bearer ` in an Authorization header. */
const TOKEN_SYNTAX = /^[A-Za-z0-9\-._~+/]+=*$/;
export const MIN_TOKEN_LENGTH = 16;

export type TokenList = { tokens: string[]; error?: undefined } | { tokens?: undefined; error: string };

/** A value starting with `/` or `.` names a file; anything else is the list itself. */
export function namesTokenFile(value: string): boolean {
  return value.startsWith('/') || value.startsWith('.');
}

/**
 * The tokens `API_TOKENS` configures: comma-separated, or a file with one per line (blank lines
 * and `#` comments ignored). Error messages never quote a token: they end up in logs.
 */
export function parseApiTokens(value: string, readTextFile: (path: string) => string): TokenList {
  let entries: string[];
  if (namesTokenFile(value)) {
    let text: string;
    try {
      text = readTextFile(value);
    } catch (error) {
      return { error: `API_TOKENS names the file ${value}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` };
    }
    entries = text.split(/\r?\n/).filter((line) => !line.trim().startsWith('#'));
  } else {
    entries = value.split(',');
  }
  const tokens = entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
  if (tokens.length === 0) return { error: 'API_TOKENS lists no token' };
  const bad = tokens.filter((token) => token.length < MIN_TOKEN_LENGTH || !TOKEN_SYNTAX.test(token)).length;
  if (bad > 0) {
    return {
      error: `API_TOKENS: ${bad} of ${tokens.length} tokens are not at least ${MIN_TOKEN_LENGTH} characters of letters, digits and -._~+/ (generate one with \`openssl rand -hex 32\`)`,
    };
  }
  return { tokens: [...new Set(tokens)] };
}

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), or null. */
export function bearerToken(header: string | undefined | null): string | null {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? '');
  return match ? match[1] : null;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether `candidate` is one of `tokens`, in time that depends on neither: both sides are hashed
 * to equal-length digests, compared with timingSafeEqual, and every token is compared.
 */
export function matchesAnyToken(candidate: string | null, tokens: readonly Buffer[]): boolean {
  const presented = digest(candidate ?? '');
  let matched = false;
  for (const token of tokens) matched = timingSafeEqual(presented, token) || matched;
  return candidate !== null && matched;
}

/** The configured tokens in the form matchesAnyToken compares. */
export function tokenDigests(tokens: readonly string[]): Buffer[] {
  return tokens.map(digest);
}
