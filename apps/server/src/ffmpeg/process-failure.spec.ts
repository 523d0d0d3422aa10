import { ProcessingFailure } from '../errors/domain-error';
import { runFailure } from './process-failure';
import type { RunResult } from './process-runner';

const run = (overrides: Partial<RunResult>): RunResult => ({
  stdout: '',
  stderrTail: '',
  exitCode: 0,
  signal: null,
  timedOut: false,
  aborted: false,
  ...overrides,
});

describe('runFailure', () => {
  it.each([
    ['a clean exit is no failure', run({}), undefined, null, null],
    ['a cancelled run (killed because of the abort) is Cancelled', run({ aborted: true, exitCode: null, signal: 'SIGKILL' }), undefined, ProcessingFailure.Cancelled, 'Encoding was cancelled.'],
    [
      'a timed-out run is Timeout, and the source is kept',
      run({ timedOut: true, exitCode: null, signal: 'SIGKILL' }),
      undefined,
      ProcessingFailure.Timeout,
      'Encoding took too long and was stopped; the source is kept so it can be retried.',
    ],
    ['a step may say what a timeout means for it', run({ timedOut: true }), 'Reading the file took too long.', ProcessingFailure.Timeout, 'Reading the file took too long.'],
    [
      'a failed exit is diagnosed from stderr',
      run({ exitCode: 1, stderrTail: 'moov atom not found' }),
      undefined,
      ProcessingFailure.TruncatedFile,
      expect.stringMatching(/^The file is truncated/),
    ],
  ])('%s', (_name, result, timeoutMessage, failure, message) => {
    const error = runFailure(result, 'Encoding', timeoutMessage);
    expect(error && { failure: error.failure, message: error.message }).toEqual(failure === null ? null : { failure, message });
  });

  it('keeps the stderr tail for the job record', () => {
    expect(runFailure(run({ exitCode: 1, stderrTail: 'boom' }), 'Encoding')?.stderrTail).toBe('boom');
  });
});
