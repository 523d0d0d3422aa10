import { Link, rotateTrace, scaleTrace, Trace, traceSeconds } from './trace';

// 2 s at 1 Mbit/s (50 ms latency), 1 s with nothing, 1 s at 4 Mbit/s (100 ms): 6 Mbit per 4 s loop
const TRACE: Trace = {
  name: 'steps',
  pieces: [
    { seconds: 2, bps: 1e6, latencyMs: 50 },
    { seconds: 1, bps: 0, latencyMs: 50 },
    { seconds: 1, bps: 4e6, latencyMs: 100 },
  ],
};

describe('Link', () => {
  const link = new Link(TRACE);

  it.each([
    [0, 0],
    [1, 1e6],
    [2.5, 2e6],
    [3.5, 4e6],
    [4, 6e6],
    [9, 13e6],
  ])('has delivered, by %p s, %p bits', (at, bits) => {
    expect(link.bitsBy(at)).toBeCloseTo(bits, 3);
  });

  it.each([
    ['within a piece', 0, 1e6, 1],
    ['across the silent second', 1.5, 1e6, 3.125],
    ['from inside the silence', 2.5, 2e6, 3.5],
    ['into the next loop', 3, 6e6, 6],
    ['exactly to the end of a loop', 0, 6e6, 4],
    ['nothing at all', 2.2, 0, 2.2],
  ])('delivers bits %s', (_name, from, bits, at) => {
    expect(link.finishTime(from, bits)).toBeCloseTo(at, 6);
  });

  it.each([
    [0, 50],
    [3.2, 100],
    [7.5, 100],
    [8.1, 50],
  ])('at %p s answers with a latency of %p ms', (at, ms) => {
    expect(link.latencyMs(at)).toBe(ms);
  });

  it.each<[string, Trace]>([
    [
      'a trace that carries nothing',
      { name: 'dead', pieces: [{ seconds: 1, bps: 0, latencyMs: 0 }] },
    ],
    [
      'a piece without duration',
      { name: 'bad', pieces: [{ seconds: 0, bps: 1e6, latencyMs: 0 }] },
    ],
  ])('refuses %s', (_name, trace) => {
    expect(() => new Link(trace)).toThrow();
  });

  it('scales throughput and keeps latency', () => {
    expect(scaleTrace(TRACE, 8).pieces[0]).toEqual({
      seconds: 2,
      bps: 125_000,
      latencyMs: 50,
    });
  });
});

describe('rotateTrace', () => {
  it.each<[string, number, [number, number][]]>([
    ['from the start: the trace itself', 0, [[2, 1e6], [1, 0], [1, 4e6]]],
    ['from a piece boundary', 2, [[1, 0], [1, 4e6], [2, 1e6]]],
    ['from inside a piece: split in two', 0.5, [[1.5, 1e6], [1, 0], [1, 4e6], [0.5, 1e6]]],
    ['from inside the last piece', 3.25, [[0.75, 4e6], [2, 1e6], [1, 0], [0.25, 4e6]]],
  ])('%s', (_name, offset, pieces) => {
    const rotated = rotateTrace(TRACE, offset);
    expect(rotated.pieces.map((p) => [p.seconds, p.bps])).toEqual(pieces);
    expect(traceSeconds(rotated)).toBe(4);
    expect(rotated.name).toBe(offset ? `steps@${offset}s` : 'steps');
  });

  it('refuses an offset past the end', () => {
    expect(() => rotateTrace(TRACE, 4)).toThrow();
  });
});
