/** `75` → `1:15`, `3725` → `1:02:05`. */
function clock(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** How a segment is named in the UI: `Segment 1 (0:00–0:04)`, from its real start and length. */
export function segmentLabel(index: number, startSeconds: number, durationSeconds: number): string {
  return `Segment ${index + 1} (${clock(startSeconds)}–${clock(startSeconds + durationSeconds)})`;
}
