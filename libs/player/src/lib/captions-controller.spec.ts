import { CaptionsController } from './captions-controller';
import { FakeHls, fakeVideo } from './fake-hls';
import { HLS_EVENTS } from './hls-types';

const tracks = [
  { id: 0, name: 'English', lang: 'en' },
  { id: 1, name: 'Français', lang: 'fr' },
];

/** A video whose browser made text tracks from the master (native HLS); `add` fires `addtrack`. */
function nativeVideo() {
  const list = Object.assign(new EventTarget(), { length: 0 }) as unknown as TextTrackList & Record<number, TextTrack>;
  const add = (language: string, kind = 'subtitles') => {
    const track = { language, kind, mode: 'disabled' } as TextTrack;
    (list as unknown as Record<number, TextTrack>)[list.length] = track;
    (list as unknown as { length: number }).length++;
    list.dispatchEvent(new Event('addtrack'));
    return track;
  };
  return { video: Object.assign(fakeVideo({ canPlayHls: true }), { textTracks: list }), add };
}

describe('CaptionsController', () => {
  it.each([
    ['a language hls.js lists', 'fr', 1, true],
    ['off', null, -1, false],
    ['a language hls.js does not list', 'de', -1, false],
  ])('with hls.js, shows %s', (_, language, track, display) => {
    const hls = new FakeHls();
    hls.subtitleTracks = tracks;
    const controller = new CaptionsController(hls, fakeVideo());
    controller.select(language);
    expect([hls.subtitleTrack, hls.subtitleDisplay]).toEqual([track, display]);
  });

  it('applies a choice made before hls.js has read the master once its tracks arrive, until destroyed', () => {
    const hls = new FakeHls();
    const controller = new CaptionsController(hls, fakeVideo());
    controller.select('EN');
    expect(hls.subtitleTrack).toBe(-1);
    hls.subtitleTracks = tracks;
    hls.emit(HLS_EVENTS.SUBTITLE_TRACKS_UPDATED, { subtitleTracks: tracks });
    expect(hls.subtitleTrack).toBe(0);
    controller.destroy();
    expect(hls.listenerCount(HLS_EVENTS.SUBTITLE_TRACKS_UPDATED)).toBe(0);
  });

  it('with hls.js, also shows the text track hls.js made, which hls.js follows', () => {
    const hls = new FakeHls();
    const { video, add } = nativeVideo();
    const controller = new CaptionsController(hls, video);
    controller.select('fr');
    const en = add('en');
    const fr = add('fr');
    expect([en.mode, fr.mode]).toEqual(['disabled', 'showing']);
    controller.destroy();
  });

  it('with native HLS, shows the chosen text track and disables the others, also those added later', () => {
    const { video, add } = nativeVideo();
    const en = add('en');
    const controller = new CaptionsController(null, video);
    controller.select('fr');
    const fr = add('fr');
    const chapters = add('fr', 'chapters');
    expect([en.mode, fr.mode, chapters.mode]).toEqual(['disabled', 'showing', 'disabled']);
    controller.select(null);
    expect([en.mode, fr.mode]).toEqual(['disabled', 'disabled']);
    controller.destroy();
  });
});
