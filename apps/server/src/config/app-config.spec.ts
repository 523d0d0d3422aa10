import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    expect({ ...loadConfig({}) }).toEqual({
      PORT: 3000,
      HOST: '0.0.0.0',
      MEDIA_DIR: './media',
      MAX_UPLOAD_BYTES: 4 * 1024 ** 3,
      TRANSCODE_CONCURRENCY: 1,
      LOG_LEVEL: 'log',
      WEB_DIST_DIR: 'dist/apps/web/browser',
    });
  });

  it('reads and converts the variables it knows, ignoring empty ones', () => {
    const config = loadConfig({ PORT: '8080', MEDIA_DIR: '/srv/media', TRANSCODE_CONCURRENCY: '3', FFMPEG_PATH: '/opt/ffmpeg', FFPROBE_PATH: '', LOG_LEVEL: 'debug' });
    expect(config).toMatchObject({ PORT: 8080, MEDIA_DIR: '/srv/media', TRANSCODE_CONCURRENCY: 3, FFMPEG_PATH: '/opt/ffmpeg', LOG_LEVEL: 'debug' });
    expect(config.FFPROBE_PATH).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer between 0 and 65535'],
    [{ PORT: '70000' }, 'PORT must not be greater than 65535'],
    [{ MAX_UPLOAD_BYTES: '2GB' }, 'MAX_UPLOAD_BYTES must be a positive integer (bytes)'],
    [{ TRANSCODE_CONCURRENCY: '0' }, 'TRANSCODE_CONCURRENCY must not be less than 1'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL must be one of error, warn, log, debug, verbose'],
  ])('rejects %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every bad value at once', () => {
    expect(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT[\s\S]*LOG_LEVEL/);
  });
});
