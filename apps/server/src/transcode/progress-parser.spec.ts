import { computeProgress, parseProgressBlock, progressLineReader } from './progress-parser';

describe('parseProgressBlock', () => {
  it.each([
    [
      'ffmpeg 5.1 with out_time_us',
      { frame: '75', out_time_us: '3000000', out_time_ms: '3000000', out_time: '00:00:03.000000', speed: '1.5x', progress: 'continue' },
      { outTimeSeconds: 3, speed: 1.5, done: false },
    ],
    [
      'the 2018 build: out_time_ms is really microseconds',
      { out_time_ms: '2410000', out_time: '00:00:02.410000', speed: '32.4x', progress: 'continue' },
      { outTimeSeconds: 2.41, speed: 32.4, done: false },
    ],
    ['only the clock form', { out_time: '01:02:03.500000', speed: ' 0.98x', progress: 'continue' }, { outTimeSeconds: 3723.5, speed: 0.98, done: false }],
    ['before the first frame', { out_time_us: 'N/A', out_time_ms: 'N/A', out_time: 'N/A', speed: 'N/A', progress: 'continue' }, { outTimeSeconds: null, speed: null, done: false }],
    ['a negative start time', { out_time_ms: '-9223372036854775807', out_time: '-2562047788:00:54.775807', speed: '0x', progress: 'continue' }, { outTimeSeconds: null, speed: null, done: false }],
    ['the last block', { out_time_us: '6000000', speed: '26.3x', progress: 'end' }, { outTimeSeconds: 6, speed: 26.3, done: true }],
  ])('%s', (_name, fields, expected) => {
    expect(parseProgressBlock(fields)).toEqual(expected);
  });
});

describe('progressLineReader', () => {
  it('emits one sample per block, ignoring blank and malformed lines', () => {
    const samples: unknown[] = [];
    const feed = progressLineReader((s) => samples.push(s));
    for (const line of ['frame=10', 'out_time_ms=400000', 'speed=2x', 'progress=continue', '', 'garbage', 'out_time_ms=800000', 'speed=N/A', 'progress=end']) feed(line);
    expect(samples).toEqual([
      { outTimeSeconds: 0.4, speed: 2, done: false },
      { outTimeSeconds: 0.8, speed: null, done: true },
    ]);
  });
});

describe('computeProgress', () => {
  it.each([
    ['a third of the way at 2x', 2, 6, 2, { percent: 33.3, etaSeconds: 2 }],
    ['nothing yet', null, 6, null, { percent: 0, etaSeconds: null }],
    ['unknown speed', 3, 6, null, { percent: 50, etaSeconds: null }],
    ['past the probed duration clamps at 100', 6.04, 6, 3, { percent: 100, etaSeconds: 0 }],
    ['a negative position clamps at 0', -1, 6, 1, { percent: 0, etaSeconds: 6 }],
    ['an unknown duration', 5, 0, 1, { percent: 0, etaSeconds: null }],
    ['slower than real time', 60, 3600, 0.5, { percent: 1.7, etaSeconds: 7080 }],
  ])('%s', (_name, outTime, duration, speed, expected) => {
    expect(computeProgress(outTime, duration, speed)).toEqual(expected);
  });
});
