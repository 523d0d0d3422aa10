/** Domain errors: thrown where they happen, mapped to GraphQL errors in one place (graphql-error.formatter.ts). */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  ProcessingFailed = 'PROCESSING_FAILED',
  InsufficientStorage = 'INSUFFICIENT_STORAGE',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
}

/** Bad input from a client; `field` names the argument or input field at fault. */
export class ValidationError extends DomainError {
  readonly code = ErrorCode.BadUserInput;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NotFound;
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The server's disk is (nearly) full: not the uploader's fault, and worth retrying later. */
export class StorageFullError extends DomainError {
  readonly code = ErrorCode.InsufficientStorage;
  constructor(message = STORAGE_FULL_MESSAGE) {
    super(message);
    this.name = 'StorageFullError';
  }
}

/** A service the server depends on (`database`, `redis`) does not answer: nothing was kept, worth retrying shortly. */
export class ServiceUnavailableError extends DomainError {
  readonly code = ErrorCode.ServiceUnavailable;
  constructor(
    readonly dependency: string,
    message = `The ${dependency} is unavailable right now; nothing was changed. Try again shortly.`,
  ) {
    super(message);
    this.name = 'ServiceUnavailableError';
  }
}

export const STORAGE_FULL_MESSAGE = 'The server is out of storage space; nothing was kept. Try again later.';

/** Whether an error is the file system saying the disk is full. */
export const isDiskFull = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'ENOSPC';

/** Why a media file could not be processed, in terms a user can act on. */
export enum ProcessingFailure {
  NoVideoStream = 'NO_VIDEO_STREAM',
  UnreadableContainer = 'UNREADABLE_CONTAINER',
  UnsupportedContainer = 'UNSUPPORTED_CONTAINER',
  ZeroFrameRate = 'ZERO_FRAME_RATE',
  TruncatedFile = 'TRUNCATED_FILE',
  StorageFull = 'STORAGE_FULL',
  TooLarge = 'TOO_LARGE',
  EncoderFailed = 'ENCODER_FAILED',
  Timeout = 'TIMEOUT',
  Cancelled = 'CANCELLED',
}

/** A failed probe or transcode: `message` is for the user, `stderrTail` keeps ffmpeg's last words. */
export class ProcessingError extends DomainError {
  readonly code = ErrorCode.ProcessingFailed;
  constructor(
    readonly failure: ProcessingFailure,
    message: string,
    readonly stderrTail = '',
  ) {
    super(message);
    this.name = 'ProcessingError';
  }
}
