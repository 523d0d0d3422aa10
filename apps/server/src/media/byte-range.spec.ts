import { ByteRange, parseByteRange } from './byte-range';

const full: ByteRange = { kind: 'none' };
const unsatisfiable: ByteRange = { kind: 'unsatisfiable' };
const partial = (start: number, end: number): ByteRange => ({ kind: 'partial', start, end });

describe('parseByteRange', () => {
  it.each<[string | undefined, number, ByteRange]>([
    // no header, or one we ignore: the whole file
    [undefined, 1000, full],
    ['', 1000, full],
    ['bytes=', 1000, full],
    ['bytes=-', 1000, full],
    ['bytes=abc', 1000, full],
    ['bytes=1-a', 1000, full],
    ['bytes=0x10-20', 1000, full],
    ['bytes=-1-2', 1000, full],
    ['bytes=+5-10', 1000, full],
    ['items=0-99', 1000, full],
    ['0-99', 1000, full],
    ['bytes=200-100', 1000, full],
    ['bytes=0-1,5-6', 1000, full],
    ['bytes=0-99,', 1000, full],
    ['bytes=0-99', 0, full],
    ['bytes=-5', 0, full],
    // single ranges
    ['bytes=0-99', 1000, partial(0, 99)],
    ['bytes=0-0', 1000, partial(0, 0)],
    ['bytes=999-999', 1000, partial(999, 999)],
    ['BYTES=0-99', 1000, partial(0, 99)],
    ['bytes = 10-19 ', 1000, partial(10, 19)],
    // the end is clamped to the last byte
    ['bytes=0-5000', 1000, partial(0, 999)],
    ['bytes=900-99999999999999999999999', 1000, partial(900, 999)],
    // open ranges
    ['bytes=100-', 1000, partial(100, 999)],
    ['bytes=0-', 1, partial(0, 0)],
    // suffix ranges: the last n bytes, all of them when n exceeds the size
    ['bytes=-50', 1000, partial(950, 999)],
    ['bytes=-1000', 1000, partial(0, 999)],
    ['bytes=-5000', 1000, partial(0, 999)],
    // nothing of the file overlaps the range
    ['bytes=1000-', 1000, unsatisfiable],
    ['bytes=1000-2000', 1000, unsatisfiable],
    ['bytes=99999999999999999999999-', 1000, unsatisfiable],
    ['bytes=-0', 1000, unsatisfiable],
  ])('reads %j against %i bytes', (header, size, expected) => {
    expect(parseByteRange(header, size)).toEqual(expected);
  });
});
