import { ProcessingError, ProcessingFailure } from '../errors/domain-error';
import { allowedDemuxer, Demuxer } from './input-args';
import { parseRatio } from './frame-rate';

/** The part of ffprobe's `-show_format -show_streams` JSON that is read. */
export interface FfprobeStream {
  index?: number;
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  pix_fmt?: string;
  bits_per_raw_sample?: string;
  color_range?: string;
  color_space?: string;
  color_transfer?: string;
  color_primaries?: string;
  field_order?: string;
  channels?: number;
  sample_rate?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: { side_data_type?: string; rotation?: number }[];
}

export interface FfprobeOutput {
  format?: { format_name?: string; duration?: string; size?: string };
  streams?: FfprobeStream[];
}

export interface VideoProbe {
  /** The container's demuxer, passed to every later ffmpeg call so nothing is re-detected. */
  demuxer: Demuxer;
  /** Seconds. */
  duration: number;
  sizeBytes: number;
  /** Every stream in the file, of any kind. */
  streamCount: number;
  video: {
    codec: string;
    profile?: string;
    /** As stored (before rotation). */
    width: number;
    height: number;
    /** As shown: sample aspect ratio applied, then swapped for 90/270 rotation. */
    displayWidth: number;
    displayHeight: number;
    /** Clockwise degrees to turn the stored picture to show it upright: 0, 90, 180 or 270. */
    rotation: number;
    /** e.g. '1:1', '16:15'. */
    sampleAspectRatio: string;
    frameRate: number;
    pixelFormat: string;
    bitDepth: number;
    /** ffprobe's names, 'unknown' when the stream does not say: `smpte2084` (HDR10), `arib-std-b67` (HLG), `bt709`. */
    colorTransfer: string;
    colorPrimaries: string;
    /** The YCbCr matrix: `bt709`, `bt2020nc`, `smpte170m`. */
    colorSpace: string;
    /** `tv` (limited) or `pc` (full). */
    colorRange: string;
    /** `progressive`, or interlaced as `tt`, `bb`, `tb`, `bt` (coded then displayed field first). */
    fieldOrder: string;
  };
  audio: { codec: string; channels: number; sampleRate: number } | null;
  /** Subtitle streams in file order, as their tags describe them. */
  subtitles: SubtitleStream[];
}

export interface SubtitleStream {
  /** The stream's index in the file (`-map 0:<index>`). */
  index: number;
  codec: string;
  /** The `language` tag as written (often ISO 639-2, `eng`), null when absent. */
  language: string | null;
  title: string | null;
}

/** Snaps any angle to 0, 90, 180 or 270. */
function quarterTurns(degrees: number): number {
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}

/**
 * Clockwise rotation, the convention of the old `rotate` tag. The display matrix's `rotation`
 * is counter-clockwise (av_display_rotation_get), hence the minus.
 */
function rotationOf(stream: FfprobeStream): number {
  const matrix = stream.side_data_list?.find((d) => d.side_data_type === 'Display Matrix' && typeof d.rotation === 'number');
  if (matrix?.rotation !== undefined) return quarterTurns(-matrix.rotation);
  const tag = Number(stream.tags?.['rotate']);
  return Number.isFinite(tag) ? quarterTurns(tag) : 0;
}

function bitDepthOf(stream: FfprobeStream): number {
  const fromFormat = /p(\d+)(?:le|be)$/.exec(stream.pix_fmt ?? '');
  if (fromFormat) return Number(fromFormat[1]);
  const raw = Number(stream.bits_per_raw_sample);
  return Number.isInteger(raw) && raw > 0 ? raw : 8;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

export const UNSUPPORTED_CONTAINER =
  'The file is not in a video container this server accepts (MP4/MOV, Matroska/WebM, AVI, MPEG-TS, FLV or Ogg); playlists, image sequences and other formats are refused.';

/**
 * Reads what the pipeline needs from ffprobe's JSON, rejecting files it cannot turn into a
 * stream with a message the uploader can act on.
 */
export function parseProbe(output: FfprobeOutput): VideoProbe {
  const demuxer = allowedDemuxer(output.format?.format_name ?? '');
  if (!demuxer) throw new ProcessingError(ProcessingFailure.UnsupportedContainer, UNSUPPORTED_CONTAINER);
  const streams = output.streams ?? [];
  // cover art in audio files is a one-picture "video" stream
  const video = streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  if (!video) {
    const kinds = [...new Set(streams.map((s) => (s.disposition?.attached_pic === 1 ? 'cover art' : (s.codec_type ?? 'unknown'))))];
    const has = kinds.length > 0 ? ` (it only has ${kinds.join(' and ')})` : '';
    throw new ProcessingError(ProcessingFailure.NoVideoStream, `The file has no video stream${has}; upload a video file.`);
  }
  const width = video.width ?? 0;
  const height = video.height ?? 0;
  if (width <= 0 || height <= 0) {
    throw new ProcessingError(ProcessingFailure.UnreadableContainer, 'The video stream has no picture size; the file may be damaged.');
  }
  const frameRate = parseRatio(video.avg_frame_rate) ?? parseRatio(video.r_frame_rate);
  if (frameRate === null) {
    throw new ProcessingError(ProcessingFailure.ZeroFrameRate, 'The video declares no frame rate (zero or missing), so it cannot be segmented.');
  }
  const duration = parseRatio(output.format?.duration) ?? parseRatio(video.duration);
  if (duration === null) {
    throw new ProcessingError(
      ProcessingFailure.TruncatedFile,
      'The length of the video cannot be determined; the file may be truncated or an unfinished recording.',
    );
  }

  const sar = parseRatio(video.sample_aspect_ratio) ?? 1;
  const rotation = rotationOf(video);
  const shownWidth = Math.round(width * sar);
  const sideways = rotation === 90 || rotation === 270;
  const audio = streams.find((s) => s.codec_type === 'audio');
  return {
    demuxer,
    duration: round3(duration),
    sizeBytes: Number(output.format?.size ?? 0),
    streamCount: streams.length,
    video: {
      codec: video.codec_name ?? 'unknown',
      ...(video.profile ? { profile: video.profile } : {}),
      width,
      height,
      displayWidth: sideways ? height : shownWidth,
      displayHeight: sideways ? shownWidth : height,
      rotation,
      sampleAspectRatio: sar === 1 ? '1:1' : (video.sample_aspect_ratio as string),
      frameRate: round3(frameRate),
      pixelFormat: video.pix_fmt ?? 'unknown',
      bitDepth: bitDepthOf(video),
      colorTransfer: video.color_transfer ?? 'unknown',
      colorPrimaries: video.color_primaries ?? 'unknown',
      colorSpace: video.color_space ?? 'unknown',
      colorRange: video.color_range ?? 'unknown',
      fieldOrder: video.field_order ?? 'unknown',
    },
    audio: audio
      ? { codec: audio.codec_name ?? 'unknown', channels: audio.channels ?? 0, sampleRate: Number(audio.sample_rate ?? 0) }
      : null,
    subtitles: streams
      .filter((s) => s.codec_type === 'subtitle' && typeof s.index === 'number')
      .map((s) => ({ index: s.index as number, codec: s.codec_name ?? 'unknown', language: s.tags?.['language'] ?? null, title: s.tags?.['title'] ?? null })),
  };
}
