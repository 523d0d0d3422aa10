import type { Rung } from '@cmm/media-rules';
import { Logger } from '@nestjs/common';
import type { CodecDetails, MediaProbe } from '../ffmpeg/media-probe';
import type { CaptionRecord } from '../catalog/manifest';
import type { Storage } from '../storage/storage';
import { writeDashManifest } from '../packaging/dash-manifest';
import { parseMediaPlaylist, writeMasterPlaylist, writeMediaPlaylist } from '../packaging/hls-playlist';
import { mediaSeconds } from '../packaging/media-seconds';
import { dashTextTracks, ladderDuration, subtitlePlaylists, subtitleRenditions } from '../packaging/published-manifests';
import { dashRepresentation, masterVariant, Rendition } from '../packaging/rendition';
import { DASH_MANIFEST, ENCODER_PLAYLIST, MASTER_PLAYLIST, RUNG_PLAYLIST } from '../packaging/stream-layout';
import { enoughToPlay } from './playable-lead';
import { offersBlockingReload } from './reload-offer';

export interface StreamPublisherOptions {
  /** Where ffmpeg writes: a folder per rung with its hidden playlist, init and segments. */
  build: string;
  /** The playlist's public stream folder, which players read from. */
  folder: string;
  rungs: readonly Rung[];
  /** As the encode used it: `25`, `24000/1001`. */
  fps: string;
  segmentDuration: number;
  /** Seconds, as probed. */
  sourceDuration: number;
  encodeStartedAt: Date;
}

/**
 * Publishes a ladder while ffmpeg encodes it. Whenever ffmpeg's hidden playlist for a rung lists
 * more segments (it lists a segment once whole), they are hard-linked from the build folder into
 * the stream folder and the rung's public EVENT playlist is rewritten (offering blocking reloads
 * while the next segment is expected soon, see `offersBlockingReload`); once every rung is far
 * enough ahead (see `enoughToPlay`), the master playlist and a dynamic MPD are written and the
 * stream is playable.
 * `finish` writes the complete versions. Manifests are replaced atomically; segments appear
 * whole and are never rewritten. An ffmpeg left running by a crashed server writes into its own
 * build folder, which the retry has removed, so nothing of it reaches the stream.
 */
export class StreamPublisher {
  private readonly logger = new Logger(StreamPublisher.name);
  private readonly published = new Map<string, Rendition>();
  private readonly codecs = new Map<string, Promise<CodecDetails>>();
  private readonly sizes = new Map<string, number>();
  private playable = false;
  private running: Promise<boolean> = Promise.resolve(false);
  private pending = false;
  private closed = false;

  constructor(
    private readonly storage: Storage,
    private readonly mediaProbe: MediaProbe,
    private readonly options: StreamPublisherOptions,
  ) {}

  /**
   * Publishes whatever ffmpeg has completed since the last call; resolves true on the call that
   * made the stream playable (`encodeSpeed`: ffmpeg's latest, × real time). Calls never overlap: one made while another runs is folded into a
   * single follow-up. A failure is logged and left to the next call (or to `finish`, which checks).
   */
  refresh(encodeSpeed: number | null, signal?: AbortSignal): Promise<boolean> {
    if (this.pending || this.closed) return Promise.resolve(false);
    this.pending = true;
    this.running = this.running.then(() => {
      this.pending = false;
      if (this.closed) return false;
      return this.publishGrowing(encodeSpeed, signal).catch((error: Error) => {
        this.logger.debug({
          event: 'publish.retry_later',
          folder: this.options.folder,
          message: error.message,
        });
        return false;
      });
    });
    return this.running;
  }

  /** What ffmpeg wrote for one rung, read from its playlist: segment durations, sizes from disk, codecs from the init segment. */
  async rendition(rung: Rung, signal?: AbortSignal): Promise<Rendition | null> {
    const dir = `${this.options.build}/${rung.label}`;
    const text = await this.storage.readText(`${dir}/${ENCODER_PLAYLIST}`).catch(() => null);
    if (text === null) return null;
    const playlist = parseMediaPlaylist(text);
    if (!playlist.initUri || playlist.segments.length === 0) return null;
    const segments = await Promise.all(
      playlist.segments.map(async (s) => ({
        ...s,
        sizeBytes: await this.sizeOf(`${dir}/${s.uri}`),
      })),
    );
    const initBytes = await this.sizeOf(`${dir}/${playlist.initUri}`);
    const details = await this.codecDetails(rung, `${dir}/${playlist.initUri}`, signal);
    return {
      rung,
      width: details.width ?? rung.width,
      height: details.height ?? rung.height,
      codecs: details.codecs,
      initUri: playlist.initUri,
      initBytes,
      segments,
    };
  }

