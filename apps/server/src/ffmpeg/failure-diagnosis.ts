import { ProcessingFailure } from '../errors/domain-error';
import { UNSUPPORTED_CONTAINER } from './probe-parser';

export interface Diagnosis {
  failure: ProcessingFailure;
  /** For the uploader: what is wrong with the file, or that the fault is ours. */
  message: string;
}

interface Rule {
  pattern: RegExp;
  failure: ProcessingFailure;
  message: (match: RegExpExecArray) => string;
}

export const DISK_FULL_WHILE_PROCESSING =
  'The server ran out of storage space while processing this video; the source is kept, so it can be processed again once space is freed.';

// Order matters: a cut-off file also makes the demuxer say "Invalid data found", so the
// specific truncation signs are checked before the generic unreadable ones.
const RULES: readonly Rule[] = [
  {
    // ffprobe found a demuxer outside the allow-list (an HLS or DASH playlist, a concat list, …)
    pattern: /Format not on whitelist|Protocol '[^']*' not on whitelist/i,
    failure: ProcessingFailure.UnsupportedContainer,
    message: () => UNSUPPORTED_CONTAINER,
  },
  {
    pattern: /moov atom not found/i,
    failure: ProcessingFailure.TruncatedFile,
    message: () =>
      'The file is truncated or not a complete MP4/MOV: its index (moov atom) is missing, which usually means the upload or recording was cut short.',
  },
  {
    pattern: /partial file|File ended prematurely|stream ends prematurely/i,
    failure: ProcessingFailure.TruncatedFile,
    message: () => 'The file is truncated: its media data ends before the length it declares, so part of the video is missing.',
  },
  {
    pattern: /Decoder \(codec (\S+)\) not found|Unsupported codec with id \d+ for input stream \d+|Could not find codec parameters for stream \d+ \(Video: (\S+)/i,
    failure: ProcessingFailure.UnreadableContainer,
    message: (m) => `The video uses a codec this server cannot decode${m[1] || m[2] ? ` (${m[1] || m[2]})` : ''}.`,
  },
  {
    pattern: /Invalid data found when processing input|could not find corresponding trex|Format \S+ detected only with low score|Unknown input format/i,
    failure: ProcessingFailure.UnreadableContainer,
    message: () => 'The file is not a video that can be read: its container is unknown or damaged.',
  },
  {
    pattern: /No space left on device/i,
    failure: ProcessingFailure.StorageFull,
    message: () => DISK_FULL_WHILE_PROCESSING,
  },
  {
    pattern: /Cannot allocate memory|Out of memory/i,
    failure: ProcessingFailure.EncoderFailed,
    message: () => 'The server ran out of memory while encoding; the source is kept so it can be retried.',
  },
];

/** The last line that reads like an error, for the generic message. */
function lastErrorLine(stderr: string): string | null {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !/^(frame|size|video|Stream mapping|Press \[q\])[=:]/.test(l));
  return lines.at(-1)?.replace(/^\[[^\]]+ @ 0x[0-9a-f]+\] /, '') ?? null;
}

/** Turns what ffmpeg or ffprobe said on stderr, and how it ended, into a failure and a user message. */
export function diagnoseFailure(stderrTail: string, exit: { exitCode: number | null; signal?: string | null }): Diagnosis {
  for (const rule of RULES) {
    const match = rule.pattern.exec(stderrTail);
    if (match) return { failure: rule.failure, message: rule.message(match) };
  }
  if (exit.exitCode === null || exit.exitCode > 128) {
    return { failure: ProcessingFailure.EncoderFailed, message: `The encoder crashed${exit.signal ? ` (${exit.signal})` : ''}; the source is kept so it can be retried.` };
  }
  const line = lastErrorLine(stderrTail);
  return {
    failure: ProcessingFailure.EncoderFailed,
    message: `Encoding failed (exit code ${exit.exitCode})${line ? `: ${line}` : ''}.`,
  };
}
