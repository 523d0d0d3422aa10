import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { type RunningServer, assertBuilt, startServer } from './server-process';

/**
 * What a browser spec starts from: its own work folder, the built server with its media there,
 * and Chromium on a fresh profile there. Create it in `beforeAll` (it throws when nothing is
 * built) and `close()` it in `afterAll`, whatever happened in between.
 */
export class BrowserSession {
  readonly work: string;
  private running?: RunningServer;
  private browser?: BrowserContext;
  private tab?: Page;

  constructor(name: string) {
    assertBuilt();
    this.work = mkdtempSync(join(tmpdir(), `cmm-web-e2e-${name}-`));
  }

  /** A path in the work folder. */
  path(name: string): string {
    return join(this.work, name);
  }

  /** Starts the server (MEDIA_DIR in the work folder, plus `env`), then Chromium. */
  async start(env: Record<string, string> = {}): Promise<RunningServer> {
    this.running = await startServer({ MEDIA_DIR: this.path('media'), ...env });
    this.browser = await launchChromium(this.path('profile'));
    this.tab = this.browser.pages()[0] ?? (await this.browser.newPage());
    return this.running;
  }

  get page(): Page {
    if (!this.tab) throw new Error('Chromium did not start (see beforeAll)');
    return this.tab;
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.running?.stop();
    rmSync(this.work, { recursive: true, force: true });
  }
}
