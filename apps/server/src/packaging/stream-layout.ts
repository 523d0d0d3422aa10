/**
 * The names of what a finished playlist folder holds, in one place: ffmpeg is told to write them,
 * the manifests address them, and the pipeline publishes them.
 */
export const STREAM_DIR = 'stream';
/**
 * Each run of a job publishes into a folder of its own, recorded in the manifest: segment URLs
 * are immutable (cached for a year), and a retry re-encodes segments of the same names.
 */
export const attemptStreamDir = (run: string): string => `${STREAM_DIR}/${run}`;
export const MASTER_PLAYLIST = 'master.m3u8';
export const DASH_MANIFEST = 'manifest.mpd';
export const POSTER = 'poster.jpg';
/** Inside the stream folder: a WebVTT file and its HLS media playlist per caption language. */
export const CAPTIONS_DIR = 'captions';
/** File names are the lower-cased language tag, which language-tag.ts keeps to letters, digits and `-`. */
export const captionFiles = (language: string) => {
  const name = `${CAPTIONS_DIR}/${language.toLowerCase()}`;
  return { vtt: `${name}.vtt`, playlist: `${name}.m3u8` };
};

/** Inside each rung's folder (named by the rung label). */
export const RUNG_PLAYLIST = 'playlist.m3u8';
/** ffmpeg's own playlist beside ours: hidden, so never served; the pipeline publishes from it. */
export const ENCODER_PLAYLIST = '.encoder.m3u8';
export const INIT_SEGMENT = 'init.mp4';

const SEGMENT_DIGITS = 5;
/** `segment_00042.m4s`: the 42nd media segment, numbered from 0. */
export const segmentName = (index: number): string => `segment_${String(index).padStart(SEGMENT_DIGITS, '0')}.m4s`;
/** The same names as ffmpeg's `-hls_segment_filename` pattern … */
export const SEGMENT_FFMPEG_PATTERN = `segment_%0${SEGMENT_DIGITS}d.m4s`;
/** … and as a DASH SegmentTemplate `media` pattern. */
export const SEGMENT_DASH_TEMPLATE = `segment_$Number%0${SEGMENT_DIGITS}d$.m4s`;
