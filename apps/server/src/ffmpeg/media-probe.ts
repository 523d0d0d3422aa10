import { Injectable } from '@nestjs/common';
import { ProcessingError, ProcessingFailure } from '../errors/domain-error';
import { diagnoseFailure } from './failure-diagnosis';
import { FfmpegBinaries } from './ffmpeg-binaries';
import { probeArgs } from './ffprobe-args';
import { FfprobeOutput, parseProbe, VideoProbe } from './probe-parser';
import { ProcessRunner } from './process-runner';

/** ffprobe reads headers only, so even a large file answers quickly; a hang means something is wrong. */
const PROBE_TIMEOUT_MS = 60_000;

/** Probes a stored file, turning anything unusable into a ProcessingError the uploader can read. */
@Injectable()
export class MediaProbe {
  constructor(
    private readonly binaries: FfmpegBinaries,
    private readonly runner: ProcessRunner,
  ) {}

  async probe(absPath: string, signal?: AbortSignal): Promise<VideoProbe> {
    const result = await this.runner.run(this.binaries.ffprobe.path, probeArgs(absPath), { timeoutMs: PROBE_TIMEOUT_MS, signal });
    if (result.aborted) throw new ProcessingError(ProcessingFailure.Cancelled, 'Probing was cancelled.');
    if (result.timedOut) {
      throw new ProcessingError(ProcessingFailure.Timeout, 'Reading the file took too long; it may be damaged.', result.stderrTail);
    }
    let output: FfprobeOutput | null = null;
    try {
      output = JSON.parse(result.stdout) as FfprobeOutput;
    } catch {
      output = null;
    }
    if (result.exitCode !== 0 || !output?.format) {
      const { failure, message } = diagnoseFailure(result.stderrTail, result);
      // ffprobe only reads, so an "encoder" failure here really means it could not read the file
      const readFailure = failure === ProcessingFailure.EncoderFailed ? ProcessingFailure.UnreadableContainer : failure;
      const readMessage = failure === ProcessingFailure.EncoderFailed ? 'The file could not be read as a video.' : message;
      throw new ProcessingError(readFailure, readMessage, result.stderrTail);
    }
    try {
      return parseProbe(output);
    } catch (error) {
      if (error instanceof ProcessingError) throw new ProcessingError(error.failure, error.message, result.stderrTail);
      throw error;
    }
  }
}
