import './config/production-default';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request } from 'express';
import graphqlUploadExpress from 'graphql-upload/graphqlUploadExpress.mjs';
import { AccessPolicy } from './access/access-policy';
import { corsOptionsFor } from './access/cors-policy';
import { TUS_PATH, tusGuard } from './access/tus-guard';
import { uploadGuard } from './access/upload-guard';
import { AppModule } from './app.module';
import { Catalog } from './catalog/catalog';
import { describeImport, importCatalog } from './catalog/import-catalog';
import { PostgresCatalog } from './catalog/postgres/postgres-catalog';
import { AppConfig, LOG_LEVELS, loadConfig } from './config/app-config';
import { MediaRequestHandler } from './media/media-request-handler';
import { serveMediaFirst, servePrefixFirst } from './media/serve-media-first';
import { ResumableUploadService } from './resumable-upload/resumable-upload.service';
import { LocalDiskStorage } from './storage/local-disk-storage';
import { Storage } from './storage/storage';
import { catalogReadyGuard } from './upload/catalog-ready-guard';
import { storageReserveGuard } from './upload/storage-reserve';
import { prepareUploadTempDir } from './upload/upload-temp-dir';
import { describeWebhookImport, importWebhooks } from './webhooks/import-webhooks';
import { PostgresWebhookStore } from './webhooks/postgres/postgres-webhook-store';
import { StorageWebhookStore } from './webhooks/storage-webhook-store';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (process.argv[2] === 'import-catalog') return importCatalogCommand(config);
  const logger = new ConsoleLogger({ json: true, logLevels: [...LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.LOG_LEVEL) + 1), 'fatal'] });
  const writeSchema = process.env['WRITE_SCHEMA'] === '1';
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, { writeSchema }), { logger });
  if (writeSchema) {
    // `npm run schema`: GraphQL module init writes the SDL; nothing is served.
    await app.init();
    await app.close();
    return;
  }
  if (config.ROLE === 'worker') {
    app.enableShutdownHooks();
    await app.listen(config.PORT, config.HOST);
    Logger.log({ event: 'worker.started', health: `http://${displayHost(config.HOST)}:${config.PORT}/health`, concurrency: config.TRANSCODE_CONCURRENCY }, 'Bootstrap');
    return;
  }
  // graphql-upload buffers files in os.tmpdir(): point it at a folder of ours on the media volume.
  const uploadTemp = await prepareUploadTempDir(config.MEDIA_DIR);
  process.env['TMPDIR'] = uploadTemp.path;
  if (uploadTemp.swept > 0) Logger.warn({ event: 'upload.temp_swept', files: uploadTemp.swept, reason: 'upload buffers of an interrupted run' }, 'Bootstrap');
  const allowedOrigins = config.CORS_ORIGINS;
  app.enableCors((req: Request, callback) => callback(null, corsOptionsFor(req.originalUrl, req.headers.origin, allowedOrigins)));
  const access = app.get(AccessPolicy);
  // Multipart GraphQL requests (file uploads) are checked, then streamed to temp files before Apollo sees them.
  app.use(
    '/graphql',
    uploadGuard(access),
    storageReserveGuard(app.get(Storage), config.MIN_FREE_BYTES),
    catalogReadyGuard(app.get(Catalog)),
    graphqlUploadExpress({ maxFileSize: config.MAX_UPLOAD_BYTES, maxFiles: 1 }),
  );
  // Segments and manifests skip Express altogether (see serve-media-first.ts).
  serveMediaFirst(app.getHttpServer(), app.get(MediaRequestHandler));
  // tus requests stream their bodies to the resumable store: they skip Express too, past the same access rules as /graphql.
  const resumable = app.get(ResumableUploadService);
  servePrefixFirst(app.getHttpServer(), `${TUS_PATH}/`, tusGuard(access, (req, res) => resumable.handle(req, res)));
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  Logger.log({ event: 'server.listening', url: `http://${displayHost(config.HOST)}:${config.PORT}`, role: config.ROLE, access: access.mode, mediaDir: config.MEDIA_DIR }, 'Bootstrap');
}

const displayHost = (host: string) => (host === '0.0.0.0' ? 'localhost' : host.includes(':') ? `[${host}]` : host);

/** `main.js import-catalog`: loads MEDIA_DIR's playlists into the database at DATABASE_URL, then exits. */
async function importCatalogCommand(config: AppConfig): Promise<void> {
  if (!config.DATABASE_URL) {
    console.error('import-catalog needs DATABASE_URL, the database to load MEDIA_DIR into');
    process.exit(1);
  }
  const storage = new LocalDiskStorage(config.MEDIA_DIR);
  const catalog = await PostgresCatalog.open(config.DATABASE_URL, storage);
  const webhooks = await PostgresWebhookStore.open(config.DATABASE_URL);
  try {
    const counts = await importCatalog(storage, catalog);
    console.log(describeImport(config.MEDIA_DIR, counts));
    // unreadable manifests are reported, not fatal: the rest is imported, and a rerun imports what was fixed
    const files = new StorageWebhookStore(storage);
    await files.load();
    console.log(describeWebhookImport(await importWebhooks(files, webhooks)));
  } finally {
    await Promise.all([catalog.onModuleDestroy(), webhooks.onApplicationShutdown()]);
  }
}

void bootstrap().catch((error: Error) => {
  console.error(`Start-up failed: ${error.message}`);
  process.exit(1);
});
