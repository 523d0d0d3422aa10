import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { lostJobs } from './lost-jobs';

const { QUEUED, PROBING, TRANSCODING, PACKAGING, READY, FAILED } = PlaylistStatus;

describe('lostJobs', () => {
  it.each<[string, [string, PlaylistStatus][], string[], string[]]>([
    ['nothing unfinished', [], ['a'], []],
    ['every unfinished playlist has its job', [['a', QUEUED], ['b', TRANSCODING]], ['a', 'b'], []],
    ['a queued playlist whose job Redis lost', [['a', QUEUED]], [], ['a']],
    ['a playlist in each running stage whose job Redis lost', [['p', PROBING], ['t', TRANSCODING], ['k', PACKAGING]], [], ['p', 't', 'k']],
    ['finished playlists never get a job again', [['r', READY], ['f', FAILED]], [], []],
    ['only the ones missing, in the catalog order (oldest first)', [['old', QUEUED], ['kept', QUEUED], ['new', TRANSCODING]], ['kept'], ['old', 'new']],
    ['jobs of playlists the catalog no longer holds are left alone', [['a', QUEUED]], ['a', 'deleted'], []],
  ])('%s', (_name, playlists, jobIds, expected) => {
    expect(lostJobs(playlists.map(([id, status]) => ({ id, status })), new Set(jobIds))).toEqual(expected);
  });
});
