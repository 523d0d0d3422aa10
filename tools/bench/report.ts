/**
 * What every benchmark shares: A/B alternation, medians and ratios, and one section each in
 * docs/benchmarks.md (between `<!-- bench:name -->` markers, so benches rewrite only their own part).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

export const REPORT_PATH = resolve(__dirname, '../../docs/benchmarks.md');

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs baseline and candidate alternately (A B A B …), so drift on a shared machine hits both alike. */
export async function alternate<A, B = A>(rounds: number, baseline: () => Promise<A> | A, candidate: () => Promise<B> | B): Promise<{ baseline: A[]; candidate: B[] }> {
  const out = { baseline: [] as A[], candidate: [] as B[] };
  for (let i = 0; i < rounds; i++) {
    out.baseline.push(await baseline());
    out.candidate.push(await candidate());
  }
  return out;
}

export function machine(ffmpeg?: string): { date: string; cores: number; cpu: string; ffmpeg: string } {
  let version = 'not used';
  if (ffmpeg) {
    try {
      version = execFileSync(ffmpeg, ['-version'], { encoding: 'utf8' }).split('\n')[0];
    } catch {
      version = `${ffmpeg} (version unreadable)`;
    }
  }
  return { date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', ffmpeg: version };
}

/** `| a | b |` rows from a header and rows of cells. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Replaces (or appends) this bench's section of docs/benchmarks.md, stamped with the machine it ran on. */
export function writeSection(name: string, title: string, body: string, ffmpeg?: string): void {
  const m = machine(ffmpeg);
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = [
    start,
    `## ${title}`,
    '',
    `_${m.date}; ${m.cores} cores, ${m.cpu}; ffmpeg: ${m.ffmpeg}._`,
    '',
    body.trim(),
    end,
  ].join('\n');
  const intro = '# Benchmarks\n\nWritten by `npm run bench` (and `npm run bench:abr`); every figure is measured in the run that wrote it, ratios against a baseline run alternately in the same process.\n';
  const current = existsSync(REPORT_PATH) ? readFileSync(REPORT_PATH, 'utf8') : intro;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + section + current.slice(to + end.length) : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(REPORT_PATH, next);
}

export const repoPath = (...parts: string[]): string => join(resolve(__dirname, '../..'), ...parts);
