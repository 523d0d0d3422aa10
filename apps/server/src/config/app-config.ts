import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;

/** The server's settings, read once from the environment and validated at start-up. */
export class AppConfig {
  @Transform(toInt)
  @IsInt({ message: 'PORT must be an integer between 0 and 65535' })
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @MinLength(1)
  HOST = '0.0.0.0';

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

  /** Where the built web app lives; served at `/` when present. */
  @IsString()
  WEB_DIST_DIR = 'dist/apps/web/browser';
}

/** Builds the config from an environment, throwing one message that lists every bad value. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const keys = Object.keys(new AppConfig()).concat(['FFMPEG_PATH', 'FFPROBE_PATH']);
  const raw: Record<string, string> = {};
  for (const key of keys) {
    const value = env[key];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  const config = plainToInstance(AppConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}));
    throw new Error(`Invalid configuration:\n  - ${lines.join('\n  - ')}`);
  }
  return config;
}
