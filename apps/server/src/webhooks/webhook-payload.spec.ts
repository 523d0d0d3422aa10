import type { PlaylistManifest } from '../catalog/manifest';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { webhookPayload } from './webhook-payload';
import { WebhookEventType } from './webhook-event-type';

const AT = new Date('2026-01-01T00:00:00.000Z');
const ready = {
  id: 'abc',
  title: 'Holiday',
  status: PlaylistStatus.READY,
  error: null,
  hls_manifest: 'master.m3u8',
  dash_manifest: 'manifest.mpd',
  poster: 'poster.jpg',
  playable_at: AT.toISOString(),
} as PlaylistManifest;
const failed = { ...ready, status: PlaylistStatus.FAILED, error: 'No video stream', hls_manifest: null, dash_manifest: null, poster: null, playable_at: null } as PlaylistManifest;

describe('webhookPayload', () => {
  it.each<[string, WebhookEventType, PlaylistManifest, object]>([
    [
      'ready: the stream URLs',
      WebhookEventType.PLAYLIST_READY,
      ready,
      { id: 'abc', title: 'Holiday', status: 'READY', playable: true, hlsUrl: '/media/abc/master.m3u8', dashUrl: '/media/abc/manifest.mpd', posterUrl: '/media/abc/poster.jpg', error: null },
    ],
    ['failed: the error', WebhookEventType.PLAYLIST_FAILED, failed, { id: 'abc', status: 'FAILED', playable: false, hlsUrl: null, dashUrl: null, posterUrl: null, error: 'No video stream' }],
    ['deleted: no URLs, the files are gone', WebhookEventType.PLAYLIST_DELETED, ready, { id: 'abc', status: 'READY', playable: false, hlsUrl: null, dashUrl: null, posterUrl: null }],
  ])('%s', (_name, type, manifest, playlist) => {
    const body = JSON.parse(webhookPayload({ id: 'evt_1', type, at: AT }, manifest));
    expect(body).toEqual({ id: 'evt_1', type, timestamp: '2026-01-01T00:00:00.000Z', data: { playlist: expect.objectContaining(playlist) } });
  });
});
