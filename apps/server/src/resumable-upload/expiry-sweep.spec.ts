import { sweepIntervalMs } from './expiry-sweep';

describe('sweepIntervalMs', () => {
  it.each([
    ['the default day', 24 * 3600_000, 15 * 60_000],
    ['an hour', 3600_000, 15 * 60_000],
    ['ten minutes', 600_000, 150_000],
    ['two seconds (tests)', 2000, 1000],
    ['one second', 1000, 1000],
  ])('sweeps an expiry of %s every %d ms', (_name, expiry, interval) => {
    expect(sweepIntervalMs(expiry)).toBe(interval);
  });
});
