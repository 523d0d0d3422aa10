import { ProcessingError, ProcessingFailure } from '../errors/domain-error';
import { isRetryable } from './retry-policy';

describe('isRetryable', () => {
  it.each<[string, unknown, boolean]>([
    ['a file with no video stream', new ProcessingError(ProcessingFailure.NoVideoStream, 'no video'), false],
    ['an unreadable container', new ProcessingError(ProcessingFailure.UnreadableContainer, 'unreadable'), false],
    ['an unsupported container', new ProcessingError(ProcessingFailure.UnsupportedContainer, 'unsupported'), false],
    ['a zero frame rate', new ProcessingError(ProcessingFailure.ZeroFrameRate, 'zero'), false],
    ['a truncated file', new ProcessingError(ProcessingFailure.TruncatedFile, 'truncated'), false],
    ['a source above the limits', new ProcessingError(ProcessingFailure.TooLarge, 'too large'), false],
    ['a full disk', new ProcessingError(ProcessingFailure.StorageFull, 'full'), true],
    ['an encoder crash', new ProcessingError(ProcessingFailure.EncoderFailed, 'crashed'), true],
    ['a stuck encoder', new ProcessingError(ProcessingFailure.Timeout, 'stuck'), true],
    ['an internal error', new Error('EIO'), true],
  ])('%s → %s', (_name, error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});
