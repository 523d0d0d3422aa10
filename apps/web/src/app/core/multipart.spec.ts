import { extractFiles } from './multipart';

const file = new File(['WEBVTT\n'], 'en.vtt');
const other = new Blob(['x']);

describe('extractFiles', () => {
  it.each<[string, unknown, unknown, [Blob, string[]][]]>([
    [
      'a file variable',
      { operationName: 'AddCaption', variables: { id: 'p1', file } },
      { operationName: 'AddCaption', variables: { id: 'p1', file: null } },
      [[file, ['variables.file']]],
    ],
    [
      'files in lists and nested inputs, the same file at two paths',
      { variables: { files: [file, other], input: { file } } },
      { variables: { files: [null, null], input: { file: null } } },
      [
        [file, ['variables.files.0', 'variables.input.file']],
        [other, ['variables.files.1']],
      ],
    ],
    [
      'no file',
      { variables: { id: 'p1', n: 2, none: null } },
      { variables: { id: 'p1', n: 2, none: null } },
      [],
    ],
  ])('%s', (_name, body, clone, files) => {
    const extracted = extractFiles(body);
    expect(extracted.clone).toEqual(clone);
    expect([...extracted.files]).toEqual(files);
  });

  it('leaves the body it was given untouched', () => {
    const body = { variables: { file } };
    extractFiles(body);
    expect(body.variables.file).toBe(file);
  });
});
