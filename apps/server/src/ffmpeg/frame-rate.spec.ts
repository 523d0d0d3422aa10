import { outputFrameRate, parseRatio } from './frame-rate';

describe('parseRatio', () => {
  it.each([
    ['30000/1001', 30000 / 1001],
    ['25/1', 25],
    ['64:45', 64 / 45],
    ['12.012000', 12.012],
    ['25', 25],
    ['0/0', null],
    ['0/1', null],
    ['N/A', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (value, expected) => {
    expect(parseRatio(value)).toBe(expected);
  });
});

describe('outputFrameRate', () => {
  it.each([
    [25, '25'],
    [30, '30'],
    [23.976, '24000/1001'],
    [29.97, '30000/1001'],
    [59.94, '60000/1001'],
    [24.5, '24.5'],
    [29.897, '29.897'],
    [119.88, '60000/1001'],
    [240, '60'],
    [50, '50'],
  ])('%d fps → %s', (rate, expected) => {
    expect(outputFrameRate(rate)).toBe(expected);
  });
});
