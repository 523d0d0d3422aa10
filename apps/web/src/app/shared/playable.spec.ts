import type { PlaylistStatus } from '@cmm/api-schema';
import { isPlayable } from './playable';

describe('isPlayable', () => {
  it.each<[string, PlaylistStatus, boolean, boolean]>([
    ['not while queued', 'QUEUED', false, false],
    ['not while transcoding before the first segments exist', 'TRANSCODING', false, false],
    ['from the PLAYABLE moment, while transcoding', 'TRANSCODING', true, true],
    ['while packaging', 'PACKAGING', true, true],
    ['once READY', 'READY', true, true],
    ['once READY, for a playlist finished before playable existed', 'READY', false, true],
    ['not once FAILED', 'FAILED', false, false],
  ])('%s', (_name, status, playable, expected) => {
    expect(isPlayable({ status, playable })).toBe(expected);
  });
});
