import { SEGMENT_DASH_TEMPLATE, SEGMENT_FFMPEG_PATTERN, segmentName } from './stream-layout';

// The three spellings of a segment's name must agree, or the MPD addresses files ffmpeg never wrote.
describe('segment names', () => {
  it.each([0, 7, 42, 99_999])('segment %d is named alike by ffmpeg, DASH and the pipeline', (n) => {
    const printf = (pattern: string) => pattern.replace(/%05d/, String(n).padStart(5, '0'));
    expect(printf(SEGMENT_FFMPEG_PATTERN)).toBe(segmentName(n));
    expect(printf(SEGMENT_DASH_TEMPLATE.replace('$Number', '').replace('$', ''))).toBe(segmentName(n));
  });
});
