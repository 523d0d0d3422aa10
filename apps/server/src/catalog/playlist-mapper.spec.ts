import { PlaylistStatus } from './models/playlist-status.enum';
import type { PlaylistManifest } from './manifest';
import { manifestOf, mediaUrl, toPlaylist } from './playlist-mapper';

function manifest(overrides: Partial<PlaylistManifest> = {}): PlaylistManifest {
  return {
    id: 'clip-20261124T055412Z-abc123',
    title: 'Clip',
    status: PlaylistStatus.READY,
    error: null,
    created_at: '2026-11-24T05:54:12.000Z',
    created_at_ts: 1795499652,
    updated_at: '2026-11-24T05:55:00.000Z',
    source: {
      filename: 'clip.mp4', path: 'source/clip.mp4', size_bytes: 1000, width: 640, height: 360,
      display_width: 640, display_height: 360, rotation: 0, duration: 6, frame_rate: 25,
      video_codec: 'h264', pixel_format: 'yuv420p', audio_codec: 'aac', has_audio: true,
    },
    segment_duration: 2,
    requested_resolutions: [720, 240],
    skipped_resolutions: [720],
    ladder: [],
    variants: [
      {
        label: '240p', height: 240, width: 426, bitrate: 400000, average_bitrate: 300000, codecs: 'avc1.64000d,mp4a.40.2',
        size_bytes: 3000, playlist: 'stream/240p/playlist.m3u8', init: 'stream/240p/init.mp4',
        segments: [
          { path: 'stream/240p/segment_00000.m4s', duration: 2.002, label: 'Segment 1', size_bytes: 1000 },
          { path: 'stream/240p/segment_00001.m4s', duration: 2.002, label: 'Segment 2', size_bytes: 1000 },
          { path: 'stream/240p/segment_00002.m4s', duration: 1.996, label: 'Segment 3', size_bytes: 1000 },
        ],
      },
    ],
    hls_manifest: 'stream/master.m3u8',
    dash_manifest: 'stream/manifest.mpd',
    poster: 'poster.jpg',
    progress: null,
    ...overrides,
  };
}

describe('toPlaylist', () => {
  it.each([
    ['abc', 'stream/master.m3u8', '/media/abc/stream/master.m3u8'],
    ['abc', 'source/a b#c.mp4', '/media/abc/source/a%20b%23c.mp4'],
  ])('forms media URLs for %s/%s', (id, path, url) => {
    expect(mediaUrl(id, path)).toBe(url);
  });

  it('numbers segments and accumulates their real start times', () => {
    const segments = toPlaylist(manifest()).variants[0].segments;
    expect(segments.map((s) => [s.index, s.start])).toEqual([[0, 0], [1, 2.002], [2, 4.004]]);
    expect(segments[2].url).toBe('/media/clip-20261124T055412Z-abc123/stream/240p/segment_00002.m4s');
  });

  it('links the master playlist of a finished playlist', () => {
    expect(toPlaylist(manifest()).hlsUrl).toBe('/media/clip-20261124T055412Z-abc123/stream/master.m3u8');
  });

  it.each([
    ['none yet', undefined, null],
    ['none made', null, null],
    [
      'one made',
      { vtt: 'storyboard/thumbnails.vtt', sprites: ['storyboard/sprite_000.jpg', 'storyboard/sprite_001.jpg'], interval: 5, count: 120, width: 160, height: 90, columns: 10, rows: 10 },
      {
        vttUrl: '/media/clip-20261124T055412Z-abc123/storyboard/thumbnails.vtt',
        spriteUrls: ['/media/clip-20261124T055412Z-abc123/storyboard/sprite_000.jpg', '/media/clip-20261124T055412Z-abc123/storyboard/sprite_001.jpg'],
        interval: 5,
        count: 120,
        width: 160,
        height: 90,
        columns: 10,
        rows: 10,
      },
    ],
  ])('maps the storyboard: %s', (_name, storyboard, expected) => {
    expect(toPlaylist(manifest({ storyboard })).storyboard).toEqual(expected);
  });

  it('has no stream URLs and carries the error when FAILED', () => {
    const p = toPlaylist(manifest({ status: PlaylistStatus.FAILED, error: 'The file has no video stream', variants: [], hls_manifest: null, dash_manifest: null, poster: null }));
    expect(p).toMatchObject({ status: 'FAILED', hlsUrl: null, dashUrl: null, posterUrl: null, error: 'The file has no video stream' });
  });

  it('remembers the manifest each playlist was built from, and nothing for one built elsewhere', () => {
    const m = manifest();
    const playlist = toPlaylist(m);
    expect(manifestOf(playlist)).toBe(m);
    expect(manifestOf({ ...playlist })).toBeUndefined();
  });

  it('lists captions with their URLs and source, and skipped subtitle tracks', () => {
    const p = toPlaylist(
      manifest({
        captions: [
          { language: 'en', label: 'English', source: 'uploaded', path: 'stream/captions/en.vtt', playlist: 'stream/captions/en.m3u8' },
          { language: 'fr', label: 'French', source: 'extracted', path: 'stream/captions/fr.vtt', playlist: 'stream/captions/fr.m3u8' },
        ],
        skipped_subtitles: [{ stream_index: 3, codec: 'hdmv_pgs_subtitle', language: 'deu', reason: 'pictures' }],
      }),
    );
    expect(p.captions).toEqual([
      { language: 'en', label: 'English', url: '/media/clip-20261124T055412Z-abc123/stream/captions/en.vtt', playlistUrl: '/media/clip-20261124T055412Z-abc123/stream/captions/en.m3u8', source: 'UPLOADED' },
      { language: 'fr', label: 'French', url: '/media/clip-20261124T055412Z-abc123/stream/captions/fr.vtt', playlistUrl: '/media/clip-20261124T055412Z-abc123/stream/captions/fr.m3u8', source: 'EXTRACTED' },
    ]);
    expect(p.skippedSubtitles).toEqual([{ streamIndex: 3, codec: 'hdmv_pgs_subtitle', language: 'deu', reason: 'pictures' }]);
  });

  it('has no captions in a manifest from before captions', () => {
    expect(toPlaylist(manifest()).captions).toEqual([]);
  });
});