  /**
   * Waits for any refresh in flight, stops further ones, and publishes the complete ladder with
   * its captions (their WebVTT files already in the stream folder; their playlists written here).
   */
  async finish(renditions: readonly Rendition[], captions: readonly CaptionRecord[] = []): Promise<void> {
    this.closed = true;
    await this.running;
    for (const r of renditions) {
      await this.linkSegments(r);
      await this.writeRungPlaylist(r, true, false);
    }
    const duration = ladderDuration(renditions);
    // caption paths are relative to the playlist folder, which holds the run's stream folder
    const playlistFolder = this.options.folder.slice(0, this.options.folder.indexOf('/'));
    const inPlaylist = this.options.folder.slice(playlistFolder.length + 1);
    for (const p of subtitlePlaylists(captions, duration)) await this.storage.writeAtomic(`${playlistFolder}/${p.path}`, p.text);
    const masters = renditions.map((r) => masterVariant(r, this.options.fps));
    await this.storage.writeAtomic(`${this.options.folder}/${MASTER_PLAYLIST}`, writeMasterPlaylist(masters, subtitleRenditions(captions, inPlaylist)));
    await this.storage.writeAtomic(
      `${this.options.folder}/${DASH_MANIFEST}`,
      writeDashManifest(
        renditions.map((r) => dashRepresentation(r, this.options.fps)),
        undefined,
        dashTextTracks(captions, inPlaylist),
      ),
    );
  }

  /** Stops publishing (the encode failed or was cancelled); resolves once no write is in flight. */
  async close(): Promise<void> {
    this.closed = true;
    await this.running;
  }

  private async publishGrowing(encodeSpeed: number | null, signal?: AbortSignal): Promise<boolean> {
    const current = await Promise.all(this.options.rungs.map((rung) => this.rendition(rung, signal)));
    let grew = false;
    for (const r of current) {
      if (!r || r.segments.length <= (this.published.get(r.rung.label)?.segments.length ?? 0)) continue;
      await this.linkSegments(r);
      await this.writeRungPlaylist(r, false, offersBlockingReload(this.options.segmentDuration, encodeSpeed));
      this.published.set(r.rung.label, r);
      grew = true;
    }
    if (!grew || this.published.size < this.options.rungs.length) return false;
    const renditions = this.options.rungs.map((rung) => this.published.get(rung.label) as Rendition);
    const published = renditions.map((r) => mediaSeconds(r.segments));
    if (!this.playable && !enoughToPlay(published, this.options.segmentDuration, this.options.sourceDuration, encodeSpeed)) return false;
    const growing = {
      availabilityStartTime: this.options.encodeStartedAt,
      publishTime: new Date(),
      updatePeriod: this.options.segmentDuration,
    };
    await this.storage.writeAtomic(
      `${this.options.folder}/${DASH_MANIFEST}`,
      writeDashManifest(
        renditions.map((r) => dashRepresentation(r, this.options.fps)),
        growing,
      ),
    );
    if (this.playable) return false;
    // Players choose from the master before most segments exist: each rung is announced at its
    // bitrate cap (video maxrate + audio) unless the segments so far already peak above it.
    const masters = renditions.map((r) => {
      const variant = masterVariant(r, this.options.fps);
      return {
        ...variant,
        bandwidth: Math.max(variant.bandwidth, (r.rung.maxrateKbps + r.rung.audioKbps) * 1000),
      };
    });
    await this.storage.writeAtomic(`${this.options.folder}/${MASTER_PLAYLIST}`, writeMasterPlaylist(masters));
    this.playable = true;
    return true;
  }

  /** Init and segments not yet in the stream folder; the playlist naming them is written after. */
  private async linkSegments(r: Rendition): Promise<void> {
    const from = `${this.options.build}/${r.rung.label}`;
    const to = `${this.options.folder}/${r.rung.label}`;
    const done = this.published.get(r.rung.label)?.segments.length;
    const files = done === undefined ? [r.initUri, ...r.segments.map((s) => s.uri)] : r.segments.slice(done).map((s) => s.uri);
    for (const file of files) await this.storage.link(`${from}/${file}`, `${to}/${file}`);
  }

  private async writeRungPlaylist(r: Rendition, ended: boolean, blockingReload: boolean): Promise<void> {
    const text = writeMediaPlaylist({
      initUri: r.initUri,
      segments: r.segments,
      segmentDuration: this.options.segmentDuration,
      ended,
      blockingReload,
    });
    await this.storage.writeAtomic(`${this.options.folder}/${r.rung.label}/${RUNG_PLAYLIST}`, text);
  }

  /** One ffprobe per rung: the init segment does not change once written. */
  private codecDetails(rung: Rung, initKey: string, signal?: AbortSignal): Promise<CodecDetails> {
    let details = this.codecs.get(rung.label);
    if (!details) {
      details = this.mediaProbe.codecDetails(this.storage.localPath(initKey), signal);
      details.catch(() => this.codecs.delete(rung.label));
      this.codecs.set(rung.label, details);
    }
    return details;
  }

  /** Segments are whole and never rewritten once listed, so each is measured once. */
  private async sizeOf(key: string): Promise<number> {
    const known = this.sizes.get(key);
    if (known !== undefined) return known;
    const stat = await this.storage.stat(key);
    if (!stat) throw new Error(`ffmpeg did not write ${key}`);
    this.sizes.set(key, stat.size);
    return stat.size;
  }
}
