import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ProcessingError, ProcessingFailure } from '../errors/domain-error';
import { codecString, ProbedCodecStream } from './codec-string';
import { FfmpegBinaries } from './ffmpeg-binaries';
import { codecDetailsArgs, probeArgs } from './ffprobe-args';
import { ensureSucceeded, runFailure } from './process-failure';
import { FfprobeOutput, parseProbe, VideoProbe } from './probe-parser';
import { ProcessRunner } from './process-runner';
import { sourceLimitViolation } from './source-limits';

/** ffprobe reads headers only, so even a large file answers quickly; a hang means something is wrong. */
const PROBE_TIMEOUT_MS = 60_000;

/** What an encoded rendition really holds, read from its init segment. */
export interface CodecDetails {
  /** RFC 6381, video then audio: `avc1.64001f,mp4a.40.2`. */
  codecs: string;
  width: number | null;
  height: number | null;
}

/** ffprobe as the server uses it: anything unusable or too large becomes a ProcessingError the uploader can read. */
@Injectable()
export class MediaProbe {
  constructor(
    private readonly binaries: FfmpegBinaries,
    private readonly runner: ProcessRunner,
    private readonly config: AppConfig,
  ) {}

  async probe(absPath: string, signal?: AbortSignal): Promise<VideoProbe> {
    const result = await this.runner.run(this.binaries.ffprobe.path, probeArgs(absPath), { timeoutMs: PROBE_TIMEOUT_MS, signal });
    const output = parseJson<FfprobeOutput>(result.stdout);
    const failed = runFailure(result, 'Probing', 'Reading the file took too long; it may be damaged.');
    // ffprobe only reads, so an "encoder" failure here really means it could not read the file
    if (failed && failed.failure !== ProcessingFailure.EncoderFailed) throw failed;
    if (failed || !output?.format) {
      throw new ProcessingError(ProcessingFailure.UnreadableContainer, 'The file could not be read as a video.', result.stderrTail);
    }
    let probe: VideoProbe;
    try {
      probe = parseProbe(output);
    } catch (error) {
      if (error instanceof ProcessingError) throw new ProcessingError(error.failure, error.message, result.stderrTail);
      throw error;
    }
    const tooLarge = sourceLimitViolation(probe, { maxDurationSeconds: this.config.MAX_DURATION_SECONDS, maxPixels: this.config.MAX_SOURCE_PIXELS });
    if (tooLarge) throw new ProcessingError(ProcessingFailure.TooLarge, tooLarge);
    return probe;
  }

  /** The codecs (with profile and level) and picture size of an encoded init segment. */
  async codecDetails(initSegmentPath: string, signal?: AbortSignal): Promise<CodecDetails> {
    const result = await this.runner.run(this.binaries.ffprobe.path, codecDetailsArgs(initSegmentPath), { timeoutMs: PROBE_TIMEOUT_MS, signal });
    ensureSucceeded(result, 'Reading the encoded stream');
    const streams = parseJson<{ streams?: (ProbedCodecStream & { width?: number; height?: number })[] }>(result.stdout)?.streams ?? [];
    const video = streams.find((s) => s.codec_type === 'video');
    return { codecs: codecString(streams), width: video?.width ?? null, height: video?.height ?? null };
  }
}

function parseJson<T>(text: string): T | null {
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
