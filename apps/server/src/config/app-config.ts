import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { accessMode } from '../access/access-mode';
import { parseApiTokens } from '../access/api-tokens';
import { normalizeOrigin } from '../access/origin-rule';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `all` is the single process of the quick start; `api` and `worker` split it over Redis and PostgreSQL. */
export const ROLES = ['all', 'api', 'worker'] as const;
export type Role = (typeof ROLES)[number];
/** What a role that is not `all` cannot start without: its processes share jobs, progress and the catalog. */
const SHARED_SERVICES = ['REDIS_URL', 'DATABASE_URL'] as const;

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;

const BOOLEANS: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };
const toBoolean = ({ value }: { value: unknown }) => (typeof value === 'string' ? (BOOLEANS[value.trim().toLowerCase()] ?? value) : value);

// Valid origins are normalized as browsers send them; anything else is kept for the validator to name.
const toOrigins = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '')
        .map((entry) => normalizeOrigin(entry) ?? entry)
    : value;

const ORIGIN = /^https?:\/\/[^/]+$/;

/** The server's settings, read once from the environment and validated at start-up. */
export class AppConfig {
  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Loopback by default: listening elsewhere is the operator's choice (see accessMode). */
  @IsString()
  @MinLength(1)
  HOST = '127.0.0.1';

  @IsString()
  @MinLength(1)
  MEDIA_DIR = './media';

  @Transform(toInt)
  @IsInt({ message: 'MAX_UPLOAD_BYTES must be a positive integer (bytes)' })
  @Min(1)
  MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

  @Transform(toInt)
  @IsInt({ message: 'TRANSCODE_CONCURRENCY must be an integer from 1 to 16' })
  @Min(1)
  @Max(16)
  TRANSCODE_CONCURRENCY = 1;

  @IsOptional()
  @IsString()
  FFMPEG_PATH?: string;

  @IsOptional()
  @IsString()
  FFPROBE_PATH?: string;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'log';

  @Transform(toInt)
  @IsInt({ message: 'MAX_DURATION_SECONDS must be a positive integer (seconds)' })
  @Min(1)
  MAX_DURATION_SECONDS = 4 * 3600;

  @Transform(toInt)
  @IsInt({ message: 'MAX_SOURCE_PIXELS must be a positive integer (width × height)' })
  @Min(1)
  MAX_SOURCE_PIXELS = 7680 * 4320;

  /** Free space kept on the media volume: uploads that would eat into it are refused up front. */
  @Transform(toInt)
  @IsInt({ message: 'MIN_FREE_BYTES must be a non-negative integer (bytes)' })
  @Min(0)
  MIN_FREE_BYTES = 256 * 1024 ** 2;

  /** How long a resumable upload may take from its creation; unfinished ones are then removed. */
  @Transform(toInt)
  @IsInt({ message: 'RESUMABLE_UPLOAD_EXPIRY_SECONDS must be a positive integer (seconds)' })
  @Min(1)
  RESUMABLE_UPLOAD_EXPIRY_SECONDS = 24 * 3600;

  /** Where the built web app lives; served at `/` when present. */
  @IsString()
  WEB_DIST_DIR = 'dist/apps/web/browser';

  /** Bearer tokens that may write (mutations, uploads, subscriptions); read by loadConfig from a list or a file. */
  @IsString({ each: true })
  API_TOKENS: string[] = [];

  /** Lets a server without tokens listen on a non-loopback HOST. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'ALLOW_ANONYMOUS_WRITES must be true or false' })
  ALLOW_ANONYMOUS_WRITES = false;

  /** Other origins whose pages may call /graphql; the server's own origin always may. */
  @Transform(toOrigins)
  @Matches(ORIGIN, { each: true, message: 'CORS_ORIGINS must list origins such as https://app.example.com (scheme, host and port only), separated by commas' })
  CORS_ORIGINS: string[] = [];

  @Transform(toBoolean)
  @IsBoolean({ message: 'GRAPHQL_INTROSPECTION must be true or false' })
  GRAPHQL_INTROSPECTION = true;

