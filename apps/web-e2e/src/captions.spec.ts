// End to end in a real headless Chromium: a READY playlist gets an English SubRip caption, the
// player's captions menu offers it, picking it makes hls.js show a text track whose cue is at the
// time the file says, and the choice is remembered after a reload. Needs `nx build server` and `nx build web`.
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { makeClip } from '@cmm/ffmpeg-binaries/testing';
import { playlistState, uploadReady } from './support/api';
import { playerPage } from './support/player-page';
import type { RunningServer } from './support/server-process';
import { BrowserSession } from './support/session';

const ADD = `mutation($id: ID!, $language: String!, $label: String!, $file: Upload!) {
  addCaption(playlistId: $id, language: $language, label: $label, file: $file) { id }
}`;
const SRT = '1\n00:00:01,000 --> 00:00:03,000\nHello from the captions\n\n2\n00:00:04,000 --> 00:00:05,500\nSecond cue\n';

interface ShownTrack {
  language: string;
  mode: string;
  cues: { start: number; end: number; text: string }[];
}

describe('web: captions in Chromium', () => {
  let session: BrowserSession | undefined;
  let work: string;
  let server: RunningServer;
  let origin: { url: string; server: Server } | undefined;
  let page: Page;
  let base: string;
  let id: string;
  const requests: string[] = [];

  /** The video's subtitle text tracks with their cues, as the browser has them. */
  const textTracks = (): Promise<ShownTrack[]> =>
    page.evaluate(() => {
      const video = document.querySelector('[data-testid="player-video"]') as HTMLVideoElement;
      return Array.from(video.textTracks)
        .filter((t) => t.kind === 'subtitles' || t.kind === 'captions')
        .map((t) => ({
          language: t.language,
          mode: t.mode,
          cues: Array.from(t.cues ?? []).map((c) => ({ start: c.startTime, end: c.endTime, text: (c as VTTCue).text })),
        }));
    });
  const showing = async (): Promise<ShownTrack | null> => {
    const shown = (await textTracks()).find((t) => t.mode === 'showing');
    return shown && shown.cues.length > 0 ? shown : null;
  };
  async function untilShowing(): Promise<ShownTrack> {
    await page.waitForFunction(() => {
      const video = document.querySelector('[data-testid="player-video"]') as HTMLVideoElement | null;
      return Array.from(video?.textTracks ?? []).some((t) => t.mode === 'showing' && (t.cues?.length ?? 0) > 0);
    }, undefined, { timeout: 60_000 }).catch(async (error: Error) => {
      throw new Error(`${error.message}\ntext tracks: ${JSON.stringify(await textTracks())}\nrequests: ${requests.join(' ')}`);
    });
    return (await showing()) as ShownTrack;
  }

  beforeAll(async () => {
    session = new BrowserSession('captions');
    work = session.work;
    makeClip(join(work, 'captioned.mp4'), { seconds: 8, width: 640, height: 360, extraArgs: ['-shortest'] });
    server = await session.start();
    page = session.page;
    base = server.baseUrl;
    id = await uploadReady(base, join(work, 'captioned.mp4'));
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: ADD, variables: { id, language: 'en', label: 'English', file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new Blob([SRT]), 'en.srt');
    const added = (await (await fetch(`${base}/graphql`, { method: 'POST', body: form, headers: { 'apollo-require-preflight': 'true' } })).json()) as { errors?: unknown };
    expect(added.errors).toBeUndefined();
    page.on('requestfinished', (r) => requests.push(new URL(r.url()).pathname.split('/').slice(-2).join('/')));
    page.on('console', (m) => requests.push(`console:${m.type()}:${m.text()}`));
  });

  afterAll(async () => {
    origin?.server.close();
    await session?.close();
  });

  it('offers the caption, shows its cues at the right time through hls.js, and remembers the choice', async () => {
    await page.goto(`${base}/playlists/${id}`, { waitUntil: 'networkidle' });
    const select = page.getByTestId('captions-select');
    await select.waitFor();
    expect(await select.inputValue()).toBe('');
    expect(await select.locator('option').allTextContents()).toEqual(['Off', 'English'].map((t) => expect.stringContaining(t)));
    expect(await showing()).toBeNull();

    await select.selectOption('en');
    const track = await untilShowing();
    expect(track.language).toBe('en');
    expect(track.cues[0].text).toBe('Hello from the captions');
    expect(track.cues[0].start).toBeCloseTo(1, 1);
    expect(track.cues[0].end).toBeCloseTo(3, 1);
    expect(await page.evaluate(() => localStorage.getItem('cmm.captions'))).toBe('en');

    // the next visit starts with English on, and Off is remembered as well
    await page.reload({ waitUntil: 'networkidle' });
    await select.waitFor();
    expect(await select.inputValue()).toBe('en');
    expect((await untilShowing()).cues[0].text).toBe('Hello from the captions');
    await select.selectOption('');
    expect(await page.evaluate(() => localStorage.getItem('cmm.captions'))).toBe('off');
    await page.waitForFunction(() => !Array.from(document.querySelector('video')?.textTracks ?? []).some((t) => t.mode === 'showing'));
  });

  it('Shaka, on another origin, lists the caption from the MPD and shows its cues', async () => {
    const { dashUrl } = await playlistState(base, id);
    origin = await playerPage();
    await page.goto(origin.url);
    const languages = await page.evaluate(async (mpd) => {
      const shaka = (window as unknown as { shaka: ShakaGlobal }).shaka;
      shaka.polyfill.installAll();
      const player = new shaka.Player();
      await player.attach(document.querySelector('video') as HTMLVideoElement);
      await player.load(mpd, 0);
      const tracks = player.getTextTracks();
      // Shaka 5 shows the text track it is given (earlier versions also wanted setTextTrackVisibility)
      player.selectTextTrack(tracks.find((t) => t.language === 'en'));
      return tracks.map((t) => t.language);
    }, `${base}${dashUrl}`);
    expect(languages).toEqual(['en']);
    const shown = await page.waitForFunction(
      () => {
        const cues = Array.from(document.querySelector('video')?.textTracks ?? []).flatMap((t) => Array.from(t.cues ?? []));
        const first = cues.find((c) => (c as VTTCue).text === 'Hello from the captions');
        return first ? { start: first.startTime, end: first.endTime } : null;
      },
      undefined,
      { timeout: 60_000 },
    );
    const cue = (await shown.jsonValue()) as { start: number; end: number };
    expect(cue.start).toBeCloseTo(1, 1);
    expect(cue.end).toBeCloseTo(3, 1);
  });
});

/** The slice of Shaka's global the test drives. */
interface ShakaGlobal {
  polyfill: { installAll(): void };
  Player: new () => {
    attach(video: HTMLVideoElement): Promise<void>;
    load(url: string, start: number): Promise<void>;
    getTextTracks(): { language: string }[];
    selectTextTrack(track: { language: string } | undefined): void;
  };
}
