import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { launchChromium } from './support/browser';
import { playlistState, until, untilReady, upload } from './support/api';
import { currentTime, pageErrors, playIn, playerPage } from './support/player-page';
import { realTimeEncodes } from './support/real-time-encode';
import { assertBuilt, type RunningServer, startServer } from './support/server-process';

/**
 * hls.js and Shaka, on a page from another origin, play a playlist while its ladder is still
 * being encoded and after it completes; hls.js hears of each new segment by a blocking reload. The server's encodes read their input at its own rate
 * (`-re`, through an FFMPEG_PATH wrapper), so a 30 s source takes at least 30 s to encode on any
 * machine: the players are seen playing while the status is not yet READY, then play it whole.
 */
const SECONDS = 30;

describe('a growing playlist in hls.js and Shaka, from another origin', () => {
  let dir: string;
  let server: RunningServer;
  let origin: { url: string; server: Server };
  let browser: BrowserContext;
  let source: string;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'cmm-growing-'));
    source = makeClip(join(dir, 'growing.mp4'), { seconds: SECONDS, width: 640, height: 360 });
    server = await startServer({ MEDIA_DIR: join(dir, 'media'), ...realTimeEncodes(dir) });
    origin = await playerPage();
    browser = await launchChromium(join(dir, 'profile'));
  });

  afterAll(async () => {
    await browser?.close();
    origin?.server.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a reload that asks for the next segment once ffmpeg has finished it, with it listed', async () => {
    const id = await upload(server.baseUrl, source, { resolutions: [240], segmentDuration: 4 });
    const playable = await until('playable', async () => {
      const s = await playlistState(server.baseUrl, id);
      if (s.status === 'FAILED') throw new Error(`Processing failed: ${s.error}\n${server.logTail()}`);
      return s.playable ? s : null;
    });
    const master = new URL(`${server.baseUrl}${playable.hlsUrl}`);
    const rung = new URL((await (await fetch(master)).text()).split('\n').find((line) => line.endsWith('.m3u8')) as string, master);
    const listed = (text: string) => text.split('\n').filter((line) => line.endsWith('.m4s'));
    const before = await (await fetch(rung)).text();
    expect(before).toContain('#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES');
    const next = listed(before).length;

    const held = await fetch(`${rung}?_HLS_msn=${next}`);
    const after = await held.text();
    expect(held.status).toBe(200);
    expect(after).not.toContain('#EXT-X-ENDLIST');
    const segment = listed(after)[next];
    expect(segment).toBe(`segment_${String(next).padStart(5, '0')}.m4s`);
    expect((await fetch(new URL(segment, rung), { method: 'HEAD' })).status).toBe(200);
  });

  it.each([
    ['hls.js', 'hls', 'hlsUrl'],
    ['Shaka', 'dash', 'dashUrl'],
  ] as const)('%s plays it while it grows, then the finished one from the start', async (_name, kind, field) => {
    const id = await upload(server.baseUrl, source, { resolutions: [360, 240], segmentDuration: 4 });
    const playable = await until('playable', async () => {
      const s = await playlistState(server.baseUrl, id);
      if (s.status === 'FAILED') throw new Error(`Processing failed: ${s.error}\n${server.logTail()}`);
      return s.playable ? s : null;
    });
    expect(playable.status).not.toBe('READY');

    const page = await browser.newPage();
    const blockingReloads: number[] = [];
    page.on('response', (res) => {
      if (res.url().includes('_HLS_msn=')) blockingReloads.push(res.status());
    });
    await page.goto(origin.url);
    await playIn(page, kind, `${server.baseUrl}${playable[field]}`);
    // Playing two seconds in, asked in that order: the status read after still is not READY.
    await until('two seconds played', async () => ((await currentTime(page)) >= 2 ? true : null));
    expect((await playlistState(server.baseUrl, id)).status).not.toBe('READY');
    expect(await pageErrors(page)).toEqual([]);
    // hls.js learns of each segment by a held reload (LL-HLS); Shaka reloads the MPD on its period
    if (kind === 'hls') await until('a blocking reload answered', async () => (blockingReloads.includes(200) ? true : null));
    expect(blockingReloads.filter((status) => status !== 200)).toEqual([]);

    const ready = await untilReady(server.baseUrl, id);
    await page.close();

    const after = await browser.newPage();
    await after.goto(origin.url);
    await playIn(after, kind, `${server.baseUrl}${ready[field]}`);
    await until('the finished playlist playing', async () => ((await currentTime(after)) >= 2 ? true : null));
    const duration = await after.evaluate(() => document.querySelector('video')?.duration ?? 0);
    expect(Math.abs(duration - SECONDS)).toBeLessThan(1);
    expect(await pageErrors(after)).toEqual([]);
    await after.close();
  });
});
