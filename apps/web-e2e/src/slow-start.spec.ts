// End to end in a real headless Chromium: on a link slower than the lowest rung (DevTools network
// throttling), the web player holds playback paused past the first segment while the buffer builds,
// says so, keeps the viewer's press of play, and plays the clip to its end once the gate opens.
// Stalls are not judged here: DevTools throttling lets the first segments through faster than its
// rate, which the estimate carries for a while (the ABR benches use a pacing proxy instead).
// Needs `nx build server` and `nx build web`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { playlistState, uploadReady } from './support/api';
import { launchChromium } from './support/browser';
import { type RunningServer, assertBuilt, startServer } from './support/server-process';

const VIDEO = '[data-testid="player-video"]';
const HELD = '[data-testid="status-start"]';
/** The link carries this share of the lowest rung's average bitrate. */
const LINK_SHARE = 0.6;

/** A media event, where the play head and the buffer's end stood, and whether the gate held. */
type MediaEvent = { type: string; t: number; buffered: number; held: boolean };

describe('web: start-up on a link slower than the lowest rung', () => {
  let work: string;
  let server: RunningServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let url: string;
  let lowestBps: number;

  beforeAll(async () => {
    assertBuilt();
    work = mkdtempSync(join(tmpdir(), 'cmm-web-e2e-slow-'));
    makeClip(join(work, 'clip.mp4'), { seconds: 12, width: 640, height: 360, extraArgs: ['-shortest'] });
    server = await startServer({ MEDIA_DIR: join(work, 'media') });
    const id = await uploadReady(server.baseUrl, join(work, 'clip.mp4'));
    const { hlsUrl } = await playlistState(server.baseUrl, id);
    const master = await (await fetch(new URL(hlsUrl ?? '', server.baseUrl))).text();
    lowestBps = Math.min(...[...master.matchAll(/AVERAGE-BANDWIDTH=(\d+)/g)].map((m) => Number(m[1])));
    url = `${server.baseUrl}/playlists/${encodeURIComponent(id)}`;
    context = await launchChromium(join(work, 'profile'));
    page = context.pages()[0] ?? (await context.newPage());
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('holds the video paused while the buffer builds, keeps the press of play, then plays to the end', async () => {
    // the app's code first, at full speed (then from the cache); only the stream meets the slow link
    await page.goto(url);
    await page.locator(VIDEO).waitFor({ state: 'attached' });
    await page.addInitScript((held) => {
      const events: MediaEvent[] = [];
      (window as unknown as { __events: MediaEvent[] }).__events = events;
      for (const type of ['play', 'playing', 'pause', 'waiting', 'ended'])
        document.addEventListener(
          type,
          (e) => {
            const v = e.target as HTMLVideoElement;
            const buffered = v.buffered.length ? v.buffered.end(v.buffered.length - 1) : 0;
            events.push({ type, t: v.currentTime, buffered, held: !!document.querySelector(held) });
          },
          true,
        );
    }, HELD);
    if (!context) throw new Error('Chromium did not start (see beforeAll)');
    const cdp = await context.newCDPSession(page);
    const bytesPerSecond = (LINK_SHARE * lowestBps) / 8;
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 50, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
    await page.reload();

    await page.locator(HELD).waitFor({ timeout: 60_000 });
    expect(await page.locator(HELD).textContent()).toMatch(/starts at \d+ s of buffer/);
    // the viewer presses play while it holds: the element is paused again at once, and plays once let go
    await page.locator(VIDEO).evaluate((v: HTMLVideoElement) => void v.play().catch(() => undefined));
    await page.waitForFunction(
      ([sel, held]) => (document.querySelector(sel) as HTMLVideoElement).paused || !document.querySelector(held),
      [VIDEO, HELD] as const,
      { timeout: 30_000, polling: 50 },
    );
    await page.locator(HELD).waitFor({ state: 'detached', timeout: 120_000 });
    await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLVideoElement).ended, VIDEO, { timeout: 120_000, polling: 250 });

    const events = await page.evaluate(() => (window as unknown as { __events: MediaEvent[] }).__events);
    // while held the play head never left the start (a press of play with data buffered may
    // announce 'playing' before the pause lands, as the media element queues both)
    expect(events.filter((e) => e.held).every((e) => e.t < 0.1)).toBe(true);
    // let go with more than the first segment (the 1 s lead-in) buffered: hls.js alone starts on it
    const began = events.find((e) => e.type === 'playing' && !e.held);
    expect(began?.buffered).toBeGreaterThan(1.5);
  });
});
