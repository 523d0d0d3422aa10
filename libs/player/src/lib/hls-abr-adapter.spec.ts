import { FakeHls, fakeVideo, fragLoaded } from './fake-hls';
import { createHlsAbrAdapter } from './hls-abr-adapter';
import { HLS_EVENTS } from './hls-types';

describe('hls.js abrController adapter', () => {
  const env = (downlink?: number) => ({
    network: () => (downlink ? { downlink } : null),
    devicePixelRatio: () => 1,
  });

  function setup(downlink?: number) {
    const hls = new FakeHls();
    hls.media = fakeVideo({ bufferedUntil: 20, clientWidth: 1280 });
    const decisions: string[] = [];
    const Adapter = createHlsAbrAdapter(env(downlink), (d) =>
      decisions.push(d.reason),
    );
    return { hls, adapter: new Adapter(hls), decisions };
  }

  it.each([
    [undefined, 1],
    [0.3, 0],
    [20, 2],
  ])(
    'picks the first level from Network Information downlink %p Mbps',
    (downlink, level) => {
      expect(setup(downlink).adapter.firstAutoLevel).toBe(level);
    },
  );

  it('decides once per loaded main fragment, from measured throughput', () => {
    const { hls, adapter, decisions } = setup();
    // hls.js reads the first level before loading starts
    expect(adapter.firstAutoLevel).toBeGreaterThanOrEqual(0);
    hls.loadLevel = 1;
    // 1 MB in 1 s = 8 Mbps, twice: comfortably above 720p's 2.8 Mbps
    for (let i = 0; i < 2; i++)
      hls.emit(HLS_EVENTS.FRAG_LOADED, fragLoaded(1_000_000, 1000));
    hls.emit(HLS_EVENTS.FRAG_LOADED, fragLoaded(1_000_000, 1000, 'audio'));
    expect(decisions).toEqual(['startup', 'hold', 'upgrade']);
    expect(adapter.nextAutoLevel).toBe(2);
    expect(adapter.bwEstimator.getEstimate()).toBeCloseTo(8e6, -4);
  });

  it('honours a level forced by hls.js until the next fragment', () => {
    const { hls, adapter } = setup();
    adapter.nextAutoLevel = 0;
    expect(adapter.nextAutoLevel).toBe(0);
    hls.emit(HLS_EVENTS.FRAG_LOADED, fragLoaded(1_000_000, 1000));
    expect(adapter.forcedAutoLevel).toBe(-1);
  });

  it('respects autoLevelCapping', () => {
    const { hls, adapter } = setup(50);
    hls.autoLevelCapping = 1;
    expect(adapter.firstAutoLevel).toBe(1);
  });

  it('stops listening on destroy', () => {
    const { hls, adapter } = setup();
    adapter.destroy();
    expect(hls.listenerCount(HLS_EVENTS.FRAG_LOADED)).toBe(0);
  });
});
