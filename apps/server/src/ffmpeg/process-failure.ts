import { ProcessingError, ProcessingFailure } from '../errors/domain-error';
import { diagnoseFailure } from './failure-diagnosis';
import type { RunResult } from './process-runner';

/**
 * The one reading of a finished ffmpeg/ffprobe run: null when it succeeded, else the error the
 * uploader sees. `step` names the work in their words ("Encoding", "Probing").
 */
export function runFailure(result: RunResult, step: string, timeoutMessage?: string): ProcessingError | null {
  if (result.aborted) return new ProcessingError(ProcessingFailure.Cancelled, `${step} was cancelled.`, result.stderrTail);
  if (result.timedOut) {
    const message = timeoutMessage ?? `${step} took too long and was stopped; the source is kept so it can be retried.`;
    return new ProcessingError(ProcessingFailure.Timeout, message, result.stderrTail);
  }
  if (result.exitCode !== 0) {
    const { failure, message } = diagnoseFailure(result.stderrTail, result);
    return new ProcessingError(failure, message, result.stderrTail);
  }
  return null;
}

/** Throws what `runFailure` finds. */
export function ensureSucceeded(result: RunResult, step: string): void {
  const failure = runFailure(result, step);
  if (failure) throw failure;
}
