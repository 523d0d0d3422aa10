import { loadConfig } from './app-config';

const TOKEN_A = 'a'.repeat(32);
const TOKEN_B = 'b1-._~+/'.repeat(3);
const noFiles = (path: string): string => {
  throw Object.assign(new Error(`no ${path}`), { code: 'ENOENT' });
};

/** The message loadConfig refuses `env` with. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env, noFiles);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    expect({ ...loadConfig({}) }).toEqual({
      PORT: 3000,
      HOST: '127.0.0.1',
      MEDIA_DIR: './media',
      MAX_UPLOAD_BYTES: 4 * 1024 ** 3,
      TRANSCODE_CONCURRENCY: 1,
      LOG_LEVEL: 'log',
      WEB_DIST_DIR: 'dist/apps/web/browser',
      API_TOKENS: [],
      ALLOW_ANONYMOUS_WRITES: false,
      CORS_ORIGINS: [],
      GRAPHQL_INTROSPECTION: true,
      GRAPHQL_EXPLORER: true,
      GRAPHQL_MAX_DEPTH: 8,
      GRAPHQL_MAX_ALIASES: 15,
      GRAPHQL_MAX_COST: 100_000,
      MAX_DURATION_SECONDS: 4 * 3600,
      MAX_SOURCE_PIXELS: 7680 * 4320,
      MIN_FREE_BYTES: 256 * 1024 ** 2,
      ROLE: 'all',
      JOB_ATTEMPTS: 3,
      JOB_BACKOFF_MS: 10_000,
      JOB_STALLED_MS: 30_000,
      JOB_RECONCILE_MS: 60_000,
      WEBHOOK_ALLOW_PRIVATE: false,
      WEBHOOK_RETRY_BASE_MS: 30_000,
      WEBHOOK_MAX_ATTEMPTS: 8,
      WEBHOOK_TIMEOUT_MS: 10_000,
      RESUMABLE_UPLOAD_EXPIRY_SECONDS: 24 * 3600,
    });
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['an api without either shared service', { ROLE: 'api' }, /ROLE=api needs REDIS_URL and DATABASE_URL/],
    ['a worker without PostgreSQL', { ROLE: 'worker', REDIS_URL: 'redis://127.0.0.1:6379' }, /ROLE=worker needs DATABASE_URL:/],
    ['an api without Redis', { ROLE: 'api', DATABASE_URL: 'postgres://db/cmm' }, /ROLE=api needs REDIS_URL:/],
    ['an unknown role', { ROLE: 'scheduler' }, /ROLE must be one of all, api, worker/],
    ['a Redis address that is not a URL', { REDIS_URL: 'localhost:6379' }, /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    ['no attempt at all', { JOB_ATTEMPTS: '0' }, /JOB_ATTEMPTS must not be less than 1/],
  ])('refuses %s, naming what is missing', (_name, env, message) => {
    expect(refusal(env)).toMatch(message);
  });

  it('starts an api or a worker given Redis and PostgreSQL, and the embedded default with Redis alone', () => {
    const shared = { REDIS_URL: 'redis://127.0.0.1:6379/2', DATABASE_URL: 'postgresql://cmm@db/cmm' };
    expect(loadConfig({ ROLE: 'api', ...shared })).toMatchObject({ ROLE: 'api', ...shared });
    expect(loadConfig({ ROLE: 'worker', ...shared, JOB_ATTEMPTS: '5', JOB_BACKOFF_MS: '0' })).toMatchObject({ ROLE: 'worker', JOB_ATTEMPTS: 5, JOB_BACKOFF_MS: 0 });
    expect(loadConfig({ REDIS_URL: shared.REDIS_URL })).toMatchObject({ ROLE: 'all', REDIS_URL: shared.REDIS_URL });
  });

  it('reads and converts the variables it knows, ignoring empty ones', () => {
    const config = loadConfig({ PORT: '8080', MEDIA_DIR: '/srv/media', TRANSCODE_CONCURRENCY: '3', FFMPEG_PATH: '/opt/ffmpeg', FFPROBE_PATH: '', LOG_LEVEL: 'debug', NODE_ENV: 'development' });
    expect(config).toMatchObject({ PORT: 8080, MEDIA_DIR: '/srv/media', TRANSCODE_CONCURRENCY: 3, FFMPEG_PATH: '/opt/ffmpeg', LOG_LEVEL: 'debug', NODE_ENV: 'development' });
    expect(config.FFPROBE_PATH).toBeUndefined();
  });

  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    ['tokens separated by commas, spaces trimmed', { API_TOKENS: ` ${TOKEN_A} , ${TOKEN_B} ` }, { API_TOKENS: [TOKEN_A, TOKEN_B] }],
    ['a repeated token once', { API_TOKENS: `${TOKEN_A},${TOKEN_A}` }, { API_TOKENS: [TOKEN_A] }],
    ['booleans as true/false or 1/0', { ALLOW_ANONYMOUS_WRITES: '1', GRAPHQL_INTROSPECTION: 'false', GRAPHQL_EXPLORER: 'FALSE' }, { ALLOW_ANONYMOUS_WRITES: true, GRAPHQL_INTROSPECTION: false, GRAPHQL_EXPLORER: false }],
    ['origins normalized as browsers send them', { CORS_ORIGINS: 'https://App.Example.com:443, http://localhost:4200/' }, { CORS_ORIGINS: ['https://app.example.com', 'http://localhost:4200'] }],
    ['GraphQL limits', { GRAPHQL_MAX_DEPTH: '12', GRAPHQL_MAX_ALIASES: '0', GRAPHQL_MAX_COST: '5000' }, { GRAPHQL_MAX_DEPTH: 12, GRAPHQL_MAX_ALIASES: 0, GRAPHQL_MAX_COST: 5000 }],
    ['a non-loopback HOST with tokens', { HOST: '0.0.0.0', API_TOKENS: TOKEN_A }, { HOST: '0.0.0.0' }],
    ['a non-loopback HOST without tokens when anonymous writes are allowed', { HOST: '0.0.0.0', ALLOW_ANONYMOUS_WRITES: 'true' }, { ALLOW_ANONYMOUS_WRITES: true }],
    ['::1 without tokens', { HOST: '::1' }, { HOST: '::1' }],
    ['a PostgreSQL URL', { DATABASE_URL: 'postgres://cmm:secret@db.internal:5432/cmm' }, { DATABASE_URL: 'postgres://cmm:secret@db.internal:5432/cmm' }],
    ['a postgresql:// URL with options', { DATABASE_URL: 'postgresql://cmm@%2Frun%2Fpostgresql/cmm?sslmode=disable' }, { DATABASE_URL: 'postgresql://cmm@%2Frun%2Fpostgresql/cmm?sslmode=disable' }],
    [
      'webhook settings',
      { WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_TIMEOUT_MS: '2000' },
      { WEBHOOK_ALLOW_PRIVATE: true, WEBHOOK_RETRY_BASE_MS: 200, WEBHOOK_MAX_ATTEMPTS: 3, WEBHOOK_TIMEOUT_MS: 2000 },
    ],
  ])('accepts %s', (_name, env, expected) => {
    expect(loadConfig(env)).toMatchObject(expected);
  });

  it('reads tokens from a file named by API_TOKENS, one a line, skipping blanks and comments', () => {
    const files: Record<string, string> = { '/etc/cmm/tokens': `# operators\n${TOKEN_A}\n\n  ${TOKEN_B}  \r\n` };
    const config = loadConfig({ API_TOKENS: '/etc/cmm/tokens' }, (path) => files[path]);
    expect(config.API_TOKENS).toEqual([TOKEN_A, TOKEN_B]);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer between 0 and 65535'],
    [{ PORT: '70000' }, 'PORT must not be greater than 65535'],
    [{ MAX_UPLOAD_BYTES: '2GB' }, 'MAX_UPLOAD_BYTES must be a positive integer (bytes)'],
    [{ RESUMABLE_UPLOAD_EXPIRY_SECONDS: '1d' }, 'RESUMABLE_UPLOAD_EXPIRY_SECONDS must be a positive integer (seconds)'],
    [{ TRANSCODE_CONCURRENCY: '0' }, 'TRANSCODE_CONCURRENCY must not be less than 1'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL must be one of error, warn, log, debug, verbose'],
    [{ API_TOKENS: 'short' }, 'API_TOKENS: 1 of 1 tokens are not at least 16 characters'],
    [{ API_TOKENS: `${TOKEN_A},has space in it here` }, 'API_TOKENS: 1 of 2 tokens are not'],
    [{ API_TOKENS: ' , ' }, 'API_TOKENS lists no token'],
    [{ API_TOKENS: './missing-tokens' }, 'API_TOKENS names the file ./missing-tokens, which cannot be read (ENOENT)'],
    [{ ALLOW_ANONYMOUS_WRITES: 'yes please' }, 'ALLOW_ANONYMOUS_WRITES must be true or false'],
    [{ GRAPHQL_INTROSPECTION: 'off' }, 'GRAPHQL_INTROSPECTION must be true or false'],
    [{ GRAPHQL_EXPLORER: '2' }, 'GRAPHQL_EXPLORER must be true or false'],
    [{ CORS_ORIGINS: 'https://ok.example,https://bad.example/path' }, 'CORS_ORIGINS must list origins such as https://app.example.com'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS must list origins'],
    [{ GRAPHQL_MAX_DEPTH: '1' }, 'GRAPHQL_MAX_DEPTH must not be less than 2'],
    [{ GRAPHQL_MAX_ALIASES: 'many' }, 'GRAPHQL_MAX_ALIASES must be an integer from 0 to 1000'],
    [{ GRAPHQL_MAX_COST: '0' }, 'GRAPHQL_MAX_COST must not be less than 1'],
    [{ DATABASE_URL: 'mysql://cmm@db/cmm' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ DATABASE_URL: 'db.internal:5432' }, 'DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [{ WEBHOOK_ALLOW_PRIVATE: 'sometimes' }, 'WEBHOOK_ALLOW_PRIVATE must be true or false'],
    [{ WEBHOOK_RETRY_BASE_MS: '1s' }, 'WEBHOOK_RETRY_BASE_MS must be a positive integer (milliseconds)'],
    [{ WEBHOOK_MAX_ATTEMPTS: '0' }, 'WEBHOOK_MAX_ATTEMPTS must not be less than 1'],
    [{ WEBHOOK_TIMEOUT_MS: '120000' }, 'WEBHOOK_TIMEOUT_MS must not be greater than 60000'],
    [{ HOST: '0.0.0.0' }, 'HOST=0.0.0.0 lets other machines reach the server, and without API_TOKENS anyone could upload and delete'],
    [{ HOST: '192.168.1.20', ALLOW_ANONYMOUS_WRITES: 'false' }, 'or set ALLOW_ANONYMOUS_WRITES=true'],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(refusal(env)).toContain(message);
  });

  it('never quotes a token in its messages', () => {
    expect(refusal({ API_TOKENS: `${TOKEN_A},tooshort-secret` })).not.toContain('tooshort-secret');
  });

  it('never quotes a database URL (it may hold a password) in its messages', () => {
    expect(refusal({ DATABASE_URL: 'mysql://cmm:hunter2@db/cmm' })).not.toContain('hunter2');
  });

  it('does not take unreadable tokens for no tokens', () => {
    const message = refusal({ HOST: '0.0.0.0', API_TOKENS: '/nope' });
    expect(message).toContain('API_TOKENS names the file /nope');
    expect(message).not.toContain('HOST=');
  });

  it('lists every bad value at once', () => {
    expect(refusal({ PORT: 'x', LOG_LEVEL: 'y', HOST: '10.0.0.1' })).toMatch(/PORT[\s\S]*LOG_LEVEL[\s\S]*HOST=10.0.0.1/);
  });
});
