import {
  DEFAULT_LATENCY_MS,
  detectTraceFormat,
  parseJsonTrace,
  parseMahimahiTrace,
  parseSecondsMbpsTrace,
} from './trace-formats';

describe('trace formats', () => {
  it('reads Sabre JSON', () => {
    const text =
      '[{"duration_ms": 1000, "bandwidth_kbps": 1500, "latency_ms": 20}, {"duration_ms": 500, "bandwidth_kbps": 0}]';
    expect(parseJsonTrace('t', text).pieces).toEqual([
      { seconds: 1, bps: 1_500_000, latencyMs: 20 },
      { seconds: 0.5, bps: 0, latencyMs: DEFAULT_LATENCY_MS },
    ]);
  });

  it('reads Mahimahi delivery opportunities per 100 ms window', () => {
    // three packets in the first window, none in the second, one in the third (the loop's end)
    const { pieces } = parseMahimahiTrace('t', '10\n20\n99\n300\n');
    expect(pieces.map((p) => p.bps)).toEqual([360_000, 0, 120_000]);
    expect(
      pieces.every(
        (p) => p.seconds === 0.1 && p.latencyMs === DEFAULT_LATENCY_MS,
      ),
    ).toBe(true);
  });

  it('reads "seconds Mbit/s" lines, the last lasting the usual step', () => {
    const { pieces } = parseSecondsMbpsTrace(
      't',
      '# cooked\n0 1.5\n1 2\n2.5 0.5\n',
    );
    expect(pieces).toEqual([
      { seconds: 1, bps: 1_500_000, latencyMs: DEFAULT_LATENCY_MS },
      { seconds: 1.5, bps: 2_000_000, latencyMs: DEFAULT_LATENCY_MS },
      { seconds: 1.5, bps: 500_000, latencyMs: DEFAULT_LATENCY_MS },
    ]);
  });

  it.each([
    ['a.json', '[]', 'json'],
    ['trace.up', '# mahimahi\n1\n1\n2\n', 'mahimahi'],
    ['trace_1.log', '0.0 1.2\n1.0 3.4\n', 'seconds-mbps'],
    ['notes.txt', 'hello world\n', null],
    ['empty.txt', '', null],
  ])('recognises %s', (name, text, format) => {
    expect(detectTraceFormat(name, text)).toBe(format);
  });

  it.each<[string, () => unknown]>([
    ['JSON that is not an array', () => parseJsonTrace('t', '{}')],
    [
      'a JSON entry without bandwidth',
      () => parseJsonTrace('t', '[{"duration_ms": 1}]'),
    ],
    [
      'a Mahimahi line that is not a time',
      () => parseMahimahiTrace('t', '1\nx\n'),
    ],
    ['times that go back', () => parseSecondsMbpsTrace('t', '1 2\n0 2\n')],
  ])('refuses %s', (_name, parse) => {
    expect(parse).toThrow();
  });
});
