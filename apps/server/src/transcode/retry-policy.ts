import { ProcessingError, ProcessingFailure } from '../errors/domain-error';

/** What the file itself is: another run of the same source fails the same way. */
const ABOUT_THE_FILE: readonly ProcessingFailure[] = [
  ProcessingFailure.NoVideoStream,
  ProcessingFailure.UnreadableContainer,
  ProcessingFailure.UnsupportedContainer,
  ProcessingFailure.ZeroFrameRate,
  ProcessingFailure.TruncatedFile,
  ProcessingFailure.TooLarge,
];

/** Whether another run of a failed job may succeed: anything but a fault of the file (a full disk, a stuck or crashed encoder, our own errors). */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof ProcessingError && ABOUT_THE_FILE.includes(error.failure));
}
