import { TestBed } from '@angular/core/testing';
import { HLS_EVENTS } from '@cmm/player';
import { FakeHls } from '@cmm/player/testing';
import { PlayerService } from './player.service';
import { ABR_ENVIRONMENT, CAPTION_CHOICE_STORAGE, HLS } from './player.tokens';
import type { PlayerPlaylist } from './player.types';

const segments = [
  { index: 0, start: 0, duration: 4, label: 'Segment 1' },
  { index: 1, start: 4, duration: 4, label: 'Segment 2' },
];
const PLAYLIST: PlayerPlaylist = {
  id: 'p1',
  hlsUrl: '/media/p1/stream/master.m3u8',
  expectedDuration: null,
  storyboardUrl: null,
  variants: [
    { label: '240p', height: 240, width: 426, bitrate: 400_000, segments },
    { label: '720p', height: 720, width: 1280, bitrate: 2_800_000, segments },
  ],
  captions: [],
};

/** localStorage's slice the service uses, kept in memory. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('PlayerService', () => {
  let service: PlayerService;
  let storage: MemoryStorage;

  beforeEach(() => {
    FakeHls.instances = [];
    FakeHls.supported = true;
    storage = new MemoryStorage();
    TestBed.configureTestingModule({
      providers: [
        PlayerService,
        { provide: CAPTION_CHOICE_STORAGE, useValue: storage },
        { provide: HLS, useValue: FakeHls },
        {
          provide: ABR_ENVIRONMENT,
          useValue: {
            network: () => ({ downlink: 0.3 }),
            devicePixelRatio: () => 1,
          },
        },
      ],
    });
    service = TestBed.inject(PlayerService);
    service.attach(document.createElement('video'));
  });

  it('orders variants highest first and takes segments from the top rung', () => {
    service.load(PLAYLIST);
    expect(service.variants().map((v) => v.label)).toEqual(['720p', '240p']);
    expect(service.segments()).toEqual(segments);
  });

  it.each([
    [0, 0],
    [3.9, 0],
    [4, 1],
    [9, null],
  ])('puts time %p in segment %p', (time, index) => {
    service.load(PLAYLIST);
    service.timeUpdated(time);
    expect(service.activeSegment()).toBe(index);
  });

  it('shows the playing rung, falling back to the manual then the automatic choice', () => {
    service.load(PLAYLIST);
    const hls = FakeHls.instances[0];
    expect(service.renditionHeight()).toBeNull();
    service.selectHeight(720);
    expect(service.renditionHeight()).toBe(720);
    hls.emit(HLS_EVENTS.LEVEL_SWITCHED, { level: 0 });
    expect(service.renditionHeight()).toBe(240);
  });

  it('plays a growing stream over the probed duration, and keeps playing it when READY brings the rungs', () => {
    service.load({ ...PLAYLIST, expectedDuration: 120, variants: [] });
    const hls = FakeHls.instances[0];
    expect(hls.calls).toContain('attachMedia duration=120');
    expect(service.segments()).toEqual([]);

    service.load(PLAYLIST);
    expect(FakeHls.instances).toHaveLength(1);
    expect(hls.calls).not.toContain('destroy');
    expect(service.variants().map((v) => v.label)).toEqual(['720p', '240p']);
    expect(service.segments()).toEqual(segments);
  });

  it('does not load a playlist that has no stream yet', () => {
    service.load({ ...PLAYLIST, hlsUrl: null });
    expect(FakeHls.instances).toHaveLength(0);
  });

  it('destroys hls.js with its injector', () => {
    service.load(PLAYLIST);
    TestBed.resetTestingModule();
    expect(FakeHls.instances[0].calls).toContain('destroy');
  });

  describe('captions', () => {
    const withCaptions = (id: string, ...languages: string[]): PlayerPlaylist => ({
      ...PLAYLIST,
      id,
      hlsUrl: `/media/${id}/stream/master.m3u8`,
      captions: languages.map((language) => ({ language, label: language })),
    });
    const hls = () => FakeHls.instances[FakeHls.instances.length - 1];
    const offer = (...languages: string[]) => {
      hls().subtitleTracks = languages.map((lang, id) => ({ id, name: lang, lang }));
      hls().emit(HLS_EVENTS.SUBTITLE_TRACKS_UPDATED, { subtitleTracks: hls().subtitleTracks });
    };

    it('start off for a viewer who never chose', () => {
      service.load(withCaptions('a', 'en', 'fr'));
      offer('en', 'fr');
      expect(service.captionLanguage()).toBeNull();
      expect(hls().subtitleTrack).toBe(-1);
    });

    it.each([
      ['the same language in the next video', 'fr', ['de', 'fr'], 'fr', 1],
      ['the same primary language', 'en-GB', ['en'], 'en', 0],
      ['off when the next video lacks it', 'ja', ['en', 'fr'], null, -1],
      ['off when the viewer turned them off', null, ['en', 'fr'], null, -1],
    ])('remember the choice across videos: %s', (_, chosen, next, shown, track) => {
      service.load(withCaptions('a', 'en', 'fr', 'ja', 'en-GB'));
      service.selectCaption(chosen);
      expect(storage.items.get('cmm.captions')).toBe(chosen ?? 'off');
      service.load(withCaptions('b', ...next));
      offer(...next);
      expect(service.captionLanguage()).toBe(shown);
      expect(hls().subtitleTrack).toBe(track);
    });

    it('keeps a growing stream playing: captions that come with READY wait for the next load', () => {
      service.load({ ...withCaptions('a'), expectedDuration: 8 });
      service.load(withCaptions('a', 'en'));
      expect(FakeHls.instances).toHaveLength(1);
      expect(service.captions()).toEqual([]);
      service.load(withCaptions('b', 'en'));
      expect(service.captions()).toEqual([{ language: 'en', label: 'en' }]);
    });

    it('reloads a finished stream at the play head when its captions change, and turns the remembered language on', () => {
      storage.setItem('cmm.captions', 'en');
      service.load(withCaptions('a'));
      service.timeUpdated(3.5);
      service.load(withCaptions('a'));
      expect(FakeHls.instances).toHaveLength(1);
      service.load(withCaptions('a', 'en'));
      expect(FakeHls.instances).toHaveLength(2);
      expect(hls().options['startPosition']).toBe(3.5);
      expect(service.captions()).toEqual([{ language: 'en', label: 'en' }]);
      expect(service.captionLanguage()).toBe('en');
      service.load(withCaptions('a'));
      expect(FakeHls.instances).toHaveLength(3);
      expect(service.captions()).toEqual([]);
      expect(service.captionLanguage()).toBeNull();
    });
  });
});

