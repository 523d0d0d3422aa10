import type { Cue } from './caption-parser';

/** `01:02:03.456` */
export function formatTimestamp(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** The stored file: a bare header and the cues, whatever the upload was; cue ids that could be read as timings are dropped. */
export function writeWebVtt(cues: readonly Cue[]): string {
  const blocks = cues.map((cue) => {
    const timing = `${formatTimestamp(cue.start)} --> ${formatTimestamp(cue.end)}${cue.settings ? ` ${cue.settings}` : ''}`;
    const id = cue.id && !cue.id.includes('-->') ? [cue.id] : [];
    return [...id, timing, ...(cue.text ? [cue.text] : [])].join('\n');
  });
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}
