// End to end in a real headless Chromium: upload a generated clip through the dialog, watch it process,
// play it over HLS, switch renditions by hand and back to auto. Needs `nx build server` and `nx build web`.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { uploadReady } from './support/api';
import { launchChromium } from './support/browser';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { ARTIFACTS_DIR } from './support/repo';
import {
  type RunningServer,
  assertBuilt,
  startServer,
} from './support/server-process';

/** The player component's hooks (apps/web/src/app/player/player.component.html). */
const PLAYER = {
  video: '[data-testid="player-video"]',
  chip: (label: string) => `cmm-player [data-testid="chip-${label}"]`,
  auto: 'cmm-player [data-testid="auto-toggle"]',
  status: '[data-testid="status-rendition"]',
};

describe('web: upload, process and play in Chromium', () => {
  let work: string;
  let server: RunningServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  const pageErrors: string[] = [];
  const baseUrl = (): string => {
    if (!server) throw new Error('the server did not start (see beforeAll)');
    return server.baseUrl;
  };

  beforeAll(async () => {
    assertBuilt();
    work = mkdtempSync(join(tmpdir(), 'cmm-web-e2e-'));
    makeClip(join(work, 'pattern.mp4'), { seconds: 6, width: 640, height: 360, extraArgs: ['-shortest'] });
    server = await startServer({ MEDIA_DIR: join(work, 'media') });
    context = await launchChromium(join(work, 'profile'));
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on(
      'console',
      (m) => m.type() === 'error' && pageErrors.push(m.text()),
    );
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** On failure: keep a screenshot and put the server's last log lines into the error. */
  async function withDiagnostics(
    name: string,
    body: () => Promise<void>,
  ): Promise<void> {
    try {
      await body();
    } catch (error) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      await page
        ?.screenshot({
          path: join(ARTIFACTS_DIR, `${name}-failure.png`),
          fullPage: true,
        })
        .catch(() => undefined);
      const detail = `\n--- browser errors ---\n${pageErrors.join('\n')}\n--- server log tail ---\n${server?.logTail() ?? ''}`;
      if (error instanceof Error) error.message += detail;
      throw error;
    }
  }

  it('uploads a clip, shows progress, opens the READY playlist and plays it adaptively', () =>
    withDiagnostics('upload', async () => {
      const base = baseUrl();
      await page.goto(base, { waitUntil: 'networkidle' });
      await page.getByTestId('sidebar').waitFor();

      // Upload dialog: file, two renditions the 360p source can feed (360p and 240p), 2 s segments.
      await page.getByTestId('open-upload').click();
      const submit = page.getByTestId('upload-submit');
      expect(await submit.isDisabled()).toBe(true);
      await page
        .getByTestId('upload-file-input')
        .setInputFiles(join(work, 'pattern.mp4'));
      await page
        .getByTestId('upload-file-name')
        .filter({ hasText: 'pattern.mp4' })
        .waitFor();
      for (const box of await page
        .locator('[data-testid^="resolution-"]')
        .all())
        await box.uncheck();
      await page.getByTestId('resolution-360').check();
      await page.getByTestId('resolution-240').check();
      await page.getByTestId('upload-segment-duration').fill('2');
      await page.getByTestId('upload-title').fill('E2E test pattern');
      await page.locator('[data-testid="upload-submit"]:enabled').waitFor();

      // Record every state of the dialog the page renders: each DOM change is seen by the
      // observer before the page's next task, so no state that reaches the screen is missed,
      // however fast or slow the machine.
      await page.evaluate(() => {
        type Seen = { upload: string; processing: string; stage: string };
        const seen: Seen[] = [];
        (window as unknown as { __dialog: Seen[] }).__dialog = seen;
        const attr = (id: string) =>
          document
            .querySelector(`[data-testid="${id}"]`)
            ?.getAttribute('aria-valuenow') ?? '';
        new MutationObserver(() => {
          const state = {
            upload: attr('upload-progress'),
            processing: attr('processing-progress'),
            stage:
              document.querySelector('[data-testid="upload-stage"]')
                ?.textContent ?? '',
          };
          const last = seen[seen.length - 1];
          if (state.stage && JSON.stringify(last) !== JSON.stringify(state))
            seen.push(state);
        }).observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      });
      await submit.click();

      // The playlist opens by itself once READY has been shown.
      await page.waitForURL(/\/playlists\/[^/]+$/, { timeout: 240_000 });
      const playlistId = decodeURIComponent(
        new URL(page.url()).pathname.replace(/^.*\//, ''),
      );
      const states = await page.evaluate(
        () =>
          (
            window as unknown as {
              __dialog: { upload: string; processing: string; stage: string }[];
            }
          ).__dialog,
      );
      // Bytes: the bar only grows, and is full, to stay so, once processing starts.
      const uploaded = states.map((s) => Number(s.upload));
      expect(uploaded).toEqual([...uploaded].sort((a, b) => a - b));
      const firstProcessing = states.findIndex((s) => s.processing !== '');
      expect(firstProcessing).toBeGreaterThan(0);
      expect(uploaded.slice(firstProcessing).every((v) => v === 100)).toBe(
        true,
      );
      // Processing: the stage text moves on and the bar ends at 100 with "Ready" before the page changes.
      expect(states[0].stage).toMatch(/^Uploading/);
      expect(
        states.some((s) =>
          /^(Queued|Probing|Transcoding|Packaging)/.test(s.stage),
        ),
      ).toBe(true);
      expect(states.at(-1)).toMatchObject({ processing: '100' });
      expect(states.at(-1)?.stage).toMatch(/^Ready 100%/);

      const item = page.getByTestId(`playlist-item-${playlistId}`);
      await item.getByText('ready').waitFor({ timeout: 30_000 });
      const summary = page.getByTestId('summary-card');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('pattern.mp4');
      expect(await summary.textContent()).toContain('640×360');

      // Play over HLS (H.264/AAC through MSE) and see time advance.
      const video = page.locator(PLAYER.video);
      await video.waitFor({ state: 'attached' });
      await video.evaluate((v: HTMLVideoElement) => v.play());
      await page.waitForFunction(
        (sel) =>
          ((document.querySelector(sel) as HTMLVideoElement | null)
            ?.currentTime ?? 0) > 0.5,
        PLAYER.video,
        { timeout: 30_000, polling: 200 },
      );

      // Manual rendition: the rung that is not playing now; the decoded frames must follow.
      const playing = (await page.locator(PLAYER.status).textContent()) ?? '';
      const target = playing.includes('240')
        ? { label: '360p', height: 360 }
        : { label: '240p', height: 240 };
      const chip = page.locator(PLAYER.chip(target.label));
      await chip.click();
      await page.waitForFunction(
        ({ status, video, label, height }) => {
          const text = document.querySelector(status)?.textContent ?? '';
          const v = document.querySelector(video) as HTMLVideoElement | null;
          // A 6 s clip may end before the switch shows: loop it.
          if (v && v.ended) {
            v.currentTime = 0;
            void v.play();
          }
          return text.includes(label) && v?.videoHeight === height;
        },
        {
          status: PLAYER.status,
          video: PLAYER.video,
          label: target.label,
          height: target.height,
        },
        { timeout: 30_000, polling: 250 },
      );

      // Back to automatic selection.
      const auto = page.locator(PLAYER.auto);
      expect(await auto.isChecked()).toBe(false);
      await auto.check();
      await page
        .locator(`${PLAYER.chip(target.label)}.chip--active`)
        .waitFor({ state: 'detached' });
      expect(await auto.isChecked()).toBe(true);

      // The manual switch is explained, and the stats panel charts the session as it plays.
      expect(await page.getByTestId('status-reason').textContent()).toBeTruthy();
      await page.getByTestId('stats-toggle').click();
      await page.waitForFunction(
        () => (document.querySelector('[data-testid="stats-buffer"]')?.getAttribute('points') ?? '').split(' ').length >= 2,
        undefined,
        { timeout: 30_000, polling: 250 },
      );

      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      await page.screenshot({
        path: join(ARTIFACTS_DIR, 'dashboard.png'),
        fullPage: true,
      });
      expect(pageErrors.filter((e) => !/favicon/i.test(e))).toEqual([]);
    }));

  it('keeps deep links working: /playlists/:id and the prototype’s /?playlist=<id>', () =>
    withDiagnostics('deep-link', async () => {
      const base = baseUrl();
      const id = await uploadReady(base, join(work, 'pattern.mp4'));
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`${base}/?playlist=${encodeURIComponent(id)}`);
      await page.waitForURL(`**/playlists/${encodeURIComponent(id)}`);
      await page.getByTestId('summary-card').waitFor();

      // Narrow screens: the sidebar hides behind the menu button.
      await page.setViewportSize({ width: 600, height: 800 });
      const openSidebar = page.locator('[data-testid="sidebar"].sidebar--open');
      await page.getByTestId('menu-button').click();
      await openSidebar.waitFor({ state: 'visible' });
      // Opening the upload dialog closes the sidebar.
      await page.getByTestId('open-upload').click();
      await openSidebar.waitFor({ state: 'detached' });
      await page.locator('dialog[open]').waitFor();
      await page.keyboard.press('Escape');
      await page.locator('dialog[open]').waitFor({ state: 'detached' });
      // Focus goes back to the button that opened the dialog.
      await page.waitForFunction(
        () =>
          (document.activeElement as HTMLElement | null)?.dataset['testid'] ===
          'open-upload',
      );
    }));
});
