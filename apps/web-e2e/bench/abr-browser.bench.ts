/**
 * ABR in a real browser: headless Chromium plays a real ladder from the real server through a
 * pacing proxy that replays each network trace, once with hls.js's default ABR and once with ours
 * (`HlsAbrAdapter` + `AbrController`, bundled from libs/player as the web app uses them). Each
 * session is scored with the simulator's QoE and set beside the simulator's own run of the same
 * trace on the same ladder, which validates the simulator.
 *
 *   npm run bench:abr:browser -- [--traces <folder>] [--seconds 60] [--all] [--divisor-4g 8] [--fresh]
 *
 * Needs `nx build server` and Debian's chromium. The clip (70 s of noisy 1080p testsrc2, ladder
 * 1080/720/480/360, 4 s segments) is encoded by the server once and kept under tmp/ (`--fresh`
 * encodes it again). By default a subset of the traces that fits about 15 minutes: in each folder,
 * the traces at evenly spaced quantiles of their mean rate over the session (three 3G, two 4G);
 * `--all` plays every trace. Each session's loads (`sessions.json`) and the served ladder
 * (`ladder.json`) are kept under tmp/abr-browser, for replaying them in the simulator.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build } from 'esbuild';
import { AbrController } from '@cmm/player';
import {
  type GroupedTrace,
  HlsjsDefaultAbr,
  Link,
  type Ladder,
  readTraceFolder,
  REBUFFER_LIMIT_SECONDS,
  type ScoredSession,
  scoreSession,
  type SessionScore,
  simulate,
  summarize,
  summaryTable,
  textTable,
  type Trace,
} from '@cmm/player/abr-sim';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
// tools/bench belongs to no project: every bench writes its part of docs/benchmarks.md through it
import {
  table as markdownTable,
  writeSection,
} from '../../../tools/bench/report';
import { playlistState, uploadReady } from '../src/support/api';
import { launchChromium } from '../src/support/browser';
import { REPO_ROOT, SERVER_MAIN } from '../src/support/repo';
import { startServer } from '../src/support/server-process';
import type { BenchMode, BenchWindow, PageResult } from './abr-page';
import { PacingProxy } from './pacing-proxy';
import { readServedLadder } from './served-ladder';

const CLIP = {
  seconds: 70,
  width: 1920,
  height: 1080,
  /** Film-grain-like noise, so x264 spends up to each rung's maxrate (the simulator's `busy`). */
  extraArgs: [
    '-vf',
    'noise=alls=12:allf=t+u',
    '-b:v',
    '10M',
    '-maxrate',
    '10M',
    '-bufsize',
    '20M',
  ],
  resolutions: [1080, 720, 480, 360],
  segmentDuration: 4,
};
const CACHE = resolve(REPO_ROOT, 'tmp/abr-browser');
const HLSJS_VERSION: string = JSON.parse(
  readFileSync(resolve(REPO_ROOT, 'node_modules/hls.js/package.json'), 'utf8'),
).version;
const PAGE_ENTRY = resolve(__dirname, 'abr-page.ts');
/** Wide enough that no rung is capped by the player's size, in either player. */
const PLAYER_WIDTH = 2040;
const MODES: Record<BenchMode, string> = {
  hlsjs: 'hls.js default',
  cmm: 'cmm',
};
const REFERENCE = MODES.hlsjs;
/** Traces taken from each folder by default. */
const SUBSET: Record<string, number> = { '3g': 3 };
const SUBSET_OTHERS = 2;

interface Args {
  traces: string;
  seconds: number;
  all: boolean;
  divisor4g: number;
  fresh: boolean;
}

function parseArgs(argv: string[]): Args {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const seconds = Number(value('--seconds') ?? 60);
  if (!(seconds > 0 && seconds <= CLIP.seconds - 2 * CLIP.segmentDuration))
    throw new Error(
      `--seconds: 1 to ${CLIP.seconds - 2 * CLIP.segmentDuration}`,
    );
  return {
    traces: resolve(
      value('--traces') ?? resolve(REPO_ROOT, '../shared/traces'),
    ),
    seconds,
    all: argv.includes('--all'),
    divisor4g: Number(value('--divisor-4g') ?? 8),
    fresh: argv.includes('--fresh'),
  };
}

/** Mean rate over the first `seconds` of a trace, bits per second. */
function meanRate(trace: Trace, seconds: number): number {
  return new Link(trace).bitsBy(seconds) / seconds;
}

