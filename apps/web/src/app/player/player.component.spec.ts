import { TestBed } from '@angular/core/testing';
import { FakeHls, fragment } from '@cmm/player/testing';
import { HLS_EVENTS } from '@cmm/player';
import { sessionExport } from './stats-chart';
import { PlayerComponent } from './player.component';
import { ABR_ENVIRONMENT, CAPTION_CHOICE_STORAGE, FETCH_TEXT, HLS } from './player.tokens';
import type { PlayerPlaylist } from './player.types';

const segments = [
  { index: 0, start: 0, duration: 2, label: 'Segment 1 (0:00–0:02)' },
  { index: 1, start: 2, duration: 2, label: 'Segment 2 (0:02–0:04)' },
];
const PLAYLIST: PlayerPlaylist = {
  id: 'p1',
  hlsUrl: '/media/p1/stream/master.m3u8',
  expectedDuration: null,
  storyboardUrl: null,
  variants: [
    { label: '360p', height: 360, width: 640, bitrate: 800_000, segments },
    { label: '720p', height: 720, width: 1280, bitrate: 2_400_000, segments },
    { label: '240p', height: 240, width: 426, bitrate: 400_000, segments },
  ],
  captions: [],
};

const TRACK = [
  'WEBVTT',
  '',
  '00:00:00.000 --> 00:00:02.000',
  'sprite_000.jpg#xywh=0,0,160,90',
  '',
  '00:00:02.000 --> 00:00:04.000',
  'sprite_000.jpg#xywh=160,0,160,90',
  '',
].join('\n');
const WITH_STORYBOARD: PlayerPlaylist = { ...PLAYLIST, storyboardUrl: '/media/p1/storyboard/thumbnails.vtt' };

/** jsdom has no PointerEvent: a mouse event carrying the pointer's fields. */
function pointer(type: string, clientX: number, pointerType: string): Event {
  return Object.assign(new MouseEvent(type, { clientX, bubbles: true }), { pointerId: 1, pointerType });
}

