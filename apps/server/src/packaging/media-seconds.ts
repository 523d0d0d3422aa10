/** Seconds of media in a run of segments: the sum of their durations. */
export function mediaSeconds(segments: readonly { duration: number }[]): number {
  return segments.reduce((sum, s) => sum + s.duration, 0);
}
