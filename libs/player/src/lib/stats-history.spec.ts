import { appendSample, StatsSample } from './stats-history';

const at = (t: number): StatsSample => ({ t, throughputBps: 1e6, chosenBitrate: 8e5, bufferSeconds: 4, reason: 'throughput' });

describe('appendSample', () => {
  it.each([
    ['the first sample', [], 0, [0]],
    ['a sample within the window', [0, 1, 2], 3, [0, 1, 2, 3]],
    ['a sample that pushes the oldest out', [0, 1, 59], 60, [1, 59, 60]],
    ['a jump after a pause keeps only what is recent', [0, 1, 2], 100, [100]],
  ])('%s', (_name, times, next, expected) => {
    expect(appendSample(times.map(at), at(next)).map((s) => s.t)).toEqual(expected);
  });
});
