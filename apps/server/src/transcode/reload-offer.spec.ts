import { offersBlockingReload } from './reload-offer';

describe('offersBlockingReload', () => {
  it.each([
    ['4 s segments, no speed reported yet', 4, null, true],
    ['4 s segments at 1.2 times real time', 4, 1.2, true],
    ['4 s segments at 0.7 times real time: 5.7 s a segment', 4, 0.7, true],
    ['4 s segments at 0.6 times real time: 6.7 s a segment', 4, 0.6, false],
    ['6 s segments at real time', 6, 1, true],
    ['6 s segments, no speed reported yet', 6, null, true],
    ['10 s segments at 1.5 times real time', 10, 1.5, false],
    ['10 s segments at 1.7 times real time', 10, 1.7, true],
    ['30 s segments, no speed reported yet', 30, null, false],
    ['an encode that reports speed 0 (stalled)', 4, 0, false],
  ])('%s', (_name, segmentDuration, speed, expected) => {
    expect(offersBlockingReload(segmentDuration, speed)).toBe(expected);
  });
});
