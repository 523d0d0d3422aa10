import { registerEnumType } from '@nestjs/graphql';

/** The job's life cycle: QUEUED → PROBING → TRANSCODING → PACKAGING → READY, or FAILED from any stage. */
export enum PlaylistStatus {
  QUEUED = 'QUEUED',
  PROBING = 'PROBING',
  TRANSCODING = 'TRANSCODING',
  PACKAGING = 'PACKAGING',
  READY = 'READY',
  FAILED = 'FAILED',
}

registerEnumType(PlaylistStatus, {
  name: 'PlaylistStatus',
  description: 'Where a playlist is in its processing life cycle.',
});
