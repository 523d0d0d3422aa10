import { fromUploadMetadata, toUploadMetadata } from './upload-metadata';

describe('resumable upload metadata', () => {
  it.each([
    ['with a title', { filename: 'Holiday.mp4', options: { resolutions: [720, 360], segmentDuration: 4, title: 'Holiday' } }],
    ['without a title', { filename: 'clip.mkv', options: { resolutions: [240], segmentDuration: 2.5, title: null } }],
  ])('reads back what it wrote, %s', (_name, reserved) => {
    expect(fromUploadMetadata(toUploadMetadata(reserved))).toEqual(reserved);
  });

  it.each([
    ['no metadata', undefined],
    ['no file name', { options: '{"resolutions":[360],"segmentDuration":4,"title":null}' }],
    ['no options', { filename: 'a.mp4' }],
    ['options that are not JSON', { filename: 'a.mp4', options: '{resolutions' }],
    ['options that are JSON null', { filename: 'a.mp4', options: 'null' }],
    ['resolutions that are not integers', { filename: 'a.mp4', options: '{"resolutions":["720"],"segmentDuration":4,"title":null}' }],
    ['a segment duration that is not a number', { filename: 'a.mp4', options: '{"resolutions":[360],"segmentDuration":"4","title":null}' }],
    ['a title that is not a string', { filename: 'a.mp4', options: '{"resolutions":[360],"segmentDuration":4,"title":5}' }],
  ])('answers null for %s', (_name, metadata) => {
    expect(fromUploadMetadata(metadata)).toBeNull();
  });
});
