// In a real headless Chromium: the Webhooks page registers an endpoint on a real local receiver,
// shows its secret once, and lists the playlist.ready delivery an upload caused. Needs
// `nx build server` and `nx build web`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { until, upload } from './support/api';
import { ARTIFACTS_DIR } from './support/repo';
import type { RunningServer } from './support/server-process';
import { BrowserSession } from './support/session';

describe('web: the Webhooks page in Chromium', () => {
  let session: BrowserSession | undefined;
  let work: string;
  let server: RunningServer;
  let page: Page;
  let receiver: Server;
  const received: string[] = [];

  beforeAll(async () => {
    session = new BrowserSession('webhooks');
    work = session.work;
    makeClip(join(work, 'clip.mp4'), { seconds: 2, width: 320, height: 240 });
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
    server = await session.start({ WEBHOOK_ALLOW_PRIVATE: 'true' });
    page = session.page;
  });

  afterAll(async () => {
    receiver?.closeAllConnections();
    await new Promise((done) => receiver?.close(done));
    await session?.close();
  });

  it('creates a webhook, shows its secret once and lists the delivery an upload caused', async () => {
    if (!server) throw new Error('the server did not start (see beforeAll)');
    const url = `http://localhost:${(receiver.address() as AddressInfo).port}/hooks`;
    try {
      await page.goto(server.baseUrl, { waitUntil: 'networkidle' });
      await page.getByTestId('open-webhooks').click();
      await page.waitForURL(/\/webhooks$/);
      await page.getByTestId('no-webhooks').waitFor();

      await page.getByTestId('webhook-url').fill(url);
      await page.getByTestId('create-webhook').click();
      const secret = page.getByTestId('webhook-secret');
      await secret.waitFor();
      expect(await secret.textContent()).toMatch(/whsec_[A-Za-z0-9+/]{32}/);
      await secret.getByRole('button').click();
      await secret.waitFor({ state: 'detached' });
      await page.getByTestId('webhook-item').filter({ hasText: url }).waitFor();

      await upload(server.baseUrl, join(work, 'clip.mp4'), { resolutions: [240], segmentDuration: 2 });
      await until('the receiver to get playlist.ready', async () => (received.some((b) => JSON.parse(b).type === 'playlist.ready') ? true : null), 240_000);

      // the list is read when opened: reopen until the delivery is recorded
      const toggle = page.getByTestId('webhook-item').getByRole('button', { name: 'Deliveries' });
      await until('the page to list the delivery', async () => {
        await toggle.click();
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
        return (await page.getByTestId('deliveries').locator('tr', { hasText: 'playlist.ready' }).filter({ hasText: 'DELIVERED' }).count()) > 0 ? true : null;
      });

      await page.getByTestId('delete-webhook').click();
      await page.getByTestId('delete-webhook').click();
      await page.getByTestId('no-webhooks').waitFor();
    } catch (error) {
      mkdirSync(ARTIFACTS_DIR, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'webhooks-failure.png'), fullPage: true }).catch(() => undefined);
      if (error instanceof Error) error.message += `\n--- server log tail ---\n${server.logTail()}`;
      throw error;
    }
  });
});
