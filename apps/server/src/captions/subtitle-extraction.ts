import { MAX_CAPTIONS } from '../catalog/list-bounds';
import type { SkippedSubtitleRecord } from '../catalog/manifest';
import { Demuxer, inputArgs } from '../ffmpeg/input-args';
import type { SubtitleStream } from '../ffmpeg/probe-parser';
import { languageName, normalizeLanguageTag } from './language-tag';

/** Subtitle codecs ffmpeg can turn into WebVTT; picture-based ones (PGS, DVD, DVB) would need OCR. */
export const TEXT_SUBTITLE_CODECS: readonly string[] = ['mov_text', 'subrip', 'srt', 'webvtt', 'ass', 'ssa', 'text'];

export interface PlannedCaption {
  streamIndex: number;
  /** Unique among the planned captions. */
  language: string;
  label: string;
}

/**
 * Which subtitle streams become captions: text ones, labelled from their title tag or their
 * language's name. Captions are keyed by language, so a second track in a language already taken
 * gets a private-use subtag (`en-x-s3`, from its stream index) rather than being dropped.
 */
export function planSubtitleExtraction(streams: readonly SubtitleStream[]): { extract: PlannedCaption[]; skipped: SkippedSubtitleRecord[] } {
  const extract: PlannedCaption[] = [];
  const skipped: SkippedSubtitleRecord[] = [];
  const languages = new Set<string>();
  const labels = new Set<string>();
  for (const stream of streams) {
    const skip = (reason: string) => skipped.push({ stream_index: stream.index, codec: stream.codec, language: stream.language, reason });
    if (!TEXT_SUBTITLE_CODECS.includes(stream.codec)) {
      skip(`${stream.codec} subtitles are pictures, not text; they cannot be turned into WebVTT`);
      continue;
    }
    if (extract.length === MAX_CAPTIONS) {
      skip(`a playlist has at most ${MAX_CAPTIONS} captions`);
      continue;
    }
    const base = normalizeLanguageTag(stream.language ?? '') ?? 'und';
    const language = languages.has(base.toLowerCase()) ? `${base}-x-s${stream.index}` : base;
    let label = stream.title?.trim().replace(/["\r\n]/g, "'") || languageName(base);
    if (labels.has(label)) label = `${label} (track ${stream.index})`;
    languages.add(language.toLowerCase());
    labels.add(label);
    extract.push({ streamIndex: stream.index, language, label: [...label].slice(0, 64).join('') });
  }
  return { extract, skipped };
}

export interface SubtitleExtractJob {
  inputPath: string;
  demuxer: Demuxer;
  outputs: readonly { streamIndex: number; outputPath: string }[];
}

/** One pass over the source writing each chosen subtitle stream as a WebVTT file; nothing is decoded but the subtitles. */
export function buildSubtitleExtractArgs(job: SubtitleExtractJob): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-y', '-loglevel', 'error'],
    ...inputArgs(job.inputPath, job.demuxer),
    ...job.outputs.flatMap((o) => ['-map', `0:${o.streamIndex}`, '-c:s', 'webvtt', '-map_metadata', '-1', '-f', 'webvtt', o.outputPath]),
  ];
}
