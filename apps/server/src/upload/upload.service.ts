import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { isAllowedExtension, planLadder, ALLOWED_EXTENSIONS } from '@cmm/media-rules';
import { Catalog } from '../catalog/catalog';
import type { PlaylistManifest } from '../catalog/manifest';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { toSourceRecord } from '../catalog/source-record';
import { AppConfig } from '../config/app-config';
import { isDiskFull, ProcessingError, StorageFullError, ValidationError } from '../errors/domain-error';
import { formatBytes } from '../errors/format-bytes';
import { MediaProbe } from '../ffmpeg/media-probe';
import { ProgressTracker } from '../progress/progress-tracker';
import { Storage } from '../storage/storage';
import { TranscodeService } from '../transcode/transcode.service';
import { UploadOptionsInput } from './dto/upload-options.input';
import { ConcurrencyLimit } from './concurrency-limit';
import { buildPlaylistId, sourceFilename } from './playlist-id';
import { bufferedUploadPath } from './upload-buffer';

const UPLOAD_PROBE_CONCURRENCY = 2;

/** What the upload service needs of a multipart file (graphql-upload's FileUpload). */
export interface IncomingFile {
  filename: string;
  createReadStream(): Readable;
}

@Injectable()
export class UploadService {
  private readonly logger = new Logger(UploadService.name);
  /** Many uploads finishing at once must not start as many ffprobes beside the encodes. */
  private readonly probeSlots = new ConcurrencyLimit(UPLOAD_PROBE_CONCURRENCY);

  constructor(
    private readonly storage: Storage,
    private readonly catalog: Catalog,
    private readonly probe: MediaProbe,
    private readonly transcode: TranscodeService,
    private readonly progress: ProgressTracker,
    private readonly config: AppConfig,
  ) {}

  /**
   * Stores the file in `<id>/source/`, checks that it is a real video, records the playlist
   * as QUEUED and queues its job. On any rejection the playlist folder is removed whole.
   */
  async upload(file: IncomingFile, options: UploadOptionsInput): Promise<PlaylistManifest> {
    checkFilename('file', file.filename);
    const now = new Date();
    const id = buildPlaylistId(file.filename, now, randomBytes(3).toString('hex'));
    return this.ingest(id, file.filename, options, now, (key) => this.store(file, key));
  }

  /** A new playlist id for a file, once its name passes the same checks as an upload's (resumable uploads reserve it up front). */
  reservePlaylistId(filename: string, now: Date): string {
    checkFilename('filename', filename);
    return buildPlaylistId(filename, now, randomBytes(3).toString('hex'));
  }

  /** The rest of `upload` for a file already received whole at `localPath` (a finished resumable upload), under the id reserved for it. */
  async ingestReceived(id: string, filename: string, options: UploadOptionsInput, localPath: string): Promise<PlaylistManifest> {
    return this.ingest(id, filename, options, new Date(), async (key) => {
      try {
        return await this.storage.importFile(key, localPath);
      } catch (error) {
        if (isDiskFull(error)) throw new StorageFullError();
        throw error;
      }
    });
  }

  private async ingest(id: string, filename: string, options: UploadOptionsInput, now: Date, store: (key: string) => Promise<number>): Promise<PlaylistManifest> {
    const sourcePath = `source/${sourceFilename(filename)}`;
    try {
      const sizeBytes = await store(`${id}/${sourcePath}`);
      if (sizeBytes === 0) throw new ValidationError('file', 'The file is empty');
      const probe = await this.probeUpload(`${id}/${sourcePath}`);
      const requested = [...new Set(options.resolutions)].sort((a, b) => b - a);
      const { rungs, skipped } = planLadder({ width: probe.video.displayWidth, height: probe.video.displayHeight }, requested);
      const manifest = await this.catalog.save({
        id,
        title: options.title?.trim() || filename.replace(/\.[^.]+$/, ''),
        status: PlaylistStatus.QUEUED,
        error: null,
        created_at: now.toISOString(),
        created_at_ts: now.getTime() / 1000,
        updated_at: now.toISOString(),
        source: toSourceRecord(probe, { filename, path: sourcePath, sizeBytes }),
        segment_duration: options.segmentDuration,
        requested_resolutions: requested,
        skipped_resolutions: skipped,
        ladder: rungs,
        variants: [],
        hls_manifest: null,
        dash_manifest: null,
        poster: null,
        progress: null,
      });
      try {
        await this.transcode.enqueue(id);
      } catch (error) {
        await this.catalog.remove(id);
        throw error;
      }
      this.logger.log({ event: 'upload.stored', playlistId: id, sizeBytes, filename });
      return manifest;
    } catch (error) {
      await this.storage.removeTree(id);
      this.logger.warn({ event: 'upload.rejected', playlistId: id, reason: (error as Error).message });
      throw error;
    }
  }

  /** Cancels the playlist's job if one runs, then removes it from the catalog and disk. */
  async delete(playlistId: string): Promise<void> {
    await this.catalog.get(playlistId);
    await this.transcode.cancel(playlistId);
    await this.catalog.remove(playlistId);
    await this.progress.removed(playlistId);
    this.logger.log({ event: 'playlist.deleted', playlistId });
  }

  /** Moves graphql-upload's temp file into place when it has one (see bufferedUploadPath), or copies the stream. */
  private async store(file: IncomingFile, key: string): Promise<number> {
    let size: number;
    try {
      const buffered = await bufferedUploadPath(file);
      size = buffered ? await this.storage.importFile(key, buffered) : await this.storage.writeStream(key, file.createReadStream());
    } catch (error) {
      // graphql-upload ends the stream with a 413 error once maxFileSize is passed
      if (isDiskFull(error)) throw new StorageFullError();
      if ((error as { status?: number }).status === 413) {
        throw new ValidationError('file', `The file is larger than the maximum upload size of ${formatBytes(this.config.MAX_UPLOAD_BYTES)}`);
      }
      throw new ValidationError('file', `The upload was interrupted: ${(error as Error).message}`);
    }
    return size;
  }

  private async probeUpload(key: string) {
    try {
      return await this.probeSlots.run(() => this.probe.probe(this.storage.localPath(key)));
    } catch (error) {
      if (error instanceof ProcessingError) throw new ValidationError('file', error.message);
      throw error;
    }
  }
}

/** The file-name rules every upload path applies, reported on `field`. */
function checkFilename(field: string, filename: string): void {
  if (!filename) throw new ValidationError(field, 'The upload has no file name');
  if (!isAllowedExtension(filename)) throw new ValidationError(field, `Unsupported file type; allowed extensions: ${ALLOWED_EXTENSIONS.join(', ')}`);
}