describe('PlayerComponent', () => {
  let fetchText: jest.Mock<Promise<string>, [string]>;

  beforeEach(() => {
    fetchText = jest.fn((url: string) => (url.endsWith('.vtt') ? Promise.resolve(TRACK) : Promise.reject(new Error('404'))));
    FakeHls.instances = [];
    FakeHls.supported = true;
    TestBed.configureTestingModule({
      imports: [PlayerComponent],
      providers: [
        { provide: HLS, useValue: FakeHls },
        { provide: FETCH_TEXT, useValue: (url: string) => fetchText(url) },
        {
          provide: ABR_ENVIRONMENT,
          useValue: { network: () => null, devicePixelRatio: () => 1 },
        },
        { provide: CAPTION_CHOICE_STORAGE, useValue: null },
      ],
    });
  });

  function render(playlist = PLAYLIST) {
    const fixture = TestBed.createComponent(PlayerComponent);
    fixture.componentRef.setInput('playlist', playlist);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const q = (id: string) =>
      el.querySelector(`[data-testid="${id}"]`) as HTMLElement;
    return { fixture, el, q, hls: FakeHls.instances[0] };
  }

  it('loads the master playlist and shows a chip per rung, highest first, with bitrates', () => {
    const { el, hls } = render();
    expect(hls.calls[0]).toBe('loadSource /media/p1/stream/master.m3u8');
    expect(
      [...el.querySelectorAll('.chip')].map((c) =>
        c.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    ).toEqual(['720p · 2.4 Mbps', '360p · 800 kbps', '240p · 400 kbps']);
  });

  it('marks the rung auto plays with chip--auto-active', () => {
    const { fixture, q, hls } = render();
    hls.emit(HLS_EVENTS.LEVEL_SWITCHED, { level: 1 });
    fixture.detectChanges();
    expect(q('chip-360p').classList).toContain('chip--auto-active');
    expect(q('status-rendition').textContent).toBe('360p');
    expect(q('status-source').textContent).toBe('Auto');
  });

  it('a chip turns auto off, switches level and is marked chip--active; the toggle returns to auto', () => {
    const { fixture, q, hls } = render();
    q('chip-720p').click();
    fixture.detectChanges();
    expect(hls.currentLevel).toBe(2);
    expect(q('chip-720p').classList).toContain('chip--active');
    expect((q('auto-toggle') as HTMLInputElement).checked).toBe(false);
    expect(q('status-source').textContent).toBe('Manual');

    const toggle = q('auto-toggle') as HTMLInputElement;
    toggle.checked = true;
    toggle.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(hls.currentLevel).toBe(-1);
    expect(q('chip-720p').classList).not.toContain('chip--active');
    expect(q('status-source').textContent).toBe('Auto');
  });

  it('says why the rendition last changed: the controller’s reason, or the viewer’s choice', () => {
    const { fixture, q, hls } = render();
    expect(q('status-reason')).toBeNull();
    const abr = new (hls.options['abrController'] as new (h: typeof hls) => { nextAutoLevel: number })(hls);
    expect(abr.nextAutoLevel).toBeGreaterThanOrEqual(0);
    fixture.detectChanges();
    expect(q('status-reason').textContent).toBe('first guess');
    q('chip-240p').click();
    fixture.detectChanges();
    expect(q('status-reason').textContent).toBe('your choice');
  });

  it('says while start-up waits for the buffer a link slower than the lowest rung needs', () => {
    const { fixture, q, hls } = render();
    hls.latestLevelDetails = { targetduration: 4, live: false, totalduration: 60 };
    new (hls.options['abrController'] as new (h: typeof hls) => object)(hls);
    // 0.2 Mbit/s against a lowest rung of 0.4: the gate asks for two 4 s segments
    const load = (start: number) => hls.emit(HLS_EVENTS.FRAG_LOADED, { frag: fragment(100_000, 4000, { start }) });
    load(0);
    fixture.detectChanges();
    expect(q('status-start').textContent?.replace(/\s+/g, ' ')).toBe('starts at 8 s of buffer: the link is slower than the lowest rung');
    load(4);
    fixture.detectChanges();
    expect(q('status-start')).toBeNull();
  });

  it('says while start-up waits for a second segment, room to switch down should the link fall', () => {
    const { fixture, q, hls } = render();
    hls.latestLevelDetails = { targetduration: 4, live: false, totalduration: 60 };
    new (hls.options['abrController'] as new (h: typeof hls) => object)(hls);
    // 1.6 Mbit/s: the link carries the lowest rung, the gate still waits for the segment a switch loads again
    const load = (start: number) => hls.emit(HLS_EVENTS.FRAG_LOADED, { frag: fragment(100_000, 500, { start }) });
    load(0);
    fixture.detectChanges();
    expect(q('status-start').textContent?.replace(/\s+/g, ' ')).toBe('starts at 8 s of buffer: room to switch down should the link fall');
    load(4);
    fixture.detectChanges();
    expect(q('status-start')).toBeNull();
  });

  it('opens the stats panel: a chart of the last minute, and the session as JSON', () => {
    jest.useFakeTimers();
    try {
      const { fixture, q, hls } = render();
      expect(q('stats-panel')).toBeNull();
      const chosen = new (hls.options['abrController'] as new (h: typeof hls) => { nextAutoLevel: number })(hls).nextAutoLevel;
      expect(chosen).toBeGreaterThanOrEqual(0);
      jest.advanceTimersByTime(2000);
      q('stats-toggle').click();
      fixture.detectChanges();
      expect(q('stats-toggle').getAttribute('aria-expanded')).toBe('true');
      expect(q('stats-estimate').getAttribute('points')?.split(' ')).toHaveLength(2);
      expect(q('stats-chosen').getAttribute('points')?.split(' ')).toHaveLength(2);

      const saved: Blob[] = [];
      const createObjectURL = jest.fn((blob: Blob) => (saved.push(blob), 'blob:session'));
      Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
      const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
      q('stats-export').click();
      expect(click).toHaveBeenCalledTimes(1);
      expect(saved[0].type).toBe('application/json');
      expect(saved[0].size).toBe(sessionExport(fixture.componentInstance['player'].state().history).length);
      click.mockRestore();
    } finally {
      jest.useRealTimers();
    }
  });

  it('lists "Full video" then every segment; choosing one seeks to its start', () => {
    const { q, el } = render();
    expect(
      [...el.querySelectorAll('.segment')].map((b) => b.textContent?.trim()),
    ).toEqual(['Full video', segments[0].label, segments[1].label]);
    const video = q('player-video') as HTMLVideoElement;
    video.play = () => Promise.resolve();
    q('segment-1').click();
    expect(video.currentTime).toBe(2);
  });

  it('highlights the segment the play head is in', () => {
    const { fixture, q } = render();
    const video = q('player-video') as HTMLVideoElement;
    video.currentTime = 2.5;
    video.dispatchEvent(new Event('timeupdate'));
    fixture.detectChanges();
    expect(q('segment-1').classList).toContain('segment--active');
    expect(q('segment-0').classList).not.toContain('segment--active');
  });

  it('keeps playing when the same playlist is handed in again, and reloads for another', () => {
    const { fixture } = render();
    fixture.componentRef.setInput('playlist', {
      ...PLAYLIST,
      variants: [...PLAYLIST.variants],
    });
    fixture.detectChanges();
    expect(FakeHls.instances).toHaveLength(1);
    fixture.componentRef.setInput('playlist', {
      ...PLAYLIST,
      id: 'p2',
      hlsUrl: '/media/p2/stream/master.m3u8',
    });
    fixture.detectChanges();
    expect(FakeHls.instances).toHaveLength(2);
    expect(FakeHls.instances[0].calls).toContain('destroy');
  });

  it('shows a fatal error as an alert', () => {
    const { fixture, el, hls } = render();
    for (let i = 0; i < 4; i++)
      hls.emit(HLS_EVENTS.ERROR, {
        type: 'networkError',
        details: 'manifestLoadError',
        fatal: true,
      });
    fixture.detectChanges();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Network error while loading the stream',
    );
  });

  describe('seek previews', () => {
    /** A 400 px seek bar over a 4 s video whose storyboard has loaded. */
    async function renderWithStoryboard(playlist = WITH_STORYBOARD) {
      const view = render(playlist);
      const video = view.q('player-video') as HTMLVideoElement;
      Object.defineProperty(video, 'duration', { value: 4 });
      video.dispatchEvent(new Event('durationchange'));
      await Promise.resolve();
      await Promise.resolve();
      view.fixture.detectChanges();
      jest.spyOn(view.q('seek-bar'), 'getBoundingClientRect').mockReturnValue({ left: 0, width: 400, top: 0, height: 8 } as DOMRect);
      return { ...view, video };
    }

    it('loads the storyboard’s track once', async () => {
      await renderWithStoryboard();
      expect(fetchText.mock.calls).toEqual([['/media/p1/storyboard/thumbnails.vtt']]);
    });

    it.each([
      ['the first tile at 1 s', 100, '0:01', '0px 0px'],
      ['the second tile at 3 s', 300, '0:03', '-160px 0px'],
      ['the last tile at the very end', 400, '0:04', '-160px 0px'],
    ])('hovering shows %s, with the time', async (_name, x, time, position) => {
      const { fixture, q } = await renderWithStoryboard();
      q('seek-bar').dispatchEvent(pointer('pointermove', x, 'mouse'));
      fixture.detectChanges();
      const image = q('seek-preview-image');
      expect(image.style.backgroundImage).toBe('url("/media/p1/storyboard/sprite_000.jpg")');
      expect(image.style.backgroundPosition).toBe(position);
      expect([image.style.width, image.style.height]).toEqual(['160px', '90px']);
      expect(q('seek-preview-time').textContent?.trim()).toBe(time);
    });

    it('hides the preview when the mouse leaves, and a click seeks', async () => {
      const { fixture, q, video } = await renderWithStoryboard();
      const bar = q('seek-bar');
      bar.dispatchEvent(pointer('pointermove', 100, 'mouse'));
      bar.dispatchEvent(new MouseEvent('pointerleave'));
      fixture.detectChanges();
      expect(q('seek-preview')).toBeNull();
      bar.dispatchEvent(pointer('pointerdown', 300, 'mouse'));
      bar.dispatchEvent(pointer('pointerup', 300, 'mouse'));
      expect(video.currentTime).toBe(3);
    });

    it('a touch drag shows the preview under the finger and seeks where it is lifted', async () => {
      const { fixture, q, video } = await renderWithStoryboard();
      const bar = q('seek-bar');
      bar.dispatchEvent(pointer('pointermove', 300, 'touch'));
      fixture.detectChanges();
      expect(q('seek-preview')).toBeNull();
      bar.dispatchEvent(pointer('pointerdown', 50, 'touch'));
      bar.dispatchEvent(pointer('pointermove', 250, 'touch'));
      fixture.detectChanges();
      expect(q('seek-preview-image').style.backgroundPosition).toBe('-160px 0px');
      expect(q('seek-preview-time').textContent?.trim()).toBe('0:03');
      bar.dispatchEvent(pointer('pointerup', 250, 'touch'));
      fixture.detectChanges();
      expect(q('seek-preview')).toBeNull();
      expect(video.currentTime).toBe(2.5);
    });

    it('shows each segment’s thumbnail: the tile at its start, at half size', async () => {
      const { q } = await renderWithStoryboard();
      expect(q('segment-thumb-0').style.backgroundPosition).toBe('0px 0px');
      expect(q('segment-thumb-1').style.backgroundPosition).toBe('-160px 0px');
      expect(q('segment-thumb-1').parentElement?.style.width).toBe('80px');
    });

    it.each([
      ['without a storyboard', PLAYLIST],
      ['when its track cannot be loaded', { ...PLAYLIST, storyboardUrl: '/media/p1/storyboard/missing' }],
    ])('shows the time alone and no segment thumbnails %s', async (_name, playlist) => {
      const { fixture, q } = await renderWithStoryboard(playlist);
      q('seek-bar').dispatchEvent(pointer('pointermove', 200, 'mouse'));
      fixture.detectChanges();
      expect(q('seek-preview-time').textContent?.trim()).toBe('0:02');
      expect(q('seek-preview-image')).toBeNull();
      expect(q('segment-thumb-0')).toBeNull();
    });
  });

  it('has no captions menu for a video without captions', () => {
    const { q } = render();
    expect(q('captions-select')).toBeNull();
  });

  it('offers Off and each caption, and picking one shows it through hls.js', () => {
    const { fixture, q, hls } = render({
      ...PLAYLIST,
      captions: [
        { language: 'en', label: 'English' },
        { language: 'fr', label: 'Français' },
      ],
    });
    hls.subtitleTracks = [
      { id: 0, name: 'English', lang: 'en' },
      { id: 1, name: 'Français', lang: 'fr' },
    ];
    const select = q('captions-select') as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.textContent?.trim()])).toEqual([
      ['', 'Off'],
      ['en', 'English'],
      ['fr', 'Français'],
    ]);
    expect(select.value).toBe('');
    select.value = 'fr';
    select.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect([hls.subtitleTrack, hls.subtitleDisplay]).toEqual([1, true]);
  });
});
