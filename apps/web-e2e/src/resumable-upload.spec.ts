// The web app's tus upload in a real headless Chromium: the first PATCH is cut after half the file
// reached the server; the app resumes on its own from the server's offset, says so, and the
// playlist ends READY with a source byte-identical to the file. Needs `nx build server` and `nx build web`.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { untilReady } from './support/api';
import type { RunningServer } from './support/server-process';
import { BrowserSession } from './support/session';

const sha256 = (bytes: Buffer) =>
  createHash('sha256').update(bytes).digest('hex');

describe('web: a resumable upload survives a cut connection', () => {
  let session: BrowserSession | undefined;
  let work: string;
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    session = new BrowserSession('tus');
    work = session.work;
    makeClip(join(work, 'tunnel.mp4'), { seconds: 4, width: 320, height: 240 });
    server = await session.start();
    page = session.page;
  });

  afterAll(async () => {
    await session?.close();
  });

  it('resumes from the bytes the server has, shows it, and ends READY with the same bytes', async () => {
    if (!server) throw new Error('the server did not start');
    const base = server.baseUrl;
    const file = readFileSync(join(work, 'tunnel.mp4'));
    const half = Math.floor(file.length / 2);
    let cut = false;
    // The first PATCH: half of its body reaches the server, then the connection resets.
    await page.route('**/uploads/tus/**', async (route) => {
      const request = route.request();
      if (request.method() !== 'PATCH' || cut) return route.continue();
      cut = true;
      const headers = await request.allHeaders();
      const answer = await fetch(request.url(), {
        method: 'PATCH',
        headers: {
          'tus-resumable': headers['tus-resumable'],
          'upload-offset': headers['upload-offset'],
          'content-type': headers['content-type'],
        },
        body: new Uint8Array(
          (request.postDataBuffer() ?? Buffer.alloc(0)).subarray(0, half),
        ),
      });
      expect(answer.status).toBe(204);
      await route.abort('connectionreset');
    });

    await page.goto(base, { waitUntil: 'networkidle' });
    await page.getByTestId('open-upload').click();
    await page
      .getByTestId('upload-file-input')
      .setInputFiles(join(work, 'tunnel.mp4'));
    await page.getByTestId('upload-segment-duration').fill('2');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __stages: string[] }).__stages = seen;
      new MutationObserver(() => {
        const text =
          document
            .querySelector('[data-testid="upload-stage"]')
            ?.textContent?.trim() ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await page.locator('[data-testid="upload-submit"]:enabled').click();

    await page.waitForURL(/\/playlists\/[^/]+$/, { timeout: 240_000 });
    const playlistId = decodeURIComponent(
      new URL(page.url()).pathname.replace(/^.*\//, ''),
    );
    expect(cut).toBe(true);
    const stages = await page.evaluate(
      () => (window as unknown as { __stages: string[] }).__stages,
    );
    expect(stages.some((s) => s.startsWith('Resuming at '))).toBe(true);

    await untilReady(base, playlistId, 240_000);
    const sourceDir = join(work, 'media', playlistId, 'source');
    const [stored] = readdirSync(sourceDir);
    expect(sha256(readFileSync(join(sourceDir, stored)))).toBe(sha256(file));
    expect(readdirSync(join(work, 'media', '.resumable'))).toEqual([]);
  }, 300_000);
});
