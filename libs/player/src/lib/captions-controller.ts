import { sameLanguage } from './caption-choice';
import { HLS_EVENTS, HlsLike } from './hls-types';

/**
 * Shows the chosen caption language, or none, by the mode of the video's text tracks: the browser
 * makes them from the master's SUBTITLES group where it plays HLS itself, and hls.js makes them
 * for its subtitle tracks and follows their mode (as it does for the browser's own captions menu),
 * so a choice hls.js might undo while it sets its tracks up still holds. hls.js's subtitle track
 * is set as well, which loads the captions at once. The choice is applied again whenever tracks
 * appear, so it may be made before the manifest has loaded.
 */
export class CaptionsController {
  private language: string | null = null;
  private readonly apply = () => {
    if (this.hls) this.applyToHls(this.hls);
    this.applyToVideo();
  };

  constructor(
    private readonly hls: HlsLike | null,
    private readonly video: HTMLVideoElement,
  ) {
    hls?.on(HLS_EVENTS.SUBTITLE_TRACKS_UPDATED, this.apply);
    // jsdom's text track list is no EventTarget
    video.textTracks?.addEventListener?.('addtrack', this.apply);
  }

  select(language: string | null): void {
    this.language = language;
    this.apply();
  }

  destroy(): void {
    this.hls?.off(HLS_EVENTS.SUBTITLE_TRACKS_UPDATED, this.apply);
    this.video.textTracks?.removeEventListener?.('addtrack', this.apply);
  }

  private applyToHls(hls: HlsLike): void {
    const wanted = this.language;
    const index = wanted === null ? -1 : hls.subtitleTracks.findIndex((t) => sameLanguage(t.lang, wanted));
    hls.subtitleDisplay = index >= 0;
    if (hls.subtitleTrack !== index) hls.subtitleTrack = index;
  }

  private applyToVideo(): void {
    const tracks = this.video.textTracks;
    if (!tracks) return;
    const wanted = this.language;
    for (let i = 0; i < tracks.length; i++) {
      const track = tracks[i];
      if (track.kind !== 'subtitles' && track.kind !== 'captions') continue;
      track.mode = wanted !== null && sameLanguage(track.language, wanted) ? 'showing' : 'disabled';
    }
  }
}
