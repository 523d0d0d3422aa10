// In a real headless Chromium: the playlist's Captions panel adds a SubRip file through the GraphQL
// multipart spec, lists it, the player's captions menu offers it and shows its cue, the panel removes
// it, and a bad file gets the server's message next to the file field with nothing added. Needs
// `nx build server` and `nx build web`.
import type { Page } from 'playwright-core';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { addCaption, captionsOf, uploadReady } from './support/api';
import { BrowserSession } from './support/session';

const SRT = '1\n00:00:01,000 --> 00:00:03,000\nHello from the form\n';
const BAD = 'This is a shopping list, not a caption file.\n';

describe('web: managing captions in Chromium', () => {
  let session: BrowserSession | undefined;
  let page: Page;
  let base: string;
  let id: string;

  /** The text of the first cue of the subtitle track shown, once hls.js has loaded it. */
  const shownCue = async (): Promise<string> => {
    const cue = await page.waitForFunction(
      () => {
        const video = document.querySelector('[data-testid="player-video"]') as HTMLVideoElement | null;
        const track = Array.from(video?.textTracks ?? []).find((t) => t.mode === 'showing' && (t.cues?.length ?? 0) > 0);
        return track ? (track.cues?.[0] as VTTCue).text : null;
      },
      undefined,
      { timeout: 60_000 },
    );
    return (await cue.jsonValue()) as string;
  };
  const chooseCaptionFile = (name: string, text: string) =>
    page.getByTestId('caption-file').setInputFiles({ name, mimeType: 'application/x-subrip', buffer: Buffer.from(text) });

  beforeAll(async () => {
    session = new BrowserSession('caption-management');
    makeClip(session.path('clip.mp4'), { seconds: 6, width: 640, height: 360, extraArgs: ['-shortest'] });
    base = (await session.start()).baseUrl;
    page = session.page;
    id = await uploadReady(base, session.path('clip.mp4'));
  });

  afterAll(async () => {
    await session?.close();
  });

  it('adds a SubRip caption through the form, offers it in the player with its cue, and removes it', async () => {
    await page.goto(`${base}/playlists/${id}`, { waitUntil: 'networkidle' });
    await page.getByTestId('no-captions').waitFor();
    expect(await page.getByTestId('captions-select').count()).toBe(0);

    await chooseCaptionFile('english.srt', SRT);
    await page.getByTestId('caption-language').fill('en');
    await page.getByTestId('caption-label').fill('English');
    await page.getByTestId('add-caption').click();

    const item = page.getByTestId('caption-item');
    await item.waitFor();
    expect((await item.locator('td').allTextContents()).slice(0, 4).map((t) => t.trim())).toEqual(['en', 'English', 'uploaded', 'en.vtt']);
    expect(await item.locator('a').getAttribute('href')).toBe(`/media/${id}/stream/captions/en.vtt`);
    expect(await captionsOf(base, id)).toEqual([{ language: 'en', label: 'English', source: 'UPLOADED' }]);

    // the playlist is read again and the player reloads its stream with the new subtitle group
    const select = page.getByTestId('captions-select');
    await select.waitFor();
    expect((await select.locator('option').allTextContents()).map((t) => t.trim())).toEqual(['Off', 'English']);
    await select.selectOption('en');
    expect(await shownCue()).toBe('Hello from the form');

    await page.getByTestId('remove-caption').click();
    await page.getByTestId('remove-caption').getByText('Remove for good?').waitFor();
    await page.getByTestId('remove-caption').click();
    await page.getByTestId('no-captions').waitFor();
    await select.waitFor({ state: 'detached' });
    expect(await captionsOf(base, id)).toEqual([]);
  });

  it('shows the server’s message for a bad file next to the file field, and adds nothing', async () => {
    await page.goto(`${base}/playlists/${id}`, { waitUntil: 'networkidle' });
    await page.getByTestId('no-captions').waitFor();
    await chooseCaptionFile('notes.srt', BAD);
    await page.getByTestId('caption-language').fill('en');
    await page.getByTestId('add-caption').click();

    const fileError = page.getByTestId('error-caption-file');
    await page.waitForFunction(() => !!document.querySelector('[data-testid="error-caption-file"]')?.textContent?.trim());
    // the same file sent straight to the API: the message on the page is the server's own
    const [message] = await addCaption(base, id, { language: 'en', label: 'English', name: 'notes.srt', text: BAD });
    expect(message).toBeTruthy();
    expect((await fileError.textContent())?.trim()).toBe(message);
    expect(await page.getByTestId('caption-item').count()).toBe(0);
    expect(await captionsOf(base, id)).toEqual([]);
  });
});
