import type { CaptionRecord, PlaylistManifest, VariantRecord } from '../catalog/manifest';
import { outputFrameRate, parseRatio } from '../ffmpeg/frame-rate';
import { DashTextTrack, writeDashManifest } from './dash-manifest';
import { mediaSeconds } from './media-seconds';
import { SubtitleRendition, writeMasterPlaylist, writeSubtitlePlaylist } from './hls-playlist';
import { posix } from 'node:path';
import { MASTER_PLAYLIST, STREAM_DIR } from './stream-layout';

/** Catalog paths (`stream/captions/en.vtt`) as the manifests in `folder` (a run's `stream/<run>`) address them. */
const from = (folder: string, path: string) => posix.relative(folder, path);

export function subtitleRenditions(captions: readonly CaptionRecord[], folder: string): SubtitleRendition[] {
  return captions.map((c) => ({ language: c.language, name: c.label, uri: from(folder, c.playlist) }));
}

export function dashTextTracks(captions: readonly CaptionRecord[], folder: string): DashTextTrack[] {
  return captions.map((c) => ({ language: c.language, label: c.label, uri: from(folder, c.path) }));
}

/** Each caption's HLS media playlist (key relative to the playlist folder), its one segment spanning `duration`. */
export function subtitlePlaylists(captions: readonly CaptionRecord[], duration: number): { path: string; text: string }[] {
  return captions.map((c) => ({ path: c.playlist, text: writeSubtitlePlaylist(c.path.slice(c.path.lastIndexOf('/') + 1), duration) }));
}

/** The length of the published ladder: its longest rendition. */
export function ladderDuration(variants: readonly { segments: readonly { duration: number }[] }[]): number {
  return Math.max(0, ...variants.map((v) => mediaSeconds(v.segments)));
}

/**
 * A READY playlist's master playlist and static MPD, rebuilt from its catalog record: the same
 * text the pipeline wrote when it finished, with the captions it has now.
 */
export function publishedManifests(m: PlaylistManifest): { master: string; mpd: string } {
  const fps = outputFrameRate(m.source.frame_rate);
  const captions = m.captions ?? [];
  const folder = posix.dirname(m.hls_manifest ?? `${STREAM_DIR}/${MASTER_PLAYLIST}`);
  const inStream = (path: string) => from(folder, path);
  const rung = (v: VariantRecord) => inStream(v.playlist).split('/')[0];
  const master = writeMasterPlaylist(
    m.variants.map((v) => ({
      uri: inStream(v.playlist),
      bandwidth: v.bitrate,
      averageBandwidth: v.average_bitrate,
      width: v.width,
      height: v.height,
      codecs: v.codecs,
      frameRate: parseRatio(fps) ?? 0,
    })),
    subtitleRenditions(captions, folder),
  );
  const mpd = writeDashManifest(
    m.variants.map((v) => ({
      id: rung(v),
      bandwidth: v.bitrate,
      width: v.width,
      height: v.height,
      codecs: v.codecs,
      frameRate: fps,
      initUri: inStream(v.init),
      segments: v.segments.map((s) => ({ uri: inStream(s.path), duration: s.duration })),
    })),
    undefined,
    dashTextTracks(captions, folder),
  );
  return { master, mpd };
}
