import type { PlaylistManifest } from '../manifest';
import { PlaylistStatus } from '../models/playlist-status.enum';
import { toColumns } from './playlist-row';

const base = {
  id: 'clip-20240101T000000Z-a1b2c3', title: 'Clip', status: PlaylistStatus.QUEUED, error: null, created_at: '2024-01-01T00:00:00.123Z', created_at_ts: 1704067200.123, updated_at: '2024-01-02T10:00:00.000Z',
  source: { filename: 'clip.mp4', path: 'source/clip.mp4', size_bytes: 1, width: 2, height: 2, display_width: 2, display_height: 2, rotation: 0, duration: 1, frame_rate: 25, video_codec: 'h264', pixel_format: 'yuv420p', audio_codec: null, has_audio: false },
  segment_duration: 4, requested_resolutions: [144], skipped_resolutions: [], ladder: [], variants: [], hls_manifest: null, dash_manifest: null, poster: null, progress: null,
} satisfies PlaylistManifest;

describe('toColumns', () => {
  it.each([
    ['a queued upload', base, { status: 'QUEUED', created_at_ts: 1704067200.123, updated_at: '2024-01-02T10:00:00.000Z' }],
    ['a failed job', { ...base, status: PlaylistStatus.FAILED, error: 'boom' }, { status: 'FAILED' }],
    ['a date with sub-millisecond digits, kept to the bit', { ...base, created_at_ts: 1704067200.1234567 }, { created_at_ts: 1704067200.1234567 }],
  ])('copies the queried columns out of %s', (_name, manifest, columns) => {
    expect(toColumns(manifest)).toMatchObject(columns);
  });

  it.each([
    ['an ordinary manifest', base, base],
    ['optional fields left out, as the file leaves them out', { ...base, playable_at: undefined, encoder: undefined }, base],
    ['an encoder and a playable stream', { ...base, playable_at: '2024-01-01T00:00:05.000Z', encoder: { pgid: 1, boot_id: 'b', start_ticks: '99' } }, { ...base, playable_at: '2024-01-01T00:00:05.000Z', encoder: { pgid: 1, boot_id: 'b', start_ticks: '99' } }],
    ['a NUL in a title (JSONB refuses NUL), replaced', { ...base, title: 'a\u0000b' }, { ...base, title: 'a\ufffdb' }],
    ['a backslash before u0000 in a title, kept', { ...base, title: 'C:\\u0000' }, { ...base, title: 'C:\\u0000' }],
    ['a backslash and a NUL, only the NUL replaced', { ...base, title: '\\\u0000' }, { ...base, title: '\\\ufffd' }],
  ])('stores %s as JSON', (_name, manifest, stored) => {
    expect(JSON.parse(toColumns(manifest as PlaylistManifest).manifest)).toEqual(stored);
  });
});
