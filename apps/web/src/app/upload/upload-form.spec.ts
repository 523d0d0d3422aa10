import { limitsFixture } from '../../testing/fixtures';
import { validateUploadForm } from './upload-form';

describe('validateUploadForm', () => {
  const valid = {
    file: { name: 'clip.MP4', size: 1000 },
    resolutions: new Set([720]),
    segmentDuration: 4,
  };

  it('accepts a supported file with one resolution and an in-range segment length', () => {
    expect(validateUploadForm(valid, limitsFixture)).toEqual({});
  });

  it.each([
    [
      'an unsupported extension',
      { file: { name: 'notes.txt', size: 10 } },
      'file',
      'Unsupported file type',
    ],
    [
      'a file without extension',
      { file: { name: 'clip', size: 10 } },
      'file',
      'Unsupported file type',
    ],
    [
      'a file above the size limit',
      { file: { name: 'big.mp4', size: 10_000_001 } },
      'file',
      'larger than',
    ],
    [
      'an empty file',
      { file: { name: 'empty.mp4', size: 0 } },
      'file',
      'empty',
    ],
    [
      'no resolution',
      { resolutions: new Set<number>() },
      'resolutions',
      'at least one',
    ],
    [
      'a segment length below the minimum',
      { segmentDuration: 0.5 },
      'segmentDuration',
      'between 1 and 30',
    ],
    [
      'a segment length above 30 s',
      { segmentDuration: 31 },
      'segmentDuration',
      'between 1 and 30',
    ],
    [
      'a missing segment length',
      { segmentDuration: null },
      'segmentDuration',
      'Enter a segment length',
    ],
  ])('rejects %s', (_case, change, field, message) => {
    const errors = validateUploadForm({ ...valid, ...change }, limitsFixture);
    expect(errors[field as keyof typeof errors]).toContain(message);
  });

  it('does not complain about a file that was not chosen yet', () => {
    expect(validateUploadForm({ ...valid, file: null }, limitsFixture)).toEqual(
      {},
    );
  });
});
