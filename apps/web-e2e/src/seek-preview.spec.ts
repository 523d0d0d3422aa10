// In a real headless Chromium: hovering the player's seek bar shows the storyboard tile for the
// time under the pointer, exactly as the WebVTT thumbnails track places it, and the segment list
// shows each segment's tile. Needs `nx build server` and `nx build web`.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { uploadReady } from './support/api';
import type { RunningServer } from './support/server-process';
import { BrowserSession } from './support/session';

interface Cue {
  start: number;
  end: number;
  sprite: string;
  x: number;
  y: number;
}

const seconds = (t: string) =>
  t.split(':').reduce((total, part) => total * 60 + Number(part), 0);

/** The track as the server wrote it, read here independently of the web app's parser. */
function parseTrack(text: string): Cue[] {
  return [
    ...text.matchAll(
      /(\d{2}:\d{2}:\d{2}\.\d{3}) --> (\d{2}:\d{2}:\d{2}\.\d{3})\n(\S+)#xywh=(\d+),(\d+),\d+,\d+/g,
    ),
  ].map(([, start, end, sprite, x, y]) => ({
    start: seconds(start),
    end: seconds(end),
    sprite,
    x: Number(x),
    y: Number(y),
  }));
}

describe('web: seek-bar previews from the storyboard in Chromium', () => {
  let session: BrowserSession | undefined;
  let work: string;
  let server: RunningServer;
  let page: Page;
  let id: string;

  beforeAll(async () => {
    session = new BrowserSession('preview');
    work = session.work;
    makeClip(join(work, 'board.mp4'), {
      seconds: 12,
      width: 640,
      height: 360,
      extraArgs: ['-shortest'],
    });
    server = await session.start();
    id = await uploadReady(server.baseUrl, join(work, 'board.mp4'));
    page = session.page;
  });

  afterAll(async () => {
    await session?.close();
  });

  it('hovering the seek bar shows the tile of the cue for the time under the pointer', async () => {
    const base = server?.baseUrl ?? '';
    const track = `/media/${id}/storyboard/thumbnails.vtt`;
    const cues = parseTrack(await (await fetch(`${base}${track}`)).text());
    expect(cues.length).toBeGreaterThanOrEqual(6);

    await page.goto(`${base}/playlists/${id}`, { waitUntil: 'networkidle' });
    // the segment list shows its tiles once the page has the track
    await page.getByTestId('segment-thumb-0').waitFor();
    await page.waitForFunction(() => {
      const duration = document.querySelector('video')?.duration ?? NaN;
      return Number.isFinite(duration) && duration > 0;
    });
    const duration = await page.evaluate(
      () => document.querySelector('video')?.duration ?? 0,
    );
    const bar = await page.getByTestId('seek-bar').boundingBox();
    if (!bar) throw new Error('no seek bar');

    const tileOf = (testId: string) =>
      page.getByTestId(testId).evaluate((el) => {
        const style = getComputedStyle(el);
        return {
          image: style.backgroundImage,
          position: style.backgroundPosition,
          width: style.width,
        };
      });

    for (const fraction of [0.1, 0.4, 0.9]) {
      await page.mouse.move(
        bar.x + fraction * bar.width,
        bar.y + bar.height / 2,
      );
      await page.getByTestId('seek-preview-image').waitFor();
      const time = fraction * duration;
      const cue = cues.find((c) => time >= c.start && time < c.end);
      if (!cue) throw new Error(`no cue at ${time} s`);
      const tile = await tileOf('seek-preview-image');
      expect(tile.image).toBe(
        `url("${base}/media/${id}/storyboard/${cue.sprite}")`,
      );
      expect(tile.position).toBe(`${-cue.x}px ${-cue.y}px`);
      expect(tile.width).toBe('160px');
      const shown = await page.getByTestId('seek-preview-time').textContent();
      expect(shown?.trim()).toBe(`0:${String(Math.round(time)).padStart(2, '0')}`);
    }

    // each segment shows the tile of the cue at its start
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ playlist(id: "${id}") { variants { segments { index start } } } }`,
      }),
    });
    const { data } = (await response.json()) as {
      data: { playlist: { variants: { segments: { index: number; start: number }[] }[] } };
    };
    const segments = data.playlist.variants[0].segments;
    expect(segments.length).toBeGreaterThan(3);
    for (const segment of segments) {
      const cue = [...cues].reverse().find((c) => c.start <= segment.start);
      expect(await tileOf(`segment-thumb-${segment.index}`)).toMatchObject({
        position: `${-(cue?.x ?? 0)}px ${-(cue?.y ?? 0)}px`,
      });
    }

    await page.mouse.move(bar.x + bar.width / 2, bar.y - 200);
    await page.getByTestId('seek-preview').waitFor({ state: 'detached' });
  });
});
