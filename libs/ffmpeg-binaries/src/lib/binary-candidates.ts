import { delimiter as pathDelimiter, dirname, join } from 'node:path';

export type Tool = 'ffmpeg' | 'ffprobe';

export interface BinaryCandidate {
  /** Where the candidate came from, for the log and the start-up error: `FFMPEG_PATH`, `PATH`, a package name. */
  source: string;
  path: string;
}

export interface CandidateSources {
  /** FFMPEG_PATH / FFPROBE_PATH. */
  configured?: string;
  /** For ffprobe: the configured ffmpeg, whose folder usually holds the matching ffprobe. */
  configuredFfmpeg?: string;
  /** The PATH environment variable as is. */
  pathVariable?: string;
  platform?: NodeJS.Platform;
  /** The npm package's binary path, or why it could not be loaded. */
  packaged: { name: string; path: string } | { name: string; error: string };
}

/**
 * The order in which binaries are tried: the configured path, then (for ffprobe) next to the
 * configured ffmpeg, then every PATH folder, then the binary shipped in the npm package.
 */
export function binaryCandidates(tool: Tool, sources: CandidateSources): BinaryCandidate[] {
  const exe = sources.platform === 'win32' ? `${tool}.exe` : tool;
  const envName = tool === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH';
  const candidates: BinaryCandidate[] = [];
  if (sources.configured) candidates.push({ source: envName, path: sources.configured });
  if (tool === 'ffprobe' && sources.configuredFfmpeg) {
    candidates.push({ source: 'next to FFMPEG_PATH', path: join(dirname(sources.configuredFfmpeg), exe) });
  }
  const delimiter = sources.platform === 'win32' ? ';' : sources.platform ? ':' : pathDelimiter;
  for (const dir of (sources.pathVariable ?? '').split(delimiter)) {
    if (dir) candidates.push({ source: 'PATH', path: join(dir, exe) });
  }
  if ('path' in sources.packaged) candidates.push({ source: sources.packaged.name, path: sources.packaged.path });
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.path) && seen.add(c.path));
}

/** `ffmpeg version 5.1.9-0+deb12u1 Copyright ...` → `5.1.9-0+deb12u1`; null when the output is not ffmpeg's. */
export function parseVersion(tool: Tool, versionOutput: string): string | null {
  const match = new RegExp(`^${tool} version (\\S+)`, 'm').exec(versionOutput);
  return match ? match[1] : null;
}
