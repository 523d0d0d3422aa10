import type { Rung } from '@cmm/media-rules';
import type { SegmentRecord, VariantRecord } from '../catalog/manifest';
import { ProcessingError, ProcessingFailure } from '../errors/domain-error';
import { parseRatio } from '../ffmpeg/frame-rate';
import type { DashRepresentation } from './dash-manifest';
import { MasterVariant, renditionBitrates } from './hls-playlist';
import { mediaSeconds } from './media-seconds';
import { segmentLabel } from './segment-label';
import { RUNG_PLAYLIST } from './stream-layout';

/** What ffmpeg really wrote for one rung: URIs relative to the rung's folder, sizes from disk. */
export interface Rendition {
  rung: Rung;
  width: number;
  height: number;
  codecs: string;
  initUri: string;
  initBytes: number;
  segments: { uri: string; duration: number; sizeBytes: number }[];
}

/** The master playlist's entry; `fps` as the encode used it (`24000/1001`). */
export function masterVariant(r: Rendition, fps: string): MasterVariant {
  const { peak, average } = renditionBitrates(r.segments);
  return {
    uri: `${r.rung.label}/${RUNG_PLAYLIST}`,
    bandwidth: peak,
    averageBandwidth: average,
    width: r.width,
    height: r.height,
    codecs: r.codecs,
    frameRate: parseRatio(fps) ?? 0,
  };
}

/** The MPD's representation over the same files; URIs relative to the MPD. */
export function dashRepresentation(r: Rendition, fps: string): DashRepresentation {
  return {
    id: r.rung.label,
    bandwidth: renditionBitrates(r.segments).peak,
    width: r.width,
    height: r.height,
    codecs: r.codecs,
    frameRate: fps,
    initUri: `${r.rung.label}/${r.initUri}`,
    segments: r.segments.map((s) => ({ uri: `${r.rung.label}/${s.uri}`, duration: s.duration })),
  };
}

/** The catalog's record of a rendition published in `streamDir`; paths relative to the playlist folder. */
export function variantRecord(r: Rendition, streamDir: string): VariantRecord {
  const { peak, average } = renditionBitrates(r.segments);
  const base = `${streamDir}/${r.rung.label}`;
  let start = 0;
  const segments: SegmentRecord[] = r.segments.map((s, i) => {
    const record = { path: `${base}/${s.uri}`, duration: s.duration, label: segmentLabel(i, start, s.duration), size_bytes: s.sizeBytes };
    start += s.duration;
    return record;
  });
  return {
    label: r.rung.label,
    height: r.height,
    width: r.width,
    bitrate: peak,
    average_bitrate: average,
    codecs: r.codecs,
    size_bytes: r.initBytes + r.segments.reduce((sum, s) => sum + s.sizeBytes, 0),
    playlist: `${base}/${RUNG_PLAYLIST}`,
    init: `${base}/${r.initUri}`,
    segments,
  };
}

/**
 * A source whose index promises more than its data holds (a cut-off upload with the moov atom
 * up front) decodes "successfully" but short: the shortest rendition is compared with the
 * probed length, allowing a second or 5 %.
 */
export function ensureComplete(probedSeconds: number, renditions: readonly Rendition[], stderrTail = ''): void {
  const encoded = Math.min(...renditions.map((r) => mediaSeconds(r.segments)));
  if (encoded < probedSeconds - Math.max(1, probedSeconds * 0.05)) {
    throw new ProcessingError(
      ProcessingFailure.TruncatedFile,
      `The file is truncated: its video stops at ${encoded.toFixed(1)} s although it declares ${probedSeconds.toFixed(1)} s.`,
      stderrTail,
    );
  }
}
