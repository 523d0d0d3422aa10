import type { StatsSample } from '@cmm/player';
import { sessionExport, statsChart } from './stats-chart';

const sample = (t: number, throughputMbps: number | null, chosenMbps: number | null, bufferSeconds: number): StatsSample => ({
  t,
  throughputBps: throughputMbps === null ? null : throughputMbps * 1e6,
  chosenBitrate: chosenMbps === null ? null : chosenMbps * 1e6,
  bufferSeconds,
  reason: 'throughput',
});

describe('sessionExport', () => {
  it('saves every sample as JSON', () => {
    const history = [sample(1, 2, 1, 3), sample(2, 2.5, 1, 4)];
    expect(JSON.parse(sessionExport(history))).toEqual({ samples: history });
  });
});

describe('statsChart', () => {
  it('draws nothing before the first sample', () => {
    expect(statsChart([], 600, 100)).toEqual({ estimate: '', chosen: '', buffer: '', maxMbps: 1, maxBufferSeconds: 1 });
  });

  it.each([
    [
      'one minute: the newest sample at the right edge, the scales rounded up',
      [sample(30, 2, 1, 5), sample(90, 3.5, 2, 10)],
      { estimate: '0,50 600,12.5', chosen: '0,75 600,50', buffer: '0,50 600,0', maxMbps: 4, maxBufferSeconds: 10 },
    ],
    [
      'no estimate yet and no rung chosen: only the buffer line',
      [sample(1, null, null, 0), sample(2, null, null, 2)],
      { estimate: '', chosen: '', buffer: '590,100 600,0', maxMbps: 1, maxBufferSeconds: 2 },
    ],
  ])('%s', (_name, history, expected) => {
    expect(statsChart(history, 600, 100)).toEqual(expected);
  });
});
