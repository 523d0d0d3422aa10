import { MAX_RETRY_DELAY_MS, retryDelayMs } from './retry-schedule';

const policy = { baseMs: 1000, maxAttempts: 5 };

describe('retryDelayMs', () => {
  it.each<[number, number, number | null]>([
    [1, 0.5, 1000],
    [2, 0.5, 2000],
    [3, 0.5, 4000],
    [4, 0.5, 8000],
    [1, 0, 800],
    [1, 0.999999, 1200],
    [4, 0, 6400],
    [5, 0.5, null],
    [9, 0.5, null],
  ])('after attempt %d (random %d) waits %s ms', (attempt, random, expected) => {
    expect(retryDelayMs(attempt, policy, random)).toBe(expected);
  });

  it('caps a wait at six hours', () => {
    expect(retryDelayMs(20, { baseMs: 60_000, maxAttempts: 30 }, 0.5)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('never retries when one attempt is allowed', () => {
    expect(retryDelayMs(1, { baseMs: 1000, maxAttempts: 1 }, 0.5)).toBeNull();
  });
});
