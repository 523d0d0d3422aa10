import { ValidationError } from '../errors/domain-error';
import { CAPTION_MAX_CUES, CUE_MAX_SECONDS, CUE_ORDER_TOLERANCE_SECONDS } from './caption-rules';

/** One cue, times in seconds; `text` as WebVTT cue text (SubRip's is converted). */
export interface Cue {
  id: string | null;
  start: number;
  end: number;
  /** WebVTT cue settings (`line:0 align:start`), '' when none. */
  settings: string;
  text: string;
}

export type CaptionFormat = 'webvtt' | 'subrip';

export interface ParsedCaptions {
  format: CaptionFormat;
  /** Sorted by start time. */
  cues: Cue[];
}

const fileError = (message: string) => new ValidationError('file', message);

/** UTF-8 only (a BOM is allowed and dropped); NUL bytes mean a binary file. */
export function decodeCaptionText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileError('The caption file is not valid UTF-8 text; save it as UTF-8 and upload it again');
  }
  if (text.includes('\0')) throw fileError('The caption file is not a text file');
  return text;
}

/** `01:02:03.456` (WebVTT, hours optional) or `01:02:03,456` (SubRip) in seconds; null when malformed. */
export function parseTimestamp(value: string, format: CaptionFormat): number | null {
  const pattern = format === 'webvtt' ? /^(?:(\d{1,3}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/ : /^(\d{1,3}):([0-5]?\d):([0-5]?\d)[,.](\d{1,3})$/;
  const match = pattern.exec(value);
  if (!match) return null;
  const [, h, m, s, ms] = match;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms.padEnd(3, '0')) / 1000;
}

const TIMING = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+(.*))?$/;

/** Parses a WebVTT or SubRip file (told apart by the WebVTT header) and checks its cues. */
export function parseCaptions(text: string): ParsedCaptions {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  if (lines.every((l) => l.trim() === '')) throw fileError('The caption file is empty');
  const format: CaptionFormat = /^WEBVTT(?:[ \t].*)?$/.test(lines[0]) ? 'webvtt' : 'subrip';
  const blocks = toBlocks(format === 'webvtt' ? lines.slice(1) : lines);
  const cues: Cue[] = [];
  for (const block of blocks) {
    const cue = format === 'webvtt' ? webVttCue(block, cues.length) : subRipCue(block, cues.length);
    if (!cue) continue;
    if (cues.length === CAPTION_MAX_CUES) throw fileError(`The caption file has more than ${CAPTION_MAX_CUES} cues`);
    cues.push(cue);
  }
  if (cues.length === 0) {
    throw fileError('The WebVTT file has no cues');
  }
  checkOrder(cues);
  return { format, cues: cues.map((c, i) => ({ c, i })).sort((a, b) => a.c.start - b.c.start || a.i - b.i).map(({ c }) => c) };
}

function toBlocks(lines: string[]): { line: number; lines: string[] }[] {
  const blocks: { line: number; lines: string[] }[] = [];
  let current: { line: number; lines: string[] } | null = null;
  lines.forEach((line, i) => {
    if (line.trim() === '') current = null;
    else if (current) current.lines.push(line);
    else blocks.push((current = { line: i + 1, lines: [line] }));
  });
  return blocks;
}

function timing(line: string, format: CaptionFormat, cueNumber: number): { start: number; end: number; settings: string } {
  const match = TIMING.exec(line.trim());
  const start = match ? parseTimestamp(match[1], format) : null;
  const end = match ? parseTimestamp(match[2], format) : null;
  if (!match || start === null || end === null) throw fileError(`Cue ${cueNumber} has a malformed timing line: "${clip(line)}"`);
  if (end > CUE_MAX_SECONDS) throw fileError(`Cue ${cueNumber} ends after ${CUE_MAX_SECONDS / 3600} hours: "${clip(line)}"`);
  if (end <= start) throw fileError(`Cue ${cueNumber} ends before it starts: "${clip(line)}"`);
  return { start, end, settings: format === 'webvtt' ? (match[3] ?? '').trim() : '' };
}

function webVttCue(block: { lines: string[] }, parsed: number): Cue | null {
  const [first] = block.lines;
  // comments, style sheets and regions are not cues; they are dropped from the stored file
  if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first) && !first.includes('-->')) return null;
  const timingAt = first.includes('-->') ? 0 : 1;
  const line = block.lines[timingAt];
  if (line === undefined || !line.includes('-->')) throw fileError(`Cue ${parsed + 1} has no timing line after "${clip(first)}"`);
  const text = block.lines.slice(timingAt + 1);
  if (text.some((l) => l.includes('-->'))) throw fileError(`Cue ${parsed + 1} has a second timing line; cues are separated by a blank line`);
  return { id: timingAt === 1 ? first.trim() : null, ...timing(line, 'webvtt', parsed + 1), text: text.join('\n') };
}

function subRipCue(block: { lines: string[] }, parsed: number): Cue | null {
  const timingAt = block.lines.findIndex((l) => l.includes('-->'));
  if (timingAt < 0 || timingAt > 1) {
    // nothing read yet: more likely not a caption file at all than a broken one
    if (parsed === 0) throw fileError(`The file is neither WebVTT (no WEBVTT header) nor SubRip (no timing line after "${clip(block.lines[0])}")`);
    throw fileError(`Cue ${parsed + 1} has no timing line after "${clip(block.lines[0])}"`);
  }
  const text = block.lines.slice(timingAt + 1);
  if (text.some((l) => l.includes('-->'))) throw fileError(`Cue ${parsed + 1} has a second timing line; cues are separated by a blank line`);
  return { id: null, ...timing(block.lines[timingAt], 'subrip', parsed + 1), text: subRipTextToWebVtt(text.join('\n')) };
}

/** Cue starts must rise, allowing a little slack (see CUE_ORDER_TOLERANCE_SECONDS). */
function checkOrder(cues: readonly Cue[]): void {
  let latest = 0;
  cues.forEach((cue, i) => {
    if (cue.start < latest - CUE_ORDER_TOLERANCE_SECONDS) {
      throw fileError(`Cue ${i + 1} starts at ${cue.start.toFixed(3)} s, before cue ${i} (${latest.toFixed(3)} s): cues must be in time order`);
    }
    latest = Math.max(latest, cue.start);
  });
}

/**
 * SubRip text as WebVTT cue text: `<i>`, `<b>`, `<u>` carry over; `<font>` and ASS overrides
 * (`{\an8}`) are dropped; any other `<` and a bare `&` are escaped so they show as written.
 */
export function subRipTextToWebVtt(text: string): string {
  return text
    .replace(/\{\\[^}]*\}/g, '')
    .replace(/<\/?font\b[^>]*>/gi, '')
    .replace(/&(?!(?:amp|lt|gt|lrm|rlm|nbsp|#\d{1,7}|#x[\da-f]{1,6});)/gi, '&amp;')
    .replace(/<(?!\/?[ibu]>)/gi, '&lt;');
}

const clip = (line: string) => (line.length > 60 ? `${line.slice(0, 57)}...` : line);
