// In a real headless Chromium, against a server started with API_TOKENS: the app asks for the
// token once, refuses a wrong one, keeps the right one across a reload and uploads with it (the
// upload over HTTP, its progress over graphql-ws). Needs `nx build server` and `nx build web`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { ARTIFACTS_DIR } from './support/repo';
import type { RunningServer } from './support/server-process';
import { BrowserSession } from './support/session';

const TOKEN = 'e2e-sign-in-token-0123456789abcdef';
const OPEN_SIGN_IN = '[data-testid="sign-in-dialog"][open]';

describe('web: sign in with an API token in Chromium', () => {
  let session: BrowserSession | undefined;
  let work: string;
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    session = new BrowserSession('sign-in');
    work = session.work;
    makeClip(join(work, 'clip.mp4'), { seconds: 2, width: 320, height: 240 });
    server = await session.start({ API_TOKENS: TOKEN });
    page = session.page;
  });

  afterAll(async () => {
    await session?.close();
  });

  it('asks once, refuses a wrong token, keeps the right one across a reload and uploads with it', async () => {
    if (!server) throw new Error('the server did not start (see beforeAll)');
    try {
      await page.goto(server.baseUrl, { waitUntil: 'networkidle' });
      await page.locator(OPEN_SIGN_IN).waitFor();

      await page.getByTestId('sign-in-token').fill('not-the-token-at-all-0000');
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('sign-in-problem').waitFor();
      expect(await page.locator(OPEN_SIGN_IN).count()).toBe(1);

      await page.getByTestId('sign-in-token').fill(TOKEN);
      await page.getByTestId('sign-in-submit').click();
      await page.locator(OPEN_SIGN_IN).waitFor({ state: 'detached' });

      await page.reload({ waitUntil: 'networkidle' });
      await page.getByTestId('sidebar').waitFor();
      expect(await page.locator(OPEN_SIGN_IN).count()).toBe(0);

      await page.getByTestId('open-upload').click();
      await page.getByTestId('upload-file-input').setInputFiles(join(work, 'clip.mp4'));
      for (const box of await page.locator('[data-testid^="resolution-"]').all()) await box.uncheck();
      await page.getByTestId('resolution-240').check();
      await page.locator('[data-testid="upload-submit"]:enabled').click();
      await page.waitForURL(/\/playlists\/[^/]+$/, { timeout: 240_000 });
      await page.getByTestId('player-video').waitFor();
      expect(await page.locator(OPEN_SIGN_IN).count()).toBe(0);
    } catch (error) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'sign-in-failure.png'), fullPage: true }).catch(() => undefined);
      if (error instanceof Error) error.message += `\n--- server log tail ---\n${server.logTail()}`;
      throw error;
    }
  });
});
