/** Reads ffmpeg's `-progress` output: blocks of key=value lines, each ended by `progress=continue|end`. */
export interface ProgressSample {
  /** Position in the output, seconds; null before the first frame. */
  outTimeSeconds: number | null;
  /** Multiple of real time, e.g. 1.5; null when ffmpeg does not know yet. */
  speed: number | null;
  done: boolean;
}

/** `00:01:02.500000` → 62.5; negative or unknown → null. */
function clockSeconds(value: string): number | null {
  const match = /^(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(value.trim());
  return match ? Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3]) : null;
}

function microseconds(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value.trim())) return null;
  return Number(value) / 1e6;
}

/**
 * One block's fields. `out_time_ms` is in microseconds despite its name (in every ffmpeg
 * version), and is all the 2018 build has; newer builds add `out_time_us`.
 */
export function parseProgressBlock(fields: Readonly<Record<string, string>>): ProgressSample {
  const outTimeSeconds =
    microseconds(fields['out_time_us']) ?? microseconds(fields['out_time_ms']) ?? (fields['out_time'] ? clockSeconds(fields['out_time']) : null);
  const speed = Number.parseFloat((fields['speed'] ?? '').trim());
  return {
    outTimeSeconds,
    speed: Number.isFinite(speed) && speed > 0 ? speed : null,
    done: fields['progress'] === 'end',
  };
}

/** Feeds lines in; calls `onSample` once per completed block. */
export function progressLineReader(onSample: (sample: ProgressSample) => void): (line: string) => void {
  let fields: Record<string, string> = {};
  return (line) => {
    const eq = line.indexOf('=');
    if (eq <= 0) return;
    const key = line.slice(0, eq).trim();
    fields[key] = line.slice(eq + 1).trim();
    if (key === 'progress') {
      onSample(parseProgressBlock(fields));
      fields = {};
    }
  };
}

/** Percent done (0–100, one decimal) and seconds left at the current speed. */
export function computeProgress(outTimeSeconds: number | null, durationSeconds: number, speed: number | null): { percent: number; etaSeconds: number | null } {
  if (outTimeSeconds === null || durationSeconds <= 0) return { percent: 0, etaSeconds: null };
  const done = Math.min(Math.max(outTimeSeconds, 0), durationSeconds);
  const percent = Math.round((done / durationSeconds) * 1000) / 10;
  const etaSeconds = speed ? Math.round((durationSeconds - done) / speed) : null;
  return { percent, etaSeconds };
}
