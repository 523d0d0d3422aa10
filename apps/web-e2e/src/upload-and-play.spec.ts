// End to end in a real headless Chromium: upload a generated clip through the dialog, watch it process,
// play it over HLS while it is still being encoded and on after it is READY, switch renditions by hand
// and back to auto. Needs `nx build server` and `nx build web`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { uploadReady } from './support/api';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { realTimeEncodes } from './support/real-time-encode';
import { ARTIFACTS_DIR } from './support/repo';
import type { RunningServer } from './support/server-process';
import { BrowserSession } from './support/session';

/** The player component's hooks (apps/web/src/app/player/player.component.html). */
const PLAYER = {
  video: '[data-testid="player-video"]',
  chip: (label: string) => `cmm-player [data-testid="chip-${label}"]`,
  auto: 'cmm-player [data-testid="auto-toggle"]',
  status: '[data-testid="status-rendition"]',
  notice: '[data-testid="processing-notice"]',
};

describe('web: upload, process and play in Chromium', () => {
  let session: BrowserSession | undefined;
  let work: string;
  let server: RunningServer;
  let page: Page;
  const pageErrors: string[] = [];
  const baseUrl = (): string => {
    if (!server) throw new Error('the server did not start (see beforeAll)');
    return server.baseUrl;
  };

  beforeAll(async () => {
    session = new BrowserSession('play');
    work = session.work;
    makeClip(join(work, 'pattern.mp4'), { seconds: 6, width: 640, height: 360, extraArgs: ['-shortest'] });
    makeClip(join(work, 'growing.mp4'), { seconds: 20, width: 640, height: 360, extraArgs: ['-shortest'] });
    // Encodes last as long as their clip (6 s, 20 s) on any machine: the playlists are watched while they grow.
    server = await session.start({ ...realTimeEncodes(work) });
    page = session.page;
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on(
      'console',
      (m) => m.type() === 'error' && pageErrors.push(m.text()),
    );
  });

  afterAll(async () => {
    await session?.close();
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

  it('uploads a clip, shows progress, opens the playlist once playable and plays it adaptively', () =>
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
      // The page's path and the player's processing notice are recorded with them.
      await page.evaluate(() => {
        type Seen = { path: string; upload: string; processing: string; stage: string; notice: string };
        const seen: Seen[] = [];
        (window as unknown as { __dialog: Seen[] }).__dialog = seen;
        const attr = (id: string) =>
          document
            .querySelector(`[data-testid="${id}"]`)
            ?.getAttribute('aria-valuenow') ?? '';
        const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? '';
        new MutationObserver(() => {
          const state = {
            path: location.pathname,
            upload: attr('upload-progress'),
            processing: attr('processing-progress'),
            stage: text('upload-stage'),
            notice: text('processing-notice'),
          };
          const last = seen[seen.length - 1];
          if ((state.stage || state.notice) && JSON.stringify(last) !== JSON.stringify(state))
            seen.push(state);
        }).observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      });
      await submit.click();

      // The playlist opens by itself as soon as it is playable, and says it is still processing.
      await page.waitForURL(/\/playlists\/[^/]+$/, { timeout: 240_000 });
      const playlistId = decodeURIComponent(
        new URL(page.url()).pathname.replace(/^.*\//, ''),
      );
      await page.locator(PLAYER.notice).waitFor({ timeout: 30_000 });
      const states = await page.evaluate(
        () =>
          (
            window as unknown as {
              __dialog: { path: string; upload: string; processing: string; stage: string; notice: string }[];
            }
          ).__dialog,
      );
      const dialog = states.filter((s) => s.stage);
      // Bytes: the bar only grows, and is full, to stay so, once processing starts.
      const uploaded = dialog.map((s) => Number(s.upload));
      expect(uploaded).toEqual([...uploaded].sort((a, b) => a - b));
      const firstProcessing = dialog.findIndex((s) => s.processing !== '');
      expect(firstProcessing).toBeGreaterThan(0);
      expect(uploaded.slice(firstProcessing).every((v) => v === 100)).toBe(
        true,
      );
      // Processing: the stage text moves on; the page changes before the end (the encode lasts at
      // least the clip's 6 s, its first segments exist after one), and the playlist's page then
      // shows the player with the processing notice.
      expect(dialog[0].stage).toMatch(/^Uploading/);
      expect(
        dialog.some((s) =>
          /^(Queued|Probing|Transcoding|Packaging)/.test(s.stage),
        ),
      ).toBe(true);
      expect(dialog.at(-1)?.stage).not.toMatch(/^Ready/);
      expect(Number(dialog.at(-1)?.processing)).toBeLessThan(100);
      expect(
        states.some((s) => s.path.startsWith('/playlists/') && /^Still processing — \d+ %/.test(s.notice)),
      ).toBe(true);

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

  it('plays a video while it is still processing, and plays on in the same player once it is READY', () =>
    withDiagnostics('growing', async () => {
      const base = baseUrl();
      await page.goto(base, { waitUntil: 'networkidle' });
      await page.getByTestId('open-upload').click();
      await page.getByTestId('upload-file-input').setInputFiles(join(work, 'growing.mp4'));
      for (const box of await page.locator('[data-testid^="resolution-"]').all()) await box.uncheck();
      await page.getByTestId('resolution-360').check();
      await page.getByTestId('resolution-240').check();
      // 4 s segments: published after 1, 2 and 4 s of video, then every 4 s.
      await page.getByTestId('upload-segment-duration').fill('4');

      // Record the player as the page sees it: every DOM change and every media event of the
      // <video> (each element numbered as first seen, so a replaced one shows), with the processing
      // notice on screen at that moment.
      await page.evaluate(() => {
        type Sample = { path: string; event: string; video: number; t: number; duration: number; notice: string };
        const samples: Sample[] = [];
        (window as unknown as { __player: Sample[] }).__player = samples;
        const ids = new WeakMap<HTMLVideoElement, number>();
        let seen = 0;
        const record = (event: string) => {
          const v = document.querySelector<HTMLVideoElement>('[data-testid="player-video"]');
          if (!v) return;
          if (!ids.has(v)) {
            ids.set(v, ++seen);
            for (const e of ['loadstart', 'emptied', 'durationchange', 'timeupdate', 'seeking', 'seeked', 'waiting', 'playing', 'ended'])
              v.addEventListener(e, () => record(e));
          }
          samples.push({
            path: location.pathname,
            event,
            video: ids.get(v) ?? 0,
            t: v.currentTime,
            duration: v.duration,
            notice: document.querySelector('[data-testid="processing-notice"]')?.textContent?.trim() ?? '',
          });
        };
        new MutationObserver(() => record('dom')).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.locator('[data-testid="upload-submit"]:enabled').click();

      // Play is offered while processing: the player and its notice, at half speed so the play head
      // stays behind the end whatever the machine (the encode runs at the clip's own speed).
      await page.waitForURL(/\/playlists\/[^/]+$/, { timeout: 240_000 });
      const playlistId = decodeURIComponent(new URL(page.url()).pathname.replace(/^.*\//, ''));
      await page.locator(PLAYER.notice).waitFor();
      const video = page.locator(PLAYER.video);
      await video.evaluate((v: HTMLVideoElement) => {
        v.playbackRate = 0.5;
        return v.play();
      });
      await page.waitForFunction((sel) => (document.querySelector(sel) as HTMLVideoElement).currentTime >= 1, PLAYER.video, { polling: 100 });

      // A seek to the end of the seek bar (the probed duration) lands within what is published.
      const seekFrom = await video.evaluate((v: HTMLVideoElement) => {
        v.currentTime = v.duration - 0.5;
        return (window as unknown as { __player: unknown[] }).__player.length;
      });
      await page.waitForFunction(
        (from) => (window as unknown as { __player: { event: string }[] }).__player.slice(from).some((s) => s.event === 'seeked'),
        seekFrom,
        { polling: 100 },
      );

      // READY: the notice goes; the player plays on past where it was.
      await page.locator(PLAYER.notice).waitFor({ state: 'detached', timeout: 120_000 });
      const atReady = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
      await page.waitForFunction(
        (after) => (window as unknown as { __player: { event: string; t: number }[] }).__player.some((s) => s.event === 'timeupdate' && s.t > after),
        atReady + 1,
        { timeout: 30_000, polling: 100 },
      );
      // and the rungs appear without a reload
      await page.locator(PLAYER.chip('360p')).waitFor();

      // The samples of this playlist's page (`/` showed the newest READY playlist before the upload).
      const all = await page.evaluate(
        () => (window as unknown as { __player: { path: string; event: string; video: number; t: number; duration: number; notice: string }[] }).__player,
      );
      const onPage = (s: (typeof all)[number]) => s.path === `/playlists/${encodeURIComponent(playlistId)}`;
      const samples = all.filter(onPage);
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query($id: ID!) { playlist(id: $id) { status source { duration } } }', variables: { id: playlistId } }),
      });
      const { data } = (await res.json()) as { data: { playlist: { status: string; source: { duration: number } } } };
      expect(data.playlist.status).toBe('READY');
      const probed = data.playlist.source.duration;
      const processing = samples.filter((s) => /^Still processing — \d+ %/.test(s.notice));
      const ready = samples.slice(samples.findLastIndex((s) => s.notice) + 1);

      // One <video>, loaded once: no reload at READY.
      expect(new Set(samples.map((s) => s.video)).size).toBe(1);
      expect(samples.filter((s) => s.event === 'loadstart' || s.event === 'emptied').map((s) => s.event)).toEqual(['loadstart']);
      // It played from the start while the notice was on screen.
      const played = processing.filter((s) => s.event === 'timeupdate' && s.t > 0);
      expect(played[0]?.t).toBeLessThan(1);
      expect(Math.max(...played.map((s) => s.t)) - played[0].t).toBeGreaterThanOrEqual(1);
      // The seek bar spans the probed duration from the start, never what is encoded so far; once the
      // playlists end, the media's own end, within a few frames of it. hls.js gets the ended playlist
      // the moment it is written (blocking reload), which can be before READY is announced (the
      // storyboard is made after the ladder), so the notice may still show then.
      const ended = ready.at(-1)?.duration ?? 0;
      expect(Math.abs(ended - probed)).toBeLessThan(0.25);
      const known = processing.filter((s) => Number.isFinite(s.duration));
      expect(known.length).toBeGreaterThan(0);
      expect(known.filter((s) => Math.abs(s.duration - probed) >= 0.001 && Math.abs(s.duration - ended) >= 0.25)).toEqual([]);
      // The seek to the end of the bar (probed - 0.5 s) was pulled back inside what existed.
      const seekedAt = all.findIndex((s, i) => i >= seekFrom && s.event === 'seeked');
      expect(all[seekedAt].notice).toMatch(/^Still processing/);
      expect(all[seekedAt].t).toBeLessThan(probed - 2);
      // Before and after that seek, time only moves forward in small steps: no jump to a live edge.
      for (const part of [all.slice(0, seekFrom), all.slice(seekedAt)]) {
        const times = part.filter((s) => onPage(s) && s.event === 'timeupdate').map((s) => s.t);
        expect(times.slice(1).map((t, i) => t - times[i]).filter((d) => d < 0 || d > 1)).toEqual([]);
      }
      // After READY the same element went on playing.
      expect(ready.some((s) => s.event === 'timeupdate' && s.t > atReady + 1)).toBe(true);
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
