/**
 * The benchmark's page, bundled with esbuild: hls.js plays one session, with its own default ABR
 * or with ours through the same `createHlsAbrAdapter` the web app uses, and the page records what
 * the viewer got: the rendition of every segment, start-up, stalls.
 */
import Hls, { type HlsConfig } from 'hls.js';
import {
  type AbrEnvironment,
  createHlsAbrAdapter,
  StartHold,
} from '@cmm/player';

export type BenchMode = 'hlsjs' | 'cmm';

export interface PageSegment {
  sn: number;
  height: number;
  start: number;
  duration: number;
  /** Seconds from load to buffered, and the reason our controller gave (cmm only). */
  bufferedAt: number;
  reason: string | null;
}

export interface PageResult {
  done: boolean;
  /** Seconds from `loadSource` to the first `playing`. */
  startupSeconds: number | null;
  /** Seconds past start-up spent waiting for data (`waiting` to `playing`). */
  rebufferSeconds: number;
  /** `waiting` events after start-up. */
  stalls: number;
  segments: PageSegment[];
  emergencyAborts: number;
  /** Fatal network errors recovered by loading again, as the app does. */
  networkRetries: number;
  /** Every main segment that arrived, in order, re-loads included: for reading a session closely. */
  loads: {
    sn: number;
    height: number;
    requestedAt: number;
    loadedAt: number;
    bytes: number;
  }[];
  mediaSeconds: number;
  error: string | null;
}

// The pacing proxy is invisible to Network Information, whose figures on loopback would describe
// nothing the player meets, so both players start from nothing known, as in the simulator.
const ENVIRONMENT: AbrEnvironment = {
  network: () => null,
  devicePixelRatio: () => globalThis.devicePixelRatio ?? 1,
};

function start(src: string, mode: BenchMode, seconds: number): PageResult {
  const video = document.querySelector('video') as HTMLVideoElement;
  const t0 = performance.now();
  const since = () => (performance.now() - t0) / 1000;
  const result: PageResult = {
    done: false,
    startupSeconds: null,
    rebufferSeconds: 0,
    stalls: 0,
    segments: [],
    emergencyAborts: 0,
    networkRetries: 0,
    loads: [],
    mediaSeconds: 0,
    error: null,
  };
  let reason: string | null = null;
  // as the app's AdaptivePlayer: our controller's start gate holds the element until it opens
  const hold = mode === 'cmm' ? new StartHold(video, () => undefined) : null;
  const hls = new Hls({
    capLevelToPlayerSize: false,
    ...(mode === 'cmm'
      ? {
          abrController: createHlsAbrAdapter(ENVIRONMENT, {
            decision: (d) => (reason = d.reason),
            startGate: (gate) => hold?.apply(gate),
          }) as unknown as HlsConfig['abrController'],
        }
      : {}),
  });
  const bySn = new Map<number, PageSegment>();
  hls.on(Hls.Events.FRAG_BUFFERED, (_e, { frag }) => {
    if (frag.type !== 'main' || typeof frag.sn !== 'number') return;
    bySn.set(frag.sn, {
      sn: frag.sn,
      height: hls.levels[frag.level]?.height ?? 0,
      start: frag.start,
      duration: frag.duration,
      bufferedAt: since(),
      reason: mode === 'cmm' ? reason : null,
    });
  });
  hls.on(Hls.Events.FRAG_LOADED, (_e, { frag }) => {
    if (frag.type !== 'main' || typeof frag.sn !== 'number') return;
    result.loads.push({
      sn: frag.sn,
      height: hls.levels[frag.level]?.height ?? 0,
      requestedAt: (frag.stats.loading.start - t0) / 1000,
      loadedAt: since(),
      bytes: frag.stats.loaded,
    });
  });
  hls.on(
    Hls.Events.FRAG_LOAD_EMERGENCY_ABORTED,
    () => result.emergencyAborts++,
  );
  // as the app's AdaptivePlayer: a fatal network error is retried a few times, then it is fatal
  hls.on(Hls.Events.ERROR, (_e, data) => {
    if (!data.fatal) return;
    const what = `${data.type}: ${data.details} (${data.response?.code ?? data.error?.message ?? ''})`;
    if (data.type === 'networkError' && result.networkRetries < 3) {
      result.networkRetries++;
      hls.startLoad();
      return;
    }
    result.error = what;
  });

  // a stall runs from `waiting` (the buffer ran dry) to `playing`; a busy decoder is not one
  let stalledAt: number | null = null;
  const measure = () => {
    result.mediaSeconds = video.currentTime;
    result.segments = [...bySn.values()].sort((a, b) => a.sn - b.sn);
  };
  video.addEventListener('playing', () => {
    if (result.startupSeconds === null) result.startupSeconds = since();
    if (stalledAt !== null) result.rebufferSeconds += since() - stalledAt;
    stalledAt = null;
  });
  video.addEventListener('waiting', () => {
    if (result.startupSeconds === null || stalledAt !== null) return;
    result.stalls++;
    stalledAt = since();
  });
  video.addEventListener('timeupdate', () => {
    if (result.done) return;
    measure();
    if (video.currentTime >= seconds) {
      result.done = true;
      video.pause();
      hls.stopLoad();
    }
  });
  bench.benchMeasure = () => {
    measure();
    // a session cut short while stalled counts that stall up to now
    if (stalledAt !== null && !result.done)
      result.rebufferSeconds += since() - stalledAt;
    stalledAt = null;
  };

  video.muted = true;
  hls.loadSource(src);
  hls.attachMedia(video);
  // the viewer pressed play as the page opened: not paused while the first segment loads. The
  // start gate's hold pauses the element, which aborts this play(); StartHold plays it on release
  void video.play().catch((e: Error) => {
    if (!(hold && e.name === 'AbortError'))
      result.error = `play(): ${e.message}`;
  });
  return result;
}

/** What the bench reads and calls through `page.evaluate`. */
export interface BenchWindow {
  benchStart(src: string, mode: BenchMode, seconds: number): void;
  /** Brings the figures up to now (for a session cut short). */
  benchMeasure(): void;
  benchResult?: PageResult;
}

const bench = window as unknown as BenchWindow;
bench.benchStart = (src, mode, seconds) => {
  bench.benchResult = start(src, mode, seconds);
};
