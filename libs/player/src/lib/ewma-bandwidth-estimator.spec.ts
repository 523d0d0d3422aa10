import { EwmaBandwidthEstimator } from './ewma-bandwidth-estimator';

describe('EwmaBandwidthEstimator', () => {
  it('gives the default estimate and time to first byte before any sample', () => {
    const e = new EwmaBandwidthEstimator(700_000);
    expect(e.canEstimate()).toBe(false);
    expect(e.getEstimate()).toBe(700_000);
    expect(e.getEstimateTTFB()).toBe(100);
  });

  it.each([
    ['one 1 MB download in 1 s', [[1000, 1_000_000]], 8_000_000],
    [
      'steady 2 Mbps',
      [
        [1000, 250_000],
        [1000, 250_000],
        [1000, 250_000],
      ],
      2_000_000,
    ],
    ['5 MB in 1 ms, its time floored at 50 ms', [[1, 5_000_000]], 800_000_000],
    ['an empty download, ignored', [[1000, 0]], 500_000],
  ])('measures %s', (_name, samples, expected) => {
    const e = new EwmaBandwidthEstimator();
    for (const [ms, bytes] of samples) e.sample(ms, bytes);
    expect(e.getEstimate()).toBeCloseTo(expected, -3);
  });

  it('believes a drop faster than a rise', () => {
    const dropping = new EwmaBandwidthEstimator();
    const rising = new EwmaBandwidthEstimator();
    for (let i = 0; i < 10; i++) {
      dropping.sample(1000, 1_000_000);
      rising.sample(1000, 125_000);
    }
    dropping.sample(2000, 250_000); // 1 Mbps after 8 Mbps
    rising.sample(2000, 2_000_000); // 8 Mbps after 1 Mbps
    const dropShare = (8e6 - dropping.getEstimate()) / 7e6;
    const riseShare = (rising.getEstimate() - 1e6) / 7e6;
    expect(dropShare).toBeGreaterThan(riseShare);
  });

  it('averages time to first byte', () => {
    const e = new EwmaBandwidthEstimator();
    for (let i = 0; i < 20; i++) e.sampleTTFB(80);
    expect(e.getEstimateTTFB()).toBeCloseTo(80, 5);
  });

  it('starts over from a new default on reset', () => {
    const e = new EwmaBandwidthEstimator();
    e.sample(1000, 1_000_000);
    const fresh = e.reset(2_000_000);
    expect(fresh.canEstimate()).toBe(false);
    expect(fresh.getEstimate()).toBe(2_000_000);
  });
});
