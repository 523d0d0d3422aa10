import { graphqlErrorsOf, sortUploadErrors } from './upload-errors';

describe('sortUploadErrors', () => {
  it.each([
    ['file', 'Unsupported file type'],
    ['resolutions', 'Choose at least one resolution'],
    ['segmentDuration', 'Segment duration must be between 1 and 30 s'],
    ['title', 'Title is too long'],
  ])(
    'puts a BAD_USER_INPUT error about %s next to that field',
    (field, message) => {
      const sorted = sortUploadErrors([
        { message, extensions: { code: 'BAD_USER_INPUT', field } },
      ]);
      expect(sorted).toEqual({
        fieldErrors: { [field]: message },
        general: null,
      });
    },
  );

  it.each([
    ['filename', 'Unsupported file type'],
    ['size', 'The file is larger than the maximum upload size of 4.0 GB'],
  ])(
    'puts createResumableUpload’s error about the file’s %s next to the file',
    (field, message) => {
      expect(
        sortUploadErrors([
          { message, extensions: { code: 'BAD_USER_INPUT', field } },
        ]).fieldErrors,
      ).toEqual({ file: message });
    },
  );

  it('keeps errors without a known field as a general message', () => {
    const sorted = sortUploadErrors([
      { message: 'Disk full', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      {
        message: 'Odd field',
        extensions: { code: 'BAD_USER_INPUT', field: 'codec' },
      },
    ]);
    expect(sorted).toEqual({ fieldErrors: {}, general: 'Disk full Odd field' });
  });
});

describe('graphqlErrorsOf', () => {
  it.each([
    [
      { errors: [{ message: 'nope', extensions: { code: 'X' } }] },
      [{ message: 'nope', extensions: { code: 'X' } }],
    ],
    [
      '{"errors":[{"message":"as text"}]}',
      [{ message: 'as text', extensions: undefined }],
    ],
    [{ data: { uploadVideo: {} } }, null],
    [{ errors: [] }, null],
    ['<html>Bad gateway</html>', null],
    [null, null],
  ])('reads %p', (body, expected) => {
    expect(graphqlErrorsOf(body)).toEqual(expected);
  });
});
