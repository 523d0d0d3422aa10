// While the stream is still being encoded (EVENT playlists without ENDLIST), seeks stay within what is published.
import { HLS_EVENTS, HlsLevelDetails, HlsLike, HlsListener } from './hls-types';

/** A seek past the published end lands this far before it, inside the last segment, so there is media to play. */
export const PUBLISHED_END_MARGIN_SECONDS = 1;

/** Where a seek to `target` may land: anywhere once the playlist has ended, else no later than what is published. */
export function seekLimit(target: number, published: HlsLevelDetails | null): number {
  if (!published?.live) return target;
  return Math.min(target, Math.max(0, published.edge - PUBLISHED_END_MARGIN_SECONDS));
}

/**
 * Watches the rung playlists hls.js loads and pulls a seek past their end back inside them. The
 * seek bar spans the probed duration while the playlist grows; a seek beyond what exists would
 * otherwise wait there, or make hls.js jump to its live sync point (it does when the play head is
 * outside the playlist).
 */
export class GrowingStreamGuard {
  private published: HlsLevelDetails | null = null;

  constructor(
    private readonly hls: HlsLike,
    private readonly media: HTMLMediaElement,
  ) {
    hls.on(HLS_EVENTS.LEVEL_UPDATED, this.onLevelUpdated);
    media.addEventListener('seeking', this.onSeeking);
  }

  destroy(): void {
    this.hls.off(HLS_EVENTS.LEVEL_UPDATED, this.onLevelUpdated);
    this.media.removeEventListener('seeking', this.onSeeking);
  }

  private readonly onLevelUpdated: HlsListener<typeof HLS_EVENTS.LEVEL_UPDATED> = (_event, { details }) => {
    this.published = { live: details.live, edge: details.edge };
  };

  private readonly onSeeking = (): void => {
    const target = this.media.currentTime;
    const limit = seekLimit(target, this.published);
    if (limit < target) this.media.currentTime = limit;
  };
}
