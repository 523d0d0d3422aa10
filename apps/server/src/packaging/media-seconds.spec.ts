import { mediaSeconds } from './media-seconds';

describe('mediaSeconds', () => {
  it.each([
    ['no segments', [], 0],
    ['the lead-in and a full segment', [1, 1, 2, 4], 8],
    ['frame-timed segments', [3.967, 4.004], 7.971],
  ])('%s', (_name, durations, seconds) => {
    expect(mediaSeconds(durations.map((duration) => ({ duration })))).toBeCloseTo(seconds, 9);
  });
});
