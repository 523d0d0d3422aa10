import { AdaptivePlayer, PlayerState } from './adaptive-player';
import { FakeHls, fakeVideo, fragment } from './fake-hls';
import { HLS_EVENTS } from './hls-types';

describe('AdaptivePlayer', () => {
  const env = { network: () => null, devicePixelRatio: () => 1 };
  let states: PlayerState[];
  const players: AdaptivePlayer[] = [];

  afterEach(() => players.splice(0).forEach((p) => p.destroy()));

  beforeEach(() => {
    FakeHls.instances = [];
    FakeHls.supported = true;
    states = [];
  });

  function start(video = fakeVideo()) {
    const player = new AdaptivePlayer(FakeHls, env);
    players.push(player);
    player.subscribe((s) => states.push(s));
    player.attach(video);
    player.load('/media/p/stream/master.m3u8');
    return { player, hls: FakeHls.instances[0], video };
  }
  const last = () => states[states.length - 1];

  it('plays through hls.js with our ABR controller when MSE is there', () => {
    const { hls } = start();
    expect(hls.calls).toEqual([
      'loadSource /media/p/stream/master.m3u8',
      'attachMedia',
    ]);
    expect(typeof hls.options['abrController']).toBe('function');
    expect(last()).toMatchObject({ engine: 'mse', mode: 'auto' });
  });

  it('starts at 0, and hands the MediaSource the expected duration of a stream that still grows', () => {
    const player = new AdaptivePlayer(FakeHls, env);
    players.push(player);
    player.attach(fakeVideo());
    player.load('/media/p/stream/master.m3u8', { expectedDuration: 120 });
    const hls = FakeHls.instances[0];
    expect(hls.options['startPosition']).toBe(0);
    expect(hls.calls).toContain('attachMedia duration=120');
  });

  it('starts where it is told: a finished stream loaded again where it was playing', () => {
    const player = new AdaptivePlayer(FakeHls, env);
    players.push(player);
    player.attach(fakeVideo());
    player.load('/media/p/stream/master.m3u8', { startPosition: 42.5 });
    expect(FakeHls.instances[0].options['startPosition']).toBe(42.5);
  });

  it('keeps seeks from the seek bar within what is published while the stream grows, until it is torn down', () => {
    const { player, hls, video } = start();
    const seek = (t: number) => {
      video.currentTime = t;
      video.dispatchEvent(new Event('seeking'));
      return video.currentTime;
    };
    hls.emit(HLS_EVENTS.LEVEL_UPDATED, { level: 0, details: { live: true, edge: 12 } });
    expect(seek(60)).toBe(11);
    player.destroy();
    expect(seek(60)).toBe(60);
  });

  it('falls back to native HLS without MSE', () => {
    FakeHls.supported = false;
    const video = fakeVideo({ canPlayHls: true });
    start(video);
    expect(video.src).toBe('/media/p/stream/master.m3u8');
    expect(last().engine).toBe('native');
  });

  it('says so when the browser can play neither', () => {
    FakeHls.supported = false;
    start();
    expect(last().error).toMatchObject({ fatal: true, details: 'unsupported' });
  });

  it('switches to a manual rung without reloading, and back to auto', () => {
    const { player, hls } = start();
    player.selectHeight(720);
    expect(hls.currentLevel).toBe(2);
    expect(last()).toMatchObject({ mode: 'manual', manualHeight: 720 });
    expect(hls.calls).not.toContain('destroy');
    player.setAuto(true);
    expect(hls.currentLevel).toBe(-1);
    expect(last()).toMatchObject({ mode: 'auto', manualHeight: null });
  });

  /** What hls.js does with the `abrController` option: builds it over itself and asks it for levels. */
  const abrOf = (hls: FakeHls) => new (hls.options['abrController'] as new (h: FakeHls) => { nextAutoLevel: number })(hls);

  it('says why auto last switched, and that the viewer chose a manual rung', () => {
    const { player, hls } = start();
    const abr = abrOf(hls);
    expect(abr.nextAutoLevel).toBeGreaterThanOrEqual(0);
    expect(last()).toMatchObject({ mode: 'auto', switchReason: 'startup' });
    expect(last().autoHeight).not.toBeNull();
    player.selectHeight(720);
    expect(last().switchReason).toBe('manual');
  });

  it('keeps one sample a second of the estimate, the chosen bitrate and the buffer', () => {
    jest.useFakeTimers();
    try {
      const { hls } = start();
      const level = abrOf(hls).nextAutoLevel;
      jest.advanceTimersByTime(3000);
      expect(last().history).toEqual(
        [1, 2, 3].map((t) => ({ t, throughputBps: 1_000_000, chosenBitrate: hls.levels[level].bitrate, bufferSeconds: 0, reason: 'startup' })),
      );
    } finally {
      jest.useRealTimers();
    }
  });

  it('reports the rung that plays', () => {
    const { hls } = start();
    hls.emit(HLS_EVENTS.LEVEL_SWITCHED, { level: 1 });
    expect(last().playingHeight).toBe(360);
  });

  it.each([
    [
      'networkError',
      'manifestLoadError',
      'startLoad',
      /Network error.*Retrying \(1\/3\)/,
    ],
    [
      'mediaError',
      'bufferStalledError',
      'recoverMediaError',
      /could not decode.*Recovering/,
    ],
  ])('recovers from a fatal %s', (type, details, call, message) => {
    const { hls } = start();
    hls.emit(HLS_EVENTS.ERROR, { type, details, fatal: true });
    expect(hls.calls).toContain(call);
    expect(last().error?.message).toMatch(message);
  });

  it('gives up after repeated network failures and says what happened', () => {
    const { hls } = start();
    for (let i = 0; i < 4; i++)
      hls.emit(HLS_EVENTS.ERROR, {
        type: 'networkError',
        details: 'fragLoadError',
        fatal: true,
      });
    expect(hls.calls.filter((c) => c === 'startLoad')).toHaveLength(3);
    expect(hls.calls).toContain('destroy');
    expect(last().error).toMatchObject({
      fatal: true,
      message: 'Network error while loading the stream (fragLoadError).',
    });
  });

  it('ignores non-fatal errors', () => {
    const { hls } = start();
    hls.emit(HLS_EVENTS.ERROR, {
      type: 'networkError',
      details: 'fragLoadTimeOut',
      fatal: false,
    });
    expect(last().error).toBeNull();
  });

  it('clears a recovered error once media flows again, and samples the stats every second', () => {
    jest.useFakeTimers();
    try {
      const { hls } = start(fakeVideo({ currentTime: 1, bufferedUntil: 5 }));
      hls.emit(HLS_EVENTS.ERROR, {
        type: 'mediaError',
        details: 'bufferStalledError',
        fatal: true,
      });
      expect(last().error?.fatal).toBe(false);
      jest.advanceTimersByTime(1000);
      expect(last()).toMatchObject({
        error: null,
        bufferAheadSeconds: 4,
        throughputBps: 1_000_000,
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it('shows the chosen caption language through hls.js, and stops listening once torn down', () => {
    const { player, hls } = start();
    player.selectCaption('fr');
    hls.subtitleTracks = [{ id: 0, name: 'French', lang: 'fr' }];
    hls.emit(HLS_EVENTS.SUBTITLE_TRACKS_UPDATED, { subtitleTracks: hls.subtitleTracks });
    expect([hls.subtitleTrack, hls.subtitleDisplay]).toEqual([0, true]);
    player.destroy();
    expect(hls.listenerCount(HLS_EVENTS.SUBTITLE_TRACKS_UPDATED)).toBe(0);
  });

  describe('start-up on a link below the lowest rung', () => {
    // a 60 s video; 0.2 Mbit/s against a lowest rung of 0.4: the gate asks for two 4 s segments
    function slowStart() {
      const started = start(fakeVideo());
      started.hls.latestLevelDetails = { targetduration: 4, live: false, totalduration: 60 };
      abrOf(started.hls);
      const load = (start: number) => started.hls.emit(HLS_EVENTS.FRAG_LOADED, { frag: fragment(100_000, 4000, { start }) });
      return { ...started, load };
    }

    it('holds the element paused until the buffer covers the deficit, and says so', () => {
      const { video, load } = slowStart();
      // the viewer pressed play at once (or autoplay): the element waits for data
      void video.play();
      load(0);
      expect(video.paused).toBe(true);
      expect(last().start).toEqual({ held: true, reason: 'deficit', requiredSeconds: 8 });
      load(4);
      expect(video.paused).toBe(false);
      expect(last().start).toEqual({ held: false, reason: 'buffer', requiredSeconds: 8 });
    });

    it('lets it play once it has held as long as hls.js would wait for a first segment', () => {
      jest.useFakeTimers();
      try {
        const { video, load } = slowStart();
        void video.play();
        load(0);
        jest.advanceTimersByTime(121_000);
        expect(video.paused).toBe(false);
        expect(last().start).toMatchObject({ held: false, reason: 'wait-cap' });
      } finally {
        jest.useRealTimers();
      }
    });
  });
});
