import { Injectable, Logger, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { FileStore } from '@tus/file-store';
import { Server, Upload } from '@tus/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TUS_PATH } from '../access/tus-guard';
import { normalizeOrigin } from '../access/origin-rule';
import { AppConfig } from '../config/app-config';
import { DomainError, ErrorCode, StorageFullError, ValidationError } from '../errors/domain-error';
import { Storage } from '../storage/storage';
import { UploadOptionsInput } from '../upload/dto/upload-options.input';
import { leavesReserve } from '../upload/storage-reserve';
import { formatBytes } from '../errors/format-bytes';
import { RedisConnections } from '../redis/redis-connections';
import { UploadService } from '../upload/upload.service';
import { ResumableFileInput } from './dto/resumable-file.input';
import { sweepIntervalMs } from './expiry-sweep';
import { RedisLocker } from './redis-locker';
import { ResumableUpload } from './models/resumable-upload.model';
import { fromUploadMetadata, toUploadMetadata } from './upload-metadata';

/** Inside MEDIA_DIR: partial files (`<id>`) and their tus records (`<id>.json`); hidden, so the catalog scan skips it. */
export const RESUMABLE_DIR = '.resumable';

/** How a failed finish is answered on the last PATCH: the GraphQL error shape, so clients read it as they read a mutation's. */
const FINISH_STATUS: Partial<Record<ErrorCode, number>> = { [ErrorCode.BadUserInput]: 422, [ErrorCode.InsufficientStorage]: 507 };

/**
 * Resumable uploads through @tus/server and its file store: the mutation reserves a playlist id
 * and creates the empty upload under it (no playlist exists until the last byte arrives, so an
 * abandoned upload leaves nothing visible); the tus endpoint receives the bytes; the last one
 * hands the file to the upload pipeline, and the partial file goes either way.
 */
@Injectable()
export class ResumableUploadService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ResumableUploadService.name);
  private readonly store: FileStore;
  private readonly tus: Server;
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly storage: Storage,
    private readonly uploads: UploadService,
    @Optional() redis?: RedisConnections,
  ) {
    this.store = new FileStore({ directory: storage.localPath(RESUMABLE_DIR), expirationPeriodInMilliseconds: this.expiryMs });
    this.tus = new Server({
      path: TUS_PATH,
      datastore: this.store,
      // with several API instances, a request on one for an upload another is receiving ends that one's first
      ...(redis && { locker: new RedisLocker(redis) }),
      maxSize: config.MAX_UPLOAD_BYTES,
      relativeLocation: true,
      allowedOrigins: (origin) => config.CORS_ORIGINS.includes(normalizeOrigin(origin) ?? ''),
      onUploadFinish: async (_req, upload) => this.finish(upload),
    });
  }

  private get expiryMs(): number {
    return this.config.RESUMABLE_UPLOAD_EXPIRY_SECONDS * 1000;
  }

  async onModuleInit(): Promise<void> {
    await this.storage.ensureDir(RESUMABLE_DIR);
    await this.sweep();
    await this.finishInterrupted();
    this.sweepTimer = setInterval(() => void this.sweep(), sweepIntervalMs(this.expiryMs)).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweepTimer);
  }

  async create(file: ResumableFileInput, options: UploadOptionsInput): Promise<ResumableUpload> {
    const now = new Date();
    const playlistId = this.uploads.reservePlaylistId(file.filename, now);
    if (file.size > this.config.MAX_UPLOAD_BYTES) throw new ValidationError('size', `The file is larger than the maximum upload size of ${formatBytes(this.config.MAX_UPLOAD_BYTES)}`);
    if (!leavesReserve(await this.storage.freeBytes(), file.size, this.config.MIN_FREE_BYTES)) throw new StorageFullError();
    await this.store.create(new Upload({ id: playlistId, size: file.size, offset: 0, metadata: toUploadMetadata({ filename: file.filename, options }), creation_date: now.toISOString() }));
    this.logger.log({ event: 'resumable.created', playlistId, sizeBytes: file.size, filename: file.filename });
    return { playlistId, uploadUrl: `${TUS_PATH}/${playlistId}`, expiresAt: new Date(now.getTime() + this.expiryMs) };
  }

  /** The tus endpoint; main.ts mounts it behind tusGuard. */
  handle(req: IncomingMessage, res: ServerResponse): void {
    this.tus.handle(req, res).catch((error: Error) => {
      this.logger.error({ event: 'resumable.request_failed', url: req.url, reason: error.message });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  }

  /** Runs the upload pipeline on a complete file; a refusal answers the last PATCH, and the partial file is removed either way. */
  private async finish(upload: Upload): Promise<Record<string, never>> {
    try {
      const reserved = fromUploadMetadata(upload.metadata);
      if (!reserved) throw new ValidationError('file', 'This upload was not created by createResumableUpload');
      await this.uploads.ingestReceived(upload.id, reserved.filename, reserved.options, this.storage.localPath(`${RESUMABLE_DIR}/${upload.id}`));
      return {};
    } catch (error) {
      const code = error instanceof DomainError ? error.code : ErrorCode.Internal;
      const message = error instanceof DomainError ? error.message : 'The upload could not be processed';
      throw { status_code: FINISH_STATUS[code] ?? 500, body: JSON.stringify({ errors: [{ message, extensions: { code, ...(error instanceof ValidationError && { field: error.field }) } }] }) };
    } finally {
      await this.store.remove(upload.id).catch((error: Error) => this.logger.warn({ event: 'resumable.remove_failed', playlistId: upload.id, reason: error.message }));
    }
  }

  private async sweep(): Promise<void> {
    try {
      const removed = await this.tus.cleanUpExpiredUploads();
      if (removed > 0) this.logger.log({ event: 'resumable.expired', uploads: removed });
    } catch (error) {
      this.logger.error({ event: 'resumable.sweep_failed', reason: (error as Error).message });
    }
  }

  /** Uploads whose last byte arrived just before a crash: processed now, as their last PATCH would have. */
  private async finishInterrupted(): Promise<void> {
    for (const id of (await this.store.configstore.list?.()) ?? []) {
      const upload = await this.store.getUpload(id).catch(() => null);
      if (upload === null || upload.size !== upload.offset) continue;
      // a refusal is logged by the upload service, and its bytes are removed
      await this.finish(upload).then(
        () => this.logger.log({ event: 'resumable.finished_after_restart', playlistId: id }),
        () => undefined,
      );
    }
  }
}
