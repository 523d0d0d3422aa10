import { parseThumbnailTrack, ThumbnailCue, thumbnailAt } from './thumbnail-track';

const TRACK = [
  'WEBVTT',
  '',
  '00:00:00.000 --> 00:00:02.000',
  'sprite_000.jpg#xywh=0,0,160,90',
  '',
  '00:00:02.000 --> 00:00:04.000',
  'sprite_000.jpg#xywh=160,0,160,90',
  '',
  '00:00:04.000 --> 00:00:05.500',
  'sprite_001.jpg#xywh=0,90,160,90',
  '',
].join('\n');

const cue = (start: number, end: number, url: string, x: number, y: number): ThumbnailCue => ({ start, end, url, x, y, width: 160, height: 90 });

describe('parseThumbnailTrack', () => {
  it.each<[string, string, string, ThumbnailCue[]]>([
    [
      'our track, sheets relative to it',
      TRACK,
      '/media/p1/storyboard/thumbnails.vtt',
      [cue(0, 2, '/media/p1/storyboard/sprite_000.jpg', 0, 0), cue(2, 4, '/media/p1/storyboard/sprite_000.jpg', 160, 0), cue(4, 5.5, '/media/p1/storyboard/sprite_001.jpg', 0, 90)],
    ],
    [
      'an absolute track URL keeps its origin',
      TRACK.split('\n').slice(0, 5).join('\n'),
      'https://cdn.example.com/p1/thumbs.vtt',
      [cue(0, 2, 'https://cdn.example.com/p1/sprite_000.jpg', 0, 0)],
    ],
    [
      'CRLF line ends, cue identifiers and hours',
      'WEBVTT\r\n\r\n1\r\n01:00:00.000 --> 01:00:10.000\r\n/abs/s.jpg#xywh=320,180,160,90\r\n',
      '/media/p1/storyboard/thumbnails.vtt',
      [cue(3600, 3610, '/abs/s.jpg', 320, 180)],
    ],
    [
      'cues without a whole #xywh fragment are skipped',
      'WEBVTT\n\n00:00.000 --> 00:02.000\nthumb.jpg\n\n00:02.000 --> 00:04.000\ns.jpg#xywh=0,0,160\n\nNOTE a comment\n\n00:04.000 --> 00:06.000\ns.jpg#xywh=0,0,160,90',
      '/t.vtt',
      [cue(4, 6, '/s.jpg', 0, 0)],
    ],
    ['an empty track', 'WEBVTT\n', '/t.vtt', []],
  ])('%s', (_name, text, url, cues) => {
    expect(parseThumbnailTrack(text, url)).toEqual(cues);
  });
});

describe('thumbnailAt', () => {
  const cues = parseThumbnailTrack(TRACK, '/s/thumbnails.vtt');
  it.each([
    [0, 0],
    [1.99, 0],
    [2, 160],
    [4.2, 0],
    [5.5, 0],
    [99, 0],
  ])('at %d s shows the tile at x=%d', (time, x) => {
    expect(thumbnailAt(cues, time)?.x).toBe(x);
  });

  it.each([
    ['before the first cue', cues.slice(1), 1],
    ['with no cues', [], 3],
  ])('is null %s', (_name, list, time) => {
    expect(thumbnailAt(list, time)).toBeNull();
  });
});
