/**
 * Time to first playable: from the moment an upload is stored (the mutation answers) to
 * `playable`, against the time to READY in the same run (before publishing while encoding, the
 * two were the same). 1080p30 noisy sources (about 7.5 Mbit/s), ladder 1080/720/480/360, 4 s
 * segments. For the shorter source, hls.js in headless Chromium starts when the playlist becomes
 * playable and plays to the end; its stalls are counted.
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register apps/web-e2e/bench/playable.bench.ts [--durations 20,300] [--rounds 3] [--long-rounds 1]
 *
 * Needs the built server (`npx nx build server`) and Chromium.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ffmpegPath, makeNoisySource } from '@cmm/ffmpeg-binaries/testing';
import { median, table, writeSection } from '../../../tools/bench/report';
import { playlistState, until, untilReady, upload } from '../src/support/api';
import { launchChromium } from '../src/support/browser';
import { pageErrors, pageStalls, playerPage, playIn, videoEnded } from '../src/support/player-page';
import { assertBuilt, startServer } from '../src/support/server-process';

const TARGET_SECONDS = 5;
const LADDER = { resolutions: [1080, 720, 480, 360], segmentDuration: 4 };

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

interface Round {
  playable: number;
  ready: number;
  stalls: number[] | null;
  errors: string[];
}

async function main(): Promise<void> {
  assertBuilt();
  const durations = option('durations', '20,300').split(',').map(Number);
  const rounds = Number(option('rounds', '3'));
  const longRounds = Number(option('long-rounds', '1'));
  const dir = mkdtempSync(join(tmpdir(), 'cmm-bench-playable-'));
  const sources = new Map(durations.map((seconds) => [seconds, makeNoisySource(join(dir, `source-${seconds}s.mp4`), { seconds })]));
  const server = await startServer({ MEDIA_DIR: join(dir, 'media'), LOG_LEVEL: 'warn', MAX_DURATION_SECONDS: '3600' });
  const page = await playerPage();
  const browser = await launchChromium(join(dir, 'profile'));
  const results = new Map<number, Round[]>();
  try {
    for (const seconds of durations) {
      const file = sources.get(seconds) as string;
      const watched = seconds === Math.min(...durations);
      for (let round = 0; round < (seconds > 60 ? longRounds : rounds); round++) {
        const id = await upload(server.baseUrl, file, LADDER);
        const stored = Date.now();
        const playable = await until(
          'playable',
          async () => {
            const s = await playlistState(server.baseUrl, id);
            if (s.status === 'FAILED') throw new Error(`Processing failed: ${s.error}`);
            return s.playable ? s : null;
          },
          seconds * 20_000,
          25,
        );
        const playableAt = (Date.now() - stored) / 1000;
        let tab = null;
        if (watched && playable.hlsUrl) {
          tab = await browser.newPage();
          await tab.goto(page.url);
          await playIn(tab, 'hls', `${server.baseUrl}${playable.hlsUrl}`);
        }
        await untilReady(server.baseUrl, id, seconds * 20_000);
        const ready = (Date.now() - stored) / 1000;
        let stalls: number[] | null = null;
        let errors: string[] = [];
        if (tab) {
          const page = tab;
          await until('the end of playback', async () => ((await videoEnded(page)) ? true : null), seconds * 4_000);
          [stalls, errors] = [await pageStalls(page), await pageErrors(page)];
          await page.close();
        }
        results.set(seconds, [...(results.get(seconds) ?? []), { playable: playableAt, ready, stalls, errors }]);
        console.log(`${seconds} s source, round ${round + 1}: playable after ${playableAt.toFixed(2)} s, READY after ${ready.toFixed(1)} s${stalls ? `, ${stalls.length} stalls` : ''}`);
      }
    }
  } finally {
    await browser.close();
    page.server.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const rows = [...results].map(([seconds, rs]) => {
    const playable = median(rs.map((r) => r.playable));
    const ready = median(rs.map((r) => r.ready));
    const watched = rs.filter((r) => r.stalls);
    const stalls = watched.length ? watched.map((r) => `${r.stalls?.length ?? 0} (${(r.stalls ?? []).reduce((a, b) => a + b, 0).toFixed(1)} s)`).join(', ') : 'not watched';
    const errors = rs.flatMap((r) => r.errors);
    return [
      `${seconds} s`,
      rs.length,
      `${playable.toFixed(2)} s`,
      `${ready.toFixed(1)} s`,
      (playable / ready).toFixed(3),
      playable <= TARGET_SECONDS ? 'yes' : 'NO',
      stalls + (errors.length ? `; errors: ${errors.join(' ')}` : ''),
    ];
  });
  const body = [
    `Upload stored → \`playable\` (medians), against stored → READY in the same runs: before publishing while encoding, nothing was playable until READY (ratio 1). 1080p30 noisy source, ladder ${LADDER.resolutions.join('/')}, ${LADDER.segmentDuration} s segments; target ≤ ${TARGET_SECONDS} s. For the shortest source hls.js (headless Chromium) starts at \`playable\` and plays to the end; stalls are counted (count, total length).`,
    '',
    table(['source', 'rounds', 'stored → playable', 'stored → READY', 'playable / READY', `≤ ${TARGET_SECONDS} s`, 'stalls while playing from `playable`'], rows),
  ].join('\n');
  console.log(body);
  writeSection('playable', 'Time to first playable', body, ffmpegPath());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
