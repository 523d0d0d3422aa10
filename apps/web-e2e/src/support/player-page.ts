import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './repo';
import { freePort } from './server-process';

/**
 * A bare page with hls.js and Shaka, as a third party would embed them: `play(kind, url)` starts
 * either at 0 (never at a live edge). The page records fatal player errors and every stall (a
 * `waiting` after playback began) with its length.
 */
const PAGE = `<!doctype html><html><body>
<video muted playsinline width="640"></video>
<script src="/hls.js"></script><script src="/shaka.js"></script>
<script>
window.errors = [];
window.stalls = [];
const video = document.querySelector('video');
let stalledAt = null;
video.addEventListener('waiting', () => { if (video.currentTime > 0 && !video.ended) stalledAt = performance.now(); });
video.addEventListener('playing', () => { if (stalledAt !== null) window.stalls.push((performance.now() - stalledAt) / 1000); stalledAt = null; });
window.play = async (kind, url) => {
  if (kind === 'hls') {
    const hls = new Hls({ startPosition: 0 });
    hls.on(Hls.Events.ERROR, (_e, d) => d.fatal && window.errors.push('hls: ' + d.details));
    hls.loadSource(url);
    hls.attachMedia(video);
  } else {
    shaka.polyfill.installAll();
    const player = new shaka.Player();
    await player.attach(video);
    player.addEventListener('error', (e) => window.errors.push('shaka: ' + e.detail.code));
    await player.load(url, 0).catch((e) => window.errors.push('shaka load: ' + e.code));
  }
  await video.play().catch((e) => window.errors.push('play: ' + e.message));
};
</script></body></html>`;

/** Serves the page and the two players' builds on an origin of its own. */
export async function playerPage(): Promise<{ url: string; server: Server }> {
  const files: Record<string, string> = {
    '/hls.js': join(REPO_ROOT, 'node_modules/hls.js/dist/hls.min.js'),
    '/shaka.js': join(REPO_ROOT, 'node_modules/shaka-player/dist/shaka-player.compiled.js'),
  };
  const server = createServer((req, res) => {
    const file = files[req.url ?? ''];
    res.setHeader('content-type', file ? 'text/javascript' : 'text/html');
    res.end(file ? readFileSync(file) : PAGE);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, server };
}

type PlayerWindow = { play(kind: string, url: string): Promise<void>; errors: string[]; stalls: number[] };

export const playIn = (page: Page, kind: 'hls' | 'dash', url: string): Promise<void> =>
  page.evaluate(([k, u]) => (window as unknown as PlayerWindow).play(k, u), [kind, url]);
export const currentTime = (page: Page): Promise<number> => page.evaluate(() => document.querySelector('video')?.currentTime ?? 0);
export const pageErrors = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as PlayerWindow).errors);
/** Seconds of each stall so far. */
export const pageStalls = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as PlayerWindow).stalls);
export const videoEnded = (page: Page): Promise<boolean> => page.evaluate(() => document.querySelector('video')?.ended ?? false);
