import type { PlaylistManifest } from '../catalog/manifest';
import { PlaylistStatus } from '../catalog/models/playlist-status.enum';
import { WebhookEventType } from './webhook-event-type';

type Record = Pick<PlaylistManifest, 'status' | 'playable_at'>;

/**
 * The events one catalog change raises, in the order they happened: `before` is null for a new
 * playlist, `after` null for a deleted one. A stream published while encoding and a ladder that
 * finished first both become playable before READY.
 */
export function lifecycleEvents(before: Record | null, after: Record | null): WebhookEventType[] {
  if (after === null) return before === null ? [] : [WebhookEventType.PLAYLIST_DELETED];
  const events: WebhookEventType[] = [];
  if (after.playable_at && !before?.playable_at) events.push(WebhookEventType.PLAYLIST_PLAYABLE);
  if (after.status !== before?.status) {
    if (after.status === PlaylistStatus.READY) events.push(WebhookEventType.PLAYLIST_READY);
    if (after.status === PlaylistStatus.FAILED) events.push(WebhookEventType.PLAYLIST_FAILED);
  }
  return events;
}
