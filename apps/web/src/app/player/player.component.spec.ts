import { TestBed } from '@angular/core/testing';
import { FakeHls, fragment } from '@cmm/player/testing';
import { HLS_EVENTS } from '@cmm/player';
import { sessionExport } from './stats-chart';
import { PlayerComponent } from './player.component';
import { ABR_ENVIRONMENT, HLS } from './player.tokens';
import type { PlayerPlaylist } from './player.types';

const segments = [
  { index: 0, start: 0, duration: 2, label: 'Segment 1 (0:00–0:02)' },
  { index: 1, start: 2, duration: 2, label: 'Segment 2 (0:02–0:04)' },
];
const PLAYLIST: PlayerPlaylist = {
  id: 'p1',
  hlsUrl: '/media/p1/stream/master.m3u8',
  expectedDuration: null,
  variants: [
    { label: '360p', height: 360, width: 640, bitrate: 800_000, segments },
    { label: '720p', height: 720, width: 1280, bitrate: 2_400_000, segments },
    { label: '240p', height: 240, width: 426, bitrate: 400_000, segments },
  ],
};

describe('PlayerComponent', () => {
  beforeEach(() => {
    FakeHls.instances = [];
    FakeHls.supported = true;
    TestBed.configureTestingModule({
      imports: [PlayerComponent],
      providers: [
        { provide: HLS, useValue: FakeHls },
        {
          provide: ABR_ENVIRONMENT,
          useValue: { network: () => null, devicePixelRatio: () => 1 },
        },
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
    // 0.2 Mbit/s against a lowest rung of 0.4
    const load = (start: number) => hls.emit(HLS_EVENTS.FRAG_LOADED, { frag: fragment(100_000, 4000, { start }) });
    load(0);
    fixture.detectChanges();
    expect(q('status-start').textContent?.replace(/\s+/g, ' ')).toBe('starts at 30 s of buffer: the link is slower than the lowest rung');
    load(26);
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
});
