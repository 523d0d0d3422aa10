import { AbrController } from './abr-controller';
import { FakeHls, fakeVideo, fragment } from './fake-hls';
import { createHlsAbrAdapter } from './hls-abr-adapter';
import { HLS_EVENTS } from './hls-types';
import type { StartGateDecision } from './start-gate';

describe('hls.js abrController adapter', () => {
  const env = (downlink?: number) => ({
    network: () => (downlink ? { downlink } : null),
    devicePixelRatio: () => 1,
  });

  // FakeHls levels: 400k, 800k and 2.8M; 4 s segments, 30 s maximum buffer
  function setup(downlink?: number, bufferedUntil = 20) {
    const hls = new FakeHls();
    hls.media = fakeVideo({ bufferedUntil, clientWidth: 1280 });
    const decisions: string[] = [];
    const gates: StartGateDecision[] = [];
    const Adapter = createHlsAbrAdapter(env(downlink), {
      decision: (d) => decisions.push(d.reason),
      startGate: (g) => gates.push(g),
    });
    return { hls, adapter: new Adapter(hls), decisions, gates };
  }

  it.each([
    [undefined, 0],
    [0.3, 0],
    [1, 1],
    [20, 2],
  ])(
    'picks the first level from Network Information downlink %p Mbit/s',
    (downlink, level) => {
      expect(setup(downlink).adapter.firstAutoLevel).toBe(level);
    },
  );

  it('learns from loaded main fragments only, and answers every read afresh', () => {
    const { hls, adapter, decisions } = setup(20);
    expect(adapter.firstAutoLevel).toBe(2);
    hls.loadLevel = 1;
    // 1 MB in 980 ms after 20 ms to first byte: 8.2 Mbit/s, twice; an audio fragment does not count
    for (let i = 0; i < 2; i++)
      hls.emit(HLS_EVENTS.FRAG_LOADED, {
        frag: fragment(1_000_000, 1000, { level: 1 }),
      });
    const estimate = adapter.bwEstimator.getEstimate();
    hls.emit(HLS_EVENTS.FRAG_LOADED, {
      frag: fragment(1000, 1000, { type: 'audio' }),
    });
    expect(adapter.bwEstimator.getEstimate()).toBe(estimate);
    expect(estimate).toBeCloseTo(8.16e6, -4);
    expect(adapter.nextAutoLevel).toBe(2);
    expect(adapter.nextAutoLevel).toBe(2);
    // reported when the choice or its reason changes, not on every read
    expect(decisions).toEqual(['startup', 'throughput']);
  });

  it('honours a level forced by hls.js until the next fragment', () => {
    const { hls, adapter } = setup();
    adapter.nextAutoLevel = 0;
    expect(adapter.nextAutoLevel).toBe(0);
    hls.emit(HLS_EVENTS.FRAG_LOADED, { frag: fragment(1_000_000, 1000) });
    expect(adapter.forcedAutoLevel).toBe(-1);
  });

  describe('while a fragment loads', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** Playing with 2 s buffered after one 8 Mbit/s fragment; a 720p fragment starts: 1.4 MB, 100 kB in its first second. */
    function slowFragment() {
      const { hls, adapter, decisions } = setup(undefined, 2);
      hls.emit(HLS_EVENTS.FRAG_LOADED, { frag: fragment(1_000_000, 1000) });
      hls.loadLevel = 2;
      const frag = fragment(100_000, 0, { level: 2 });
      const start = performance.now();
      frag.stats = {
        loaded: 100_000,
        total: 1_400_000,
        loading: { start, first: start + 100, end: 0 },
      };
      hls.emit(HLS_EVENTS.FRAG_LOADING, { frag });
      return { hls, adapter, decisions, frag };
    }

    it('abandons it for a lower rung when it will not land before the buffer runs dry', () => {
      const { hls, adapter, decisions, frag } = slowFragment();
      jest.advanceTimersByTime(1000);
      expect(frag.aborted).toBe(false);
      jest.advanceTimersByTime(100);
      expect(frag.aborted).toBe(true);
      expect(hls.nextLoadLevel).toBe(0);
      expect(adapter.nextAutoLevel).toBe(0);
      expect(hls.calls).toContain(
        `trigger ${HLS_EVENTS.FRAG_LOAD_EMERGENCY_ABORTED}`,
      );
      expect(decisions).toContain('emergency');
    });

    it('stops watching once it has loaded', () => {
      const { hls, frag } = slowFragment();
      hls.emit(HLS_EVENTS.FRAG_LOADED, { frag });
      jest.advanceTimersByTime(5000);
      expect(frag.aborted).toBe(false);
    });

    it('stops watching on destroy', () => {
      const { hls, adapter, frag } = slowFragment();
      adapter.destroy();
      jest.advanceTimersByTime(5000);
      expect(frag.aborted).toBe(false);
      expect(hls.listenerCount(HLS_EVENTS.FRAG_LOADING)).toBe(0);
      expect(hls.listenerCount(HLS_EVENTS.FRAG_LOADED)).toBe(0);
    });
  });

  it('judges dropped frames over five seconds of playback, not over a segment', () => {
    jest.useFakeTimers();
    try {
      const { hls, adapter } = setup(undefined, 20);
      let counts = { droppedVideoFrames: 0, totalVideoFrames: 0 };
      (hls.media as HTMLVideoElement).getVideoPlaybackQuality = () =>
        counts as VideoPlaybackQuality;
      const loaded = (dropped: number, total: number) => {
        counts = { droppedVideoFrames: dropped, totalVideoFrames: total };
        hls.loadLevel = 2;
        hls.emit(HLS_EVENTS.FRAG_LOADED, {
          frag: fragment(4_000_000, 1000, { level: 2 }),
        });
      };
      loaded(0, 0);
      // a second after start-up: 10 of 25 frames dropped, not judged yet
      jest.advanceTimersByTime(1000);
      loaded(10, 25);
      expect(adapter.nextAutoLevel).toBe(2);
      // five seconds on: 10 of 125 (8 %) is under hls.js's 20 %
      jest.advanceTimersByTime(4000);
      loaded(10, 125);
      expect(adapter.nextAutoLevel).toBe(2);
      // the next five: 60 of 125 dropped
      jest.advanceTimersByTime(5000);
      loaded(70, 250);
      expect(adapter.nextAutoLevel).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('respects autoLevelCapping', () => {
    const { hls, adapter } = setup(50);
    hls.autoLevelCapping = 1;
    expect(adapter.firstAutoLevel).toBe(1);
  });

  it('asks the start gate as each main fragment loads, counting it as buffered, until it opens', () => {
    const { hls, gates } = setup(undefined, 0);
    hls.latestLevelDetails = { targetduration: 4, live: false, totalduration: 60 };
    // 0.2 Mbit/s against a lowest rung of 0.4: the 56 s left would run 68 s short; the gate
    // covers that as far as a typical segment (4 s), less than the two segments it always asks
    const slow = (start: number) => fragment(100_000, 4000, { start });
    hls.emit(HLS_EVENTS.FRAG_LOADED, { frag: slow(0) });
    expect(gates).toEqual([{ open: false, reason: 'deficit', requiredSeconds: 8, holdAtMostSeconds: expect.closeTo(120, 0) }]);
    hls.emit(HLS_EVENTS.FRAG_LOADED, { frag: slow(4) });
    expect(gates[1]).toMatchObject({ open: true, reason: 'buffer' });
    hls.emit(HLS_EVENTS.FRAG_LOADED, { frag: slow(8) });
    expect(gates).toHaveLength(2);
  });

  // the server's lead-in: 1, 1 and 2 s, then 4 s segments; 3.5 s on average over the playlist
  const LEAD_IN = [0, 1, 2, 4, 8, 12].map((start, i, all) => ({
    start,
    duration: (all[i + 1] ?? 16) - start,
  }));
  it.each<[string, number, typeof LEAD_IN | undefined, number]>([
    ['the first, before anything is buffered', 0, LEAD_IN, 1],
    // the buffered range ends ~0.1 s short of the segment (its audio is shorter): hls.js goes on
    ['the next, once one is buffered', 0.92, LEAD_IN, 1],
    ['the 2 s one', 2, LEAD_IN, 2],
    ['a 4 s one after the lead-in', 3.9, LEAD_IN, 4],
    ["the playlist's mean, where it lists no segments", 2, undefined, 3.5],
  ])(
    'tells the policy the length of the segment hls.js loads next: %s',
    (_name, bufferedUntil, fragments, expected) => {
      const hls = new FakeHls();
      hls.media = fakeVideo({ bufferedUntil, clientWidth: 1280 });
      hls.latestLevelDetails = {
        targetduration: 4,
        averagetargetduration: 3.5,
        fragments,
      };
      const policy = new AbrController();
      const decide = jest.spyOn(policy, 'decide');
      const Adapter = createHlsAbrAdapter(env(), {}, () => policy);
      void new Adapter(hls).nextAutoLevel;
      expect(decide).toHaveBeenCalledWith(
        expect.objectContaining({ segmentDuration: expected }),
      );
    },
  );

  // a lead-in of 1, 1 and 2 s segments, then 4 s ones: the gate counts requests, not seconds ÷ 1 s
  it.each<[string, boolean, number | null]>([
    [
      'the segments after the loaded one, on a playlist that has ended',
      false,
      16,
    ],
    ['nothing, on a playlist that has not', true, null],
  ])(
    'tells the start gate the segments still to load: %s',
    (_name, live, expected) => {
      const hls = new FakeHls();
      hls.media = fakeVideo({ bufferedUntil: 0, clientWidth: 1280 });
      hls.latestLevelDetails = {
        targetduration: 4,
        live,
        totalduration: 70,
        endSN: 19,
      };
      const policy = new AbrController();
      const startGate = jest.spyOn(policy, 'startGate');
      const Adapter = createHlsAbrAdapter(env(), {}, () => policy);
      new Adapter(hls);
      hls.emit(HLS_EVENTS.FRAG_LOADED, {
        frag: fragment(100_000, 1000, { sn: 3, duration: 1 }),
      });
      expect(startGate).toHaveBeenCalledWith(
        expect.objectContaining({ remainingSegments: expected }),
      );
    },
  );

  it('opens the start gate at once on a playlist that has not ended', () => {
    const { hls, gates } = setup(undefined, 0);
    hls.latestLevelDetails = { targetduration: 4, live: true, totalduration: 60 };
    hls.emit(HLS_EVENTS.FRAG_LOADED, { frag: fragment(100_000, 4000) });
    expect(gates).toEqual([expect.objectContaining({ open: true, reason: 'unknown-duration' })]);
  });
});