/** In each group, the traces at evenly spaced quantiles of their mean rate: slow, middling, fast. */
function pickSubset(traces: GroupedTrace[], seconds: number): GroupedTrace[] {
  const groups = [...new Set(traces.map((t) => t.group))];
  return groups.flatMap((group) => {
    const sorted = traces
      .filter((t) => t.group === group)
      .map((t) => ({ t, rate: meanRate(t.trace, seconds) }))
      .sort((a, b) => a.rate - b.rate)
      .map(({ t }) => t);
    const n = Math.min(sorted.length, SUBSET[group] ?? SUBSET_OTHERS);
    return Array.from(
      { length: n },
      (_, k) => sorted[Math.floor(((k + 0.5) / n) * sorted.length)],
    );
  });
}

const CLIP_MARKER = join(CACHE, 'clip.json');

/**
 * The server's encode of the clip, kept between runs in its own media folder. The source is made
 * before the server starts (`makeSource`): an upload sent after the server sat idle for the minute
 * ffmpeg takes may go out on a keep-alive connection the server has just closed.
 */
function makeSource(fresh: boolean, work: string): string | null {
  if (!fresh && existsSync(CLIP_MARKER)) return null;
  console.log('making the source clip…');
  return makeClip(join(work, 'noisy-1080p.mp4'), CLIP);
}

async function ensureClip(
  baseUrl: string,
  source: string | null,
  work: string,
): Promise<string> {
  if (!source) {
    const { id } = JSON.parse(readFileSync(CLIP_MARKER, 'utf8')) as {
      id: string;
    };
    if ((await playlistState(baseUrl, id).catch(() => null))?.status === 'READY') return id;
  }
  console.log('encoding the ladder through the server (a few minutes, once)…');
  const id = await uploadReady(
    baseUrl,
    source ?? makeClip(join(work, 'noisy-1080p.mp4'), CLIP),
    {
      resolutions: CLIP.resolutions,
      segmentDuration: CLIP.segmentDuration,
      timeoutMs: 30 * 60_000,
    },
  );
  writeFileSync(CLIP_MARKER, JSON.stringify({ id }));
  return id;
}

