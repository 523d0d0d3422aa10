import { entityTag } from './conditional-request';
import { mediaResponse, type MediaRequest } from './media-response';

const file = { size: 1000, modifiedAt: new Date('2026-11-24T06:00:00.250Z') };
const SEGMENT = 'clip/stream/720p/segment_00001.m4s';

function headerMap(headers: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < headers.length; i += 2) out[headers[i]] = headers[i + 1];
  return out;
}

describe('mediaResponse', () => {
  it.each<[string, Partial<MediaRequest>, number, string | undefined, string | undefined, { start: number; end: number } | null]>([
    ['a plain GET', {}, 200, undefined, '1000', { start: 0, end: 999 }],
    ['a range', { range: 'bytes=100-199' }, 206, 'bytes 100-199/1000', '100', { start: 100, end: 199 }],
    ['a suffix range', { range: 'bytes=-10' }, 206, 'bytes 990-999/1000', '10', { start: 990, end: 999 }],
    ['a range past the end', { range: 'bytes=1000-' }, 416, 'bytes */1000', undefined, null],
    ['a range with a stale If-Range', { range: 'bytes=0-9', ifRange: '"stale"' }, 200, undefined, '1000', { start: 0, end: 999 }],
    ['a range with the current If-Range', { range: 'bytes=0-9', ifRange: entityTag(file) }, 206, 'bytes 0-9/1000', '10', { start: 0, end: 9 }],
    ['the current ETag', { ifNoneMatch: entityTag(file) }, 304, undefined, undefined, null],
    ['the current ETag with a range', { ifNoneMatch: entityTag(file), range: 'bytes=0-9' }, 304, undefined, undefined, null],
    ['HEAD', { method: 'HEAD' }, 200, undefined, '1000', null],
    ['HEAD with a range', { method: 'HEAD', range: 'bytes=0-9' }, 206, 'bytes 0-9/1000', '10', null],
  ])('answers %s', (_name, request, status, contentRange, contentLength, body) => {
    const answer = mediaResponse(SEGMENT, file, { method: 'GET', ...request });
    const headers = headerMap(answer.headers);
    expect({ status: answer.status, range: headers['Content-Range'], length: headers['Content-Length'], body: answer.body }).toEqual({
      status,
      range: contentRange,
      length: contentLength,
      body,
    });
  });

  it('sends no body for an empty file', () => {
    const answer = mediaResponse(SEGMENT, { ...file, size: 0 }, { method: 'GET', range: 'bytes=0-9' });
    expect(answer).toMatchObject({ status: 200, body: null });
    expect(headerMap(answer.headers)['Content-Length']).toBe('0');
  });

  it.each([
    ['clip/stream/master.m3u8', 'application/vnd.apple.mpegurl', 'no-cache'],
    ['clip/stream/manifest.mpd', 'application/dash+xml', 'no-cache'],
    [SEGMENT, 'video/iso.segment', 'public, max-age=31536000, immutable'],
    ['clip/stream/720p/init.mp4', 'video/mp4', 'public, max-age=31536000, immutable'],
    ['clip/poster.jpg', 'image/jpeg', 'public, max-age=60'],
  ])('describes %s as %s, cached %s, with validators, CORS and nosniff', (key, type, cache) => {
    const headers = headerMap(mediaResponse(key, file, { method: 'GET' }).headers);
    expect(headers).toMatchObject({
      'Content-Type': type,
      'Cache-Control': cache,
      ETag: entityTag(file),
      'Last-Modified': 'Tue, 24 Nov 2026 06:00:00 GMT',
      'Accept-Ranges': 'bytes',
      'Access-Control-Allow-Origin': '*',
      'X-Content-Type-Options': 'nosniff',
    });
  });
});
