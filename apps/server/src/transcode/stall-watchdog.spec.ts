import { StallWatchdog } from './stall-watchdog';

describe('StallWatchdog', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it.each([
    ['an encoder moving forward', [0.5, 1, 1.5, 2], 400, false],
    ['an encoder repeating the same time', [1, 1, 1, 1], 400, true],
    ['an encoder going backwards', [3, 2, 1, 0], 400, true],
  ])('%s', (_name, reports, everyMs, aborted) => {
    const watchdog = new StallWatchdog(1000);
    for (const seconds of reports) {
      jest.advanceTimersByTime(everyMs);
      watchdog.saw(seconds);
    }
    jest.advanceTimersByTime(999);
    expect(watchdog.signal.aborted).toBe(aborted);
    watchdog.stop();
  });

  it('stops an encoder that never reports once stallMs have passed', () => {
    const watchdog = new StallWatchdog(1000);
    jest.advanceTimersByTime(999);
    expect(watchdog.signal.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    expect(watchdog.signal.aborted).toBe(true);
  });

  it('never fires once stopped', () => {
    const watchdog = new StallWatchdog(1000);
    watchdog.stop();
    jest.advanceTimersByTime(5000);
    expect(watchdog.signal.aborted).toBe(false);
  });
});
