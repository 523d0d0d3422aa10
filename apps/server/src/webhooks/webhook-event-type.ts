import { registerEnumType } from '@nestjs/graphql';

/** What a webhook can subscribe to; the value is the `type` a delivery's body carries. */
export enum WebhookEventType {
  PLAYLIST_READY = 'playlist.ready',
  PLAYLIST_FAILED = 'playlist.failed',
  PLAYLIST_PLAYABLE = 'playlist.playable',
  PLAYLIST_DELETED = 'playlist.deleted',
}

export const WEBHOOK_EVENT_TYPES = Object.values(WebhookEventType);

registerEnumType(WebhookEventType, {
  name: 'WebhookEventType',
  description: 'A playlist event a webhook can subscribe to; deliveries name it `playlist.ready`, `playlist.failed`, `playlist.playable` or `playlist.deleted`.',
  valuesMap: {
    PLAYLIST_READY: { description: 'Every rendition is encoded and packaged (`playlist.ready`).' },
    PLAYLIST_FAILED: { description: 'Processing failed; the playlist’s `error` says why (`playlist.failed`).' },
    PLAYLIST_PLAYABLE: { description: 'The stream can be played, while encoding goes on (`playlist.playable`).' },
    PLAYLIST_DELETED: { description: 'The playlist and its files were deleted (`playlist.deleted`).' },
  },
});
