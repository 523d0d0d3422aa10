import { loadAction } from './load-action';
import type { PlayerPlaylist } from './player.types';

const base: PlayerPlaylist = {
  id: 'p1',
  hlsUrl: '/media/p1/stream/master.m3u8',
  expectedDuration: null,
  storyboardUrl: null,
  variants: [],
  captions: [{ language: 'en', label: 'English' }],
};
const fr = { language: 'fr', label: 'Français' };

describe('loadAction', () => {
  it.each<[string, PlayerPlaylist | null, Partial<PlayerPlaylist>, string]>([
    ['the first playlist', null, {}, 'load'],
    ['another playlist', base, { id: 'p2' }, 'load'],
    ['another stream of the same playlist', base, { hlsUrl: '/other.m3u8' }, 'load'],
    ['the same result again', base, {}, 'keep'],
    ['a growing stream turning READY with captions', { ...base, expectedDuration: 8, captions: [] }, {}, 'keep'],
    ['a growing stream refreshed', { ...base, expectedDuration: 8 }, { expectedDuration: 8, captions: [] }, 'keep'],
    ['a caption added to a finished stream', base, { captions: [...base.captions, fr] }, 'reload'],
    ['a caption removed', base, { captions: [] }, 'reload'],
    ['a caption relabelled', base, { captions: [{ language: 'en', label: 'English (SDH)' }] }, 'reload'],
  ])('%s', (_name, previous, changes, action) => {
    expect(loadAction(previous, { ...base, ...changes })).toBe(action);
  });
});
