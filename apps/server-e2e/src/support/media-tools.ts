import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function onPath(name: string): string | null {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** The same order the server uses: env var, then PATH, then the npm-shipped binary. */
export function ffmpegPath(): string {
  return process.env['FFMPEG_PATH'] || onPath('ffmpeg') || require('@ffmpeg-installer/ffmpeg').path;
}

export function ffprobePath(): string {
  return process.env['FFPROBE_PATH'] || onPath('ffprobe') || require('@ffprobe-installer/ffprobe').path;
}

export interface ClipOptions {
  seconds: number;
  width?: number;
  height?: number;
  audio?: boolean;
  video?: boolean;
  extraArgs?: string[];
}

/** Generates a test clip with lavfi sources (testsrc2 + sine), so no media fixture lives in git. */
export function makeClip(path: string, { seconds, width = 320, height = 240, audio = true, video = true, extraArgs = [] }: ClipOptions): string {
  const inputs = [
    ...(video ? ['-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=25:duration=${seconds}`] : []),
    ...(audio ? ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=44100:duration=${seconds}`] : []),
  ];
  const codecs = [...(video ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'] : []), ...(audio ? ['-c:a', 'aac'] : [])];
  execFileSync(ffmpegPath(), ['-v', 'error', '-y', ...inputs, ...codecs, ...extraArgs, path], { stdio: 'pipe' });
  return path;
}

export function ffprobeJson(target: string): { streams: Record<string, unknown>[]; format: Record<string, unknown> } {
  const out = execFileSync(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', target], { encoding: 'utf8' });
  return JSON.parse(out);
}
