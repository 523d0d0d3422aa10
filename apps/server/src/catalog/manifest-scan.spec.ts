import { manifestsIn } from './manifest-scan';

const manifest = (id: string) => JSON.stringify({ id, title: id, created_at_ts: 1 });

describe('manifestsIn', () => {
  it.each([
    ['a playlist folder', [{ name: 'a', entries: ['manifest.json'], file: manifest('a') }], ['a'], []],
    ['a folder without manifest.json is no playlist, and not reported', [{ name: 'cut', entries: ['source'], file: null }], [], []],
    ['a corrupt manifest is reported', [{ name: 'broken', entries: ['manifest.json'], file: '{ half a manif' }], [], [{ playlistId: 'broken', reason: expect.stringMatching(/JSON/) }]],
    ['a manifest naming another folder is reported', [{ name: 'moved', entries: ['manifest.json'], file: manifest('elsewhere') }], [], [{ playlistId: 'moved', reason: 'id elsewhere does not match its folder' }]],
    ['an unreadable file is reported', [{ name: 'locked', entries: ['manifest.json'], file: new Error('EACCES: permission denied') }], [], [{ playlistId: 'locked', reason: 'EACCES: permission denied' }]],
    [
      'a mix, in folder order',
      [
        { name: 'b', entries: ['manifest.json'], file: manifest('b') },
        { name: 'broken', entries: ['manifest.json'], file: '[' },
        { name: 'a', entries: ['manifest.json'], file: manifest('a') },
      ],
      ['b', 'a'],
      [{ playlistId: 'broken', reason: expect.any(String) }],
    ],
  ])('%s', (_name, folders, ids, unreadable) => {
    const scan = manifestsIn(folders);
    expect(scan.manifests.map((m) => m.id)).toEqual(ids);
    expect(scan.unreadable).toEqual(unreadable);
  });
});
