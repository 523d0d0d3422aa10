import type { PlaylistManifest } from '../catalog/manifest';
import { isPlayable, mediaUrl } from '../catalog/playlist-mapper';
import { WebhookEventType } from './webhook-event-type';

export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  at: Date;
}

/**
 * A delivery's JSON body, in the Standard Webhooks shape (`type`, `timestamp`, `data`) plus the
 * event id. URLs are root-relative, as the GraphQL API gives them; a deleted playlist has none.
 */
export function webhookPayload(event: WebhookEvent, manifest: PlaylistManifest): string {
  const gone = event.type === WebhookEventType.PLAYLIST_DELETED;
  const url = (path: string | null) => (path && !gone ? mediaUrl(manifest.id, path) : null);
  return JSON.stringify({
    id: event.id,
    type: event.type,
    timestamp: event.at.toISOString(),
    data: {
      playlist: {
        id: manifest.id,
        title: manifest.title,
        status: manifest.status,
        playable: !gone && isPlayable(manifest),
        hlsUrl: url(manifest.hls_manifest),
        dashUrl: url(manifest.dash_manifest),
        posterUrl: url(manifest.poster),
        error: manifest.error,
      },
    },
  });
}