  /** The GraphiQL page at /graphql for browsers. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'GRAPHQL_EXPLORER must be true or false' })
  GRAPHQL_EXPLORER = true;

  @Transform(toInt)
  @IsInt({ message: 'GRAPHQL_MAX_DEPTH must be an integer from 2 to 50' })
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 8;

  @Transform(toInt)
  @IsInt({ message: 'GRAPHQL_MAX_ALIASES must be an integer from 0 to 1000' })
  @Min(0)
  @Max(1000)
  GRAPHQL_MAX_ALIASES = 15;

  @Transform(toInt)
  @IsInt({ message: 'GRAPHQL_MAX_COST must be a positive integer' })
  @Min(1)
  GRAPHQL_MAX_COST = 100_000;

  @IsIn(ROLES, { message: `ROLE must be one of ${ROLES.join(', ')}` })
  ROLE: Role = 'all';

  /** Turns on the BullMQ job queue and Redis progress fan-out. */
  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Turns on the PostgreSQL catalog (postgres://user:password@host:port/database); unset, the catalog is the manifest files in MEDIA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Runs a job may get on the Redis queue (a crashed worker's run counts) before its playlist ends FAILED. */
  @Transform(toInt)
  @IsInt({ message: 'JOB_ATTEMPTS must be an integer from 1 to 20' })
  @Min(1)
  @Max(20)
  JOB_ATTEMPTS = 3;

  /** Wait before the second run of a failed job, doubled for each run after. */
  @Transform(toInt)
  @IsInt({ message: 'JOB_BACKOFF_MS must be a non-negative integer (milliseconds)' })
  @Min(0)
  JOB_BACKOFF_MS = 10_000;

  /** How long a worker that stopped answering (killed, frozen) keeps its job before another takes it. */
  @Transform(toInt)
  @IsInt({ message: 'JOB_STALLED_MS must be an integer of at least 1000 (milliseconds)' })
  @Min(1000)
  JOB_STALLED_MS = 30_000;

  /** How often each process compares the catalog's unfinished playlists with the jobs Redis holds, queueing again those it lost. */
  @Transform(toInt)
  @IsInt({ message: 'JOB_RECONCILE_MS must be an integer of at least 1000 (milliseconds)' })
  @Min(1000)
  JOB_RECONCILE_MS = 60_000;

  /** Lets webhooks reach loopback, private, link-local and other special-purpose addresses. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'WEBHOOK_ALLOW_PRIVATE must be true or false' })
  WEBHOOK_ALLOW_PRIVATE = false;

  /** The wait after a webhook's first failed attempt; each further wait doubles. */
  @Transform(toInt)
  @IsInt({ message: 'WEBHOOK_RETRY_BASE_MS must be a positive integer (milliseconds)' })
  @Min(1)
  WEBHOOK_RETRY_BASE_MS = 30_000;

  @Transform(toInt)
  @IsInt({ message: 'WEBHOOK_MAX_ATTEMPTS must be an integer from 1 to 30' })
  @Min(1)
  @Max(30)
  WEBHOOK_MAX_ATTEMPTS = 8;

  /** One webhook attempt, connecting included. */
  @Transform(toInt)
  @IsInt({ message: 'WEBHOOK_TIMEOUT_MS must be an integer from 100 to 60000 (milliseconds)' })
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** `development` sends stack traces with GraphQL errors; any other value keeps them in the logs. */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;
}

const OPTIONAL_KEYS = ['FFMPEG_PATH', 'FFPROBE_PATH', 'NODE_ENV', 'REDIS_URL', 'DATABASE_URL'];

/**
 * Builds the config from an environment, throwing one message that lists every bad value.
 * `readTextFile` reads an `API_TOKENS` file; it is the only file read here.
 */
export function loadConfig(env: Record<string, string | undefined>, readTextFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): AppConfig {
  const keys = Object.keys(new AppConfig()).concat(OPTIONAL_KEYS);
  const raw: Record<string, unknown> = {};
  for (const key of keys) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  let tokensProblem: string | undefined;
  if (typeof raw['API_TOKENS'] === 'string') {
    const parsed = parseApiTokens(raw['API_TOKENS'], readTextFile);
    tokensProblem = parsed.error;
    raw['API_TOKENS'] = parsed.tokens ?? [];
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  const problems = [...(tokensProblem ? [tokensProblem] : []), ...errors.flatMap((e) => Object.values(e.constraints ?? {}))];
  // Unreadable tokens must not pass for "no tokens": the mode is judged only on settings that loaded.
  if (!tokensProblem && !errors.some((e) => e.property === 'ALLOW_ANONYMOUS_WRITES' || e.property === 'HOST')) {
    const decision = accessMode({ host: config.HOST, tokenCount: config.API_TOKENS.length, allowAnonymousWrites: config.ALLOW_ANONYMOUS_WRITES });
    if ('refusal' in decision) problems.push(decision.refusal);
  }
  const missing = SHARED_SERVICES.filter((key) => raw[key] === undefined);
  if ((config.ROLE === 'api' || config.ROLE === 'worker') && missing.length > 0) problems.push(`ROLE=${config.ROLE} needs ${missing.join(' and ')}: its processes share jobs and progress through Redis and the catalog through PostgreSQL`);
  if (problems.length > 0) throw new Error(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
