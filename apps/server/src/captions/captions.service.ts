import { Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Catalog } from '../catalog/catalog';
import { MAX_CAPTIONS } from '../catalog/list-bounds';
import type { CaptionRecord, PlaylistManifest } from '../catalog/manifest';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { isDiskFull, NotFoundError, StorageFullError, ValidationError } from '../errors/domain-error';
import { Storage } from '../storage/storage';
import { ladderDuration, publishedManifests, subtitlePlaylists } from '../packaging/published-manifests';
import { captionFiles, STREAM_DIR } from '../packaging/stream-layout';
import { formatBytes } from '../errors/format-bytes';
import { checkCaptionLabel } from './caption-label';
import { decodeCaptionText, parseCaptions } from './caption-parser';
import { CAPTION_MAX_BYTES } from './caption-rules';
import { normalizeLanguageTag } from './language-tag';
import { writeWebVtt } from './webvtt-writer';

/** What the service needs of a multipart file (graphql-upload's FileUpload). */
export interface IncomingCaptionFile {
  filename: string;
  createReadStream(): Readable;
}

const sameLanguage = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Captions of READY playlists: each is checked whole in memory before anything is written, then
 * stored as WebVTT under `stream/captions/`, recorded in the catalog, and the master playlist and
 * MPD are rewritten over the new set (atomically; they are served no-cache). Changes to one
 * playlist run one at a time.
 */
@Injectable()
export class CaptionsService {
  private readonly logger = new Logger(CaptionsService.name);
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly storage: Storage,
    private readonly catalog: Catalog,
  ) {}

  /** Adds the caption, or replaces the one in the same language. */
  async add(playlistId: string, request: { language: string; label: string }, file: IncomingCaptionFile): Promise<PlaylistManifest> {
    const language = normalizeLanguageTag(request.language);
    if (!language) throw new ValidationError('language', `"${request.language}" is not a language tag; use a BCP 47 tag such as en, pt-BR or zh-Hant`);
    const label = checkCaptionLabel(request.label);
    if ('error' in label) throw new ValidationError('label', label.error);
    await this.ready(playlistId);
    const { cues } = parseCaptions(decodeCaptionText(await this.read(file)));

    return this.oneAtATime(playlistId, async () => {
      const captions = (await this.ready(playlistId)).captions ?? [];
      const replaced = captions.find((c) => sameLanguage(c.language, language));
      if (!replaced && captions.length >= MAX_CAPTIONS) {
        throw new ValidationError('language', `A playlist has at most ${MAX_CAPTIONS} captions; remove one first`);
      }
      const files = captionFiles(language);
      const record: CaptionRecord = { language, label: label.label, source: 'uploaded', path: `${STREAM_DIR}/${files.vtt}`, playlist: `${STREAM_DIR}/${files.playlist}` };
      const next = replaced ? captions.map((c) => (c === replaced ? record : c)) : [...captions, record];
      let recorded = false;
      try {
        await this.storage.writeAtomic(`${playlistId}/${record.path}`, writeWebVtt(cues));
        const manifest = await this.catalog.update(playlistId, { captions: next });
        recorded = true;
        await this.publish(manifest);
        this.logger.log({ event: 'caption.added', playlistId, language, cues: cues.length, replaced: Boolean(replaced) });
        return manifest;
      } catch (error) {
        // a replaced caption's file is already overwritten; a new one leaves nothing behind
        if (!replaced) await Promise.all([record.path, record.playlist].map((p) => this.storage.removeTree(`${playlistId}/${p}`)));
        if (recorded) await this.catalog.update(playlistId, { captions }).then((m) => this.publish(m));
        this.logger.warn({ event: 'caption.add_failed', playlistId, language, message: (error as Error).message });
        throw isDiskFull(error) ? new StorageFullError() : error;
      }
    });
  }

  async remove(playlistId: string, language: string): Promise<PlaylistManifest> {
    return this.oneAtATime(playlistId, async () => {
      const captions = (await this.catalog.get(playlistId)).captions ?? [];
      const tag = normalizeLanguageTag(language);
      const removed = tag ? captions.find((c) => sameLanguage(c.language, tag)) : undefined;
      if (!removed) throw new NotFoundError(`Playlist "${playlistId}" has no caption in "${language}"`);
      const manifest = await this.catalog.update(playlistId, { captions: captions.filter((c) => c !== removed) });
      await this.publish(manifest);
      await Promise.all([removed.path, removed.playlist].map((p) => this.storage.removeTree(`${playlistId}/${p}`)));
      this.logger.log({ event: 'caption.removed', playlistId, language: removed.language });
      return manifest;
    });
  }

  private async ready(playlistId: string): Promise<PlaylistManifest> {
    const manifest = await this.catalog.get(playlistId);
    if (manifest.status !== PlaylistStatus.READY) {
      throw new ValidationError('playlistId', `Captions can be added once the playlist is READY; it is ${manifest.status}`);
    }
    return manifest;
  }

  /** Caption playlists, then the master and MPD that name them. */
  private async publish(m: PlaylistManifest): Promise<void> {
    for (const p of subtitlePlaylists(m.captions ?? [], ladderDuration(m.variants))) await this.storage.writeAtomic(`${m.id}/${p.path}`, p.text);
    const { master, mpd } = publishedManifests(m);
    if (m.hls_manifest) await this.storage.writeAtomic(`${m.id}/${m.hls_manifest}`, master);
    if (m.dash_manifest) await this.storage.writeAtomic(`${m.id}/${m.dash_manifest}`, mpd);
  }

  /** The whole file, refused as soon as it passes the caption size limit. */
  private async read(file: IncomingCaptionFile): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = file.createReadStream();
    try {
      for await (const chunk of stream) {
        size += (chunk as Buffer).length;
        if (size > CAPTION_MAX_BYTES) throw new ValidationError('file', `The caption file is larger than ${formatBytes(CAPTION_MAX_BYTES)}`);
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      stream.destroy();
      if (error instanceof ValidationError) throw error;
      // graphql-upload ends the stream with a 413 error once its maxFileSize is passed
      if ((error as { status?: number }).status === 413) throw new ValidationError('file', `The caption file is larger than ${formatBytes(CAPTION_MAX_BYTES)}`);
      throw new ValidationError('file', `The upload was interrupted: ${(error as Error).message}`);
    }
    return Buffer.concat(chunks);
  }

  private oneAtATime<T>(playlistId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(playlistId) ?? Promise.resolve();
    const result = previous.catch(() => undefined).then(work);
    const settled = result.catch(() => undefined);
    this.queues.set(playlistId, settled);
    void settled.then(() => {
      if (this.queues.get(playlistId) === settled) this.queues.delete(playlistId);
    });
    return result;
  }
}
