/** Seconds buffered ahead of the play head. */
export function bufferAhead(
  media: Pick<HTMLMediaElement, 'buffered' | 'currentTime'> | null,
): number {
  if (!media) return 0;
  const t = media.currentTime;
  for (let i = 0; i < media.buffered.length; i++) {
    // a small tolerance: the play head can sit just before a range's start after a seek
    if (media.buffered.start(i) <= t + 0.1 && media.buffered.end(i) > t)
      return media.buffered.end(i) - t;
  }
  return 0;
}

/** Total dropped and decoded frames so far, where the browser reports them. */
export function frameCounts(media: HTMLMediaElement | null): {
  dropped: number;
  total: number;
} {
  const quality = (
    media as HTMLVideoElement | null
  )?.getVideoPlaybackQuality?.();
  return {
    dropped: quality?.droppedVideoFrames ?? 0,
    total: quality?.totalVideoFrames ?? 0,
  };
}
