import { Logger, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from '../config/app-config';
import { serveWebApp, serveWebAppMissing } from './web-app.middleware';

/**
 * The Angular app at `/`, from WEB_DIST_DIR (relative to the working directory), with a
 * fallback to index.html for client-side routes. The folder is checked once at start-up:
 * build the web app before starting the server, or restart after building it.
 */
@Module({})
export class WebAppModule implements NestModule {
  private readonly logger = new Logger(WebAppModule.name);

  constructor(private readonly config: AppConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    const root = resolve(process.cwd(), this.config.WEB_DIST_DIR);
    const built = existsSync(join(root, 'index.html'));
    if (!built) {
      this.logger.warn({ event: 'web.not_built', message: 'web app not built; run `npx nx build web` (or `npm start`) to serve it at /', webDistDir: root });
    }
    consumer.apply(built ? serveWebApp(root) : serveWebAppMissing()).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
