import { sweepTargets } from './startup-sweep';

describe('sweepTargets', () => {
  it.each([
    ['a complete playlist is left alone', [{ name: 'a', entries: ['manifest.json', 'source', 'stream', 'poster.jpg'] }], []],
    [
      'a folder without manifest.json is an upload cut off: removed whole',
      [{ name: 'cut', entries: ['source'] }],
      [{ key: 'cut', reason: 'no manifest.json: an upload that never completed' }],
    ],
    [
      'an empty folder too',
      [{ name: 'empty', entries: [] }],
      [{ key: 'empty', reason: 'no manifest.json: an upload that never completed' }],
    ],
    [
      'a work folder and temp files go, the rest stays',
      [{ name: 'a', entries: ['manifest.json', '.work', 'manifest.json.3f9a0c1d2e4b.tmp', 'source', 'poster.jpg'] }],
      [
        { key: 'a/.work', reason: 'work folder of an interrupted job' },
        { key: 'a/manifest.json.3f9a0c1d2e4b.tmp', reason: 'temp file of an interrupted write' },
      ],
    ],
    ['a folder holding anything but an upload is not ours to remove', [{ name: 'notes', entries: ['todo.txt'] }], []],
    ['hidden top-level folders belong to others', [{ name: '.uploads', entries: ['capacitor-1.tmp'] }, { name: '.health', entries: [] }], []],
  ])('%s', (_name, folders, expected) => {
    expect(sweepTargets(folders)).toEqual(expected);
  });
});
