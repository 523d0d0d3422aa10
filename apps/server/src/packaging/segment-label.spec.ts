import { segmentLabel } from './segment-label';

describe('segmentLabel', () => {
  it.each([
    [0, 0, 4, 'Segment 1 (0:00–0:04)'],
    [1, 4.004, 4.004, 'Segment 2 (0:04–0:08)'],
    [2, 8.008, 1.96, 'Segment 3 (0:08–0:10)'],
    [15, 60, 4, 'Segment 16 (1:00–1:04)'],
    [930, 3720, 5.4, 'Segment 931 (1:02:00–1:02:05)'],
  ])('segment #%i starting at %d s lasting %d s → %s', (index, start, duration, expected) => {
    expect(segmentLabel(index, start, duration)).toBe(expected);
  });
});