async function bundlePage(): Promise<string> {
  const out = await build({
    entryPoints: [PAGE_ENTRY],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    tsconfig: resolve(REPO_ROOT, 'tsconfig.base.json'),
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0].text;
}

const PAGE_HTML = `<!doctype html><html><body style="margin:0">
<video style="width:${PLAYER_WIDTH}px;height:${Math.round((PLAYER_WIDTH * 9) / 16)}px" muted playsinline></video>
<script src="/__bench/page.js"></script></body></html>`;

interface Played {
  score: SessionScore;
  result: PageResult;
  cut: boolean;
}

/** One session in a fresh browser profile, so nothing is cached or remembered between sessions. */
async function play(
  proxy: PacingProxy,
  proxyUrl: string,
  hlsUrl: string,
  trace: Trace,
  mode: BenchMode,
  ladder: Ladder,
  seconds: number,
): Promise<Played> {
  const profile = mkdtempSync(join(tmpdir(), 'cmm-abr-profile-'));
  const context = await launchChromium(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${proxyUrl}/__bench/index.html`);
    proxy.session(trace);
    await page.evaluate(
      ([src, m, s]) =>
        (window as unknown as BenchWindow).benchStart(src, m as BenchMode, s),
      [new URL(hlsUrl, proxyUrl).href, mode, seconds] as const,
    );
    // long enough for a start-up and stalls as long as the session itself, then cut
    const deadline = Date.now() + (3 * seconds + 60) * 1000;
    let result: PageResult | undefined;
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      result = await page.evaluate(
        () => (window as unknown as BenchWindow).benchResult,
      );
      if (
        result?.done ||
        result?.error ||
        errors.length ||
        Date.now() > deadline
      )
        break;
    }
    await page.evaluate(() =>
      (window as unknown as BenchWindow).benchMeasure(),
    );
    result = await page.evaluate(
      () => (window as unknown as BenchWindow).benchResult,
    );
    if (!result || errors.length || result.error)
      throw new Error(
        `${trace.name} ${mode}: ${result?.error ?? errors.join('; ')}`,
      );
    return {
      score: scoreSession(toSession(result, ladder, seconds)),
      result,
      cut: !result.done,
    };
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The page's record as the simulator's QoE reads a session: the segments that cover the session. */
function toSession(
  result: PageResult,
  ladder: Ladder,
  seconds: number,
): ScoredSession {
  const rungs = [...ladder.rungs].sort((a, b) => a.bandwidth - b.bandwidth);
  return {
    segments: result.segments
      .filter((s) => s.start < seconds - 0.01)
      .map((s) => {
        const level = rungs.findIndex((r) => r.height === s.height);
        return {
          level,
          duration: s.duration,
          bitrate: rungs[level].averageBandwidth,
        };
      }),
    rebufferSeconds: result.rebufferSeconds,
    startupSeconds: result.startupSeconds ?? result.mediaSeconds,
  };
}

const simulated = (
  create: () => AbrController | HlsjsDefaultAbr,
  ladder: Ladder,
  trace: Trace,
  seconds: number,
) =>
  scoreSession(
    simulate(create(), ladder, trace, {
      sessionSeconds: seconds,
      playerWidth: PLAYER_WIDTH,
    }),
  );

const pct = (a: number, b: number) =>
  `${(((a - b) / Math.abs(b)) * 100).toFixed(1)} %`;
const f = (n: number, digits = 1) => n.toFixed(digits);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(SERVER_MAIN))
    throw new Error(
      `Build the server first: NX_DAEMON=false npx nx build server (${SERVER_MAIN} is missing)`,
    );
  const everything = readTraceFolder(args.traces, args.divisor4g);
  const traces = args.all ? everything : pickSubset(everything, args.seconds);
  if (traces.length === 0) throw new Error(`no traces in ${args.traces}`);
  mkdirSync(CACHE, { recursive: true });
  if (args.fresh)
    rmSync(join(CACHE, 'media'), { recursive: true, force: true });
  const work = mkdtempSync(join(tmpdir(), 'cmm-abr-clip-'));
  const source = makeSource(args.fresh, work);

  const server = await startServer({ MEDIA_DIR: join(CACHE, 'media') });
  const pageScript = await bundlePage();
  const proxy = new PacingProxy(new URL(server.baseUrl), (path) =>
    path === '/__bench/index.html'
      ? { type: 'text/html', body: PAGE_HTML }
      : path === '/__bench/page.js'
        ? { type: 'text/javascript', body: pageScript }
        : null,
  );
  try {
    const id = await ensureClip(server.baseUrl, source, work);
    const hlsUrl = (await playlistState(server.baseUrl, id)).hlsUrl;
    if (!hlsUrl) throw new Error(`playlist ${id} has no HLS manifest`);
    const ladder = await readServedLadder(
      new URL(hlsUrl, server.baseUrl),
      'served',
    );
    // kept beside the sessions, so the simulator can replay them offline on the ladder they met
    writeFileSync(join(CACHE, 'ladder.json'), JSON.stringify(ladder));
    const proxyUrl = await proxy.listen();
    const load = [loadavg()[0]];
    console.log(
      `${traces.length} traces, ${args.seconds} s each, ladder ${ladder.rungs.map((r) => `${r.label} ${f(r.bandwidth / 1e6)}`).join(' / ')} Mbit/s peak`,
    );

    const browser: Record<string, SessionScore[]> = {
      [MODES.hlsjs]: [],
      [MODES.cmm]: [],
    };
    const sim: Record<string, SessionScore[]> = {
      [MODES.hlsjs]: [],
      [MODES.cmm]: [],
    };
    const perTrace: string[][] = [];
    const sessions: { trace: string; hlsjs: PageResult; cmm: PageResult }[] =
      [];
    for (const { group, trace } of traces) {
      const played: Partial<Record<BenchMode, Played>> = {};
      // the two players alternate, so drift in the machine's load hits both alike
      for (const mode of ['hlsjs', 'cmm'] as const) {
        played[mode] = await play(
          proxy,
          proxyUrl,
          hlsUrl,
          trace,
          mode,
          ladder,
          args.seconds,
        );
        load.push(loadavg()[0]);
      }
      const simHls = simulated(
        () => new HlsjsDefaultAbr(),
        ladder,
        trace,
        args.seconds,
      );
      const simCmm = simulated(
        () => new AbrController(),
        ladder,
        trace,
        args.seconds,
      );
      const a = played.hlsjs as Played;
      const b = played.cmm as Played;
      browser[MODES.hlsjs].push(a.score);
      browser[MODES.cmm].push(b.score);
      sim[MODES.hlsjs].push(simHls);
      sim[MODES.cmm].push(simCmm);
      const row = [
        `${group}/${trace.name.split('/').pop()}`,
        f(meanRate(trace, args.seconds) / 1e6, 2),
        `${f(a.score.qoe)} / ${f(simHls.qoe)} (${pct(simHls.qoe, a.score.qoe)})`,
        `${f(b.score.qoe)} / ${f(simCmm.qoe)} (${pct(simCmm.qoe, b.score.qoe)})`,
        `${f(a.score.rebufferSeconds)} / ${f(b.score.rebufferSeconds)}`,
        `${f(a.score.startupSeconds)} (${f(simHls.startupSeconds)}) / ${f(b.score.startupSeconds)} (${f(simCmm.startupSeconds)})`,
        `${f(a.score.avgBitrateMbps, 2)} / ${f(b.score.avgBitrateMbps, 2)}`,
        `${a.score.switches} / ${b.score.switches}`,
        `${a.result.emergencyAborts} / ${b.result.emergencyAborts}${a.cut || b.cut ? ' (cut)' : ''}` +
          (a.result.networkRetries || b.result.networkRetries
            ? ` (network retries ${a.result.networkRetries} / ${b.result.networkRetries})`
            : ''),
      ];
      perTrace.push(row);
      sessions.push({ trace: trace.name, hlsjs: a.result, cmm: b.result });
      writeFileSync(
        join(CACHE, 'sessions.json'),
        JSON.stringify(sessions, null, 1),
      );
      console.log(row.join('  '));
    }

    const header = [
      'trace',
      'mean Mb/s',
      'hls.js QoE: browser / sim (diff)',
      'cmm QoE: browser / sim (diff)',
      'rebuffer s hls.js / cmm',
      'start-up s hls.js / cmm: browser (sim)',
      'bitrate Mb/s hls.js / cmm',
      'switches hls.js / cmm',
      'aborts hls.js / cmm',
    ];
    const summary = (scores: Record<string, SessionScore[]>) =>
      summaryTable(
        Object.fromEntries(
          Object.entries(scores).map(([name, s]) => [
            name,
            summarize(s, scores[REFERENCE]),
          ]),
        ),
        REFERENCE,
      );
    const browserTable = summary(browser);
    const simTable = summary(sim);
    const loadText = `load average ${Math.min(...load).toFixed(2)} to ${Math.max(...load).toFixed(2)} (2 cores shared)`;
    console.log(`\n${textTable('per trace', { header, rows: perTrace })}`);
    console.log(
      `\n${textTable('browser', browserTable)}\n\n${textTable('simulator, same traces and ladder', simTable)}\n\n${loadText}`,
    );

    writeSection(
      'abr-browser',
      'ABR in headless Chromium (npm run bench:abr:browser)',
      [
        `${traces.length} traces from ${relative(REPO_ROOT, args.traces)}${args.all ? '' : ' (the default subset: evenly spaced quantiles of mean rate per folder)'}, 4G logs ÷ ${args.divisor4g}; ${args.seconds} s of playback each; ` +
          `a 70 s noisy 1080p clip encoded by the server (${ladder.rungs.map((r) => `${r.label} ${f(r.bandwidth / 1e6)}`).join(', ')} Mbit/s peak, ${CLIP.segmentDuration} s segments); ` +
          `hls.js ${HLSJS_VERSION} in Debian's Chromium, player ${PLAYER_WIDTH} px wide, the link paced by a loopback proxy replaying each trace's rate and latency. ` +
          `QoE as in the simulator (Σ Mbit/s − ${4.3} × rebuffer s − Σ |change|); "sim" is the simulator on the same trace and the served ladder; ${loadText}. ` +
          `Target: cmm's mean QoE ≥ 10 % above hls.js, no trace with more than ${REBUFFER_LIMIT_SECONDS} s more rebuffering, mean start-up no worse.`,
        `### Per trace\n\n${markdownTable(header, perTrace)}`,
        `### Browser\n\n${markdownTable(browserTable.header, browserTable.rows)}`,
        `### Simulator, same traces and ladder\n\n${markdownTable(simTable.header, simTable.rows)}`,
      ].join('\n\n'),
    );
  } catch (error) {
    console.error(`--- server log tail ---\n${server.logTail()}`);
    throw error;
  } finally {
    await proxy.close().catch(() => undefined);
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
