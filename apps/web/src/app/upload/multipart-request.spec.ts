import { UploadVideoDocument } from '@cmm/api-schema';
import { buildMultipartBody } from './multipart-request';

describe('buildMultipartBody', () => {
  const file = new File(['video-bytes'], 'clip.mp4', { type: 'video/mp4' });
  const body = buildMultipartBody(
    UploadVideoDocument,
    {
      file: null,
      options: { resolutions: [720, 360], segmentDuration: 4, title: 'Clip' },
    },
    { path: 'variables.file', file, filename: 'clip.mp4' },
  );

  it('sends the operation with the file variable set to null', () => {
    const operations = JSON.parse(body.get('operations') as string);
    expect(operations.operationName).toBe('UploadVideo');
    expect(operations.query).toContain(
      'mutation UploadVideo($file: Upload!, $options: UploadOptionsInput!)',
    );
    expect(operations.query).toContain('fragment PlaylistListItem on Playlist');
    expect(operations.variables).toEqual({
      file: null,
      options: { resolutions: [720, 360], segmentDuration: 4, title: 'Clip' },
    });
  });

  it('maps form field 0 to variables.file', () => {
    expect(JSON.parse(body.get('map') as string)).toEqual({
      0: ['variables.file'],
    });
  });

  it('attaches the file as field 0 with its name, after operations and map', () => {
    const part = body.get('0') as File;
    expect(part.name).toBe('clip.mp4');
    expect(part.size).toBe(file.size);
    expect([...body.keys()]).toEqual(['operations', 'map', '0']);
  });

  it('refuses file paths outside the top-level variables', () => {
    expect(() =>
      buildMultipartBody(
        UploadVideoDocument,
        {},
        { path: 'variables.options.file', file, filename: 'x.mp4' },
      ),
    ).toThrow('Unsupported file path');
  });
});
