import type { Rung } from '@cmm/media-rules';
import type { ProcessIdentity } from '../ffmpeg/process-identity';
import type { StoryboardRecord } from '../storyboard/storyboard-record';
import { PlaylistStatus } from './models/playlist-status.enum';

export const MANIFEST_FILE = 'manifest.json';
export const manifestKey = (playlistId: string) => `${playlistId}/${MANIFEST_FILE}`;
/** Inside a playlist folder: where a job builds its stream before moving it into place. */
export const WORK_DIR = '.work';

/**
 * The shape of `media/<playlist_id>/manifest.json`, the catalog of record.
 * Keys are snake_case as in the prototype's manifests; paths are relative to the playlist folder.
 */

export interface SourceRecord {
  filename: string;
  path: string;
  size_bytes: number;
  width: number;
  height: number;
  /** Size as displayed: after rotation and pixel-aspect correction. */
  display_width: number;
  display_height: number;
  rotation: number;
  duration: number;
  frame_rate: number;
  video_codec: string;
  pixel_format: string;
  audio_codec: string | null;
  has_audio: boolean;
}

export interface SegmentRecord {
  path: string;
  duration: number;
  label: string;
  size_bytes: number;
}

export interface VariantRecord {
  label: string;
  height: number;
  width: number;
  /** Peak bits per second over any one segment (HLS BANDWIDTH). */
  bitrate: number;
  /** Mean bits per second over the whole rendition (HLS AVERAGE-BANDWIDTH). */
  average_bitrate: number;
  codecs: string;
  size_bytes: number;
  playlist: string;
  init: string;
  segments: SegmentRecord[];
}

export type CaptionSource = 'uploaded' | 'extracted';

/** A WebVTT captions track under `stream/captions/`, one per language. */
export interface CaptionRecord {
  /** Canonical BCP 47 tag; unique in the playlist (compared case-insensitively). */
  language: string;
  label: string;
  source: CaptionSource;
  /** `stream/captions/en.vtt` */
  path: string;
  /** Its HLS media playlist, `stream/captions/en.m3u8`. */
  playlist: string;
}

/** A subtitle track of the source that was not made into captions, and why. */
export interface SkippedSubtitleRecord {
  stream_index: number;
  codec: string;
  language: string | null;
  reason: string;
}

export interface ProgressRecord {
  percent: number;
  rungs: { label: string; height: number; percent: number }[];
  speed: number | null;
  eta_seconds: number | null;
}

export interface PlaylistManifest {
  id: string;
  title: string;
  status: PlaylistStatus;
  error: string | null;
  created_at: string;
  created_at_ts: number;
  updated_at: string;
  source: SourceRecord;
  segment_duration: number;
  requested_resolutions: number[];
  skipped_resolutions: number[];
  /** The rungs planned at upload from the probed source; the job encodes exactly these. */
  ladder: Rung[];
  variants: VariantRecord[];
  hls_manifest: string | null;
  dash_manifest: string | null;
  poster: string | null;
  /** Seek previews, made after the ladder; absent (older manifests) or null until made, and when they could not be. */
  storyboard?: StoryboardRecord | null;
  /** Absent in manifests from before captions. */
  captions?: CaptionRecord[];
  skipped_subtitles?: SkippedSubtitleRecord[];
  /** When the growing stream first became playable (ISO time); null until then and after a failure. */
  playable_at?: string | null;
  progress: ProgressRecord | null;
  /** The running encoder, so a restart after a crash can end it; absent or null when none runs. */
  encoder?: ProcessIdentity | null;
  /** The job run that owns the processing now (each run claims it as it starts); a run that finds another's here was superseded. */
  job_run?: string | null;
}

/** A playlist folder's `manifest.json` text as a manifest; throws when it is not JSON or names another playlist. */
export function parseManifest(folder: string, text: string): PlaylistManifest {
  const manifest = JSON.parse(text) as PlaylistManifest;
  if (manifest.id !== folder) throw new Error(`id ${manifest.id} does not match its folder`);
  return manifest;
}
