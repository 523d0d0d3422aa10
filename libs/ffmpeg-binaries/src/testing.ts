import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { binaryCandidates, type Tool } from './lib/binary-candidates';
import { packagedBinary } from './lib/packaged-binary';

/**
 * The binary a test should run: the server's candidate order (FFMPEG_PATH/FFPROBE_PATH, PATH,
 * the npm package) taken from this process's environment, first file that exists. The server
 * also checks `-version`; tests only need the same choice on a healthy machine.
 */
export function testBinary(tool: Tool, env: NodeJS.ProcessEnv = process.env): string {
  const candidates = binaryCandidates(tool, {
    configured: tool === 'ffmpeg' ? env['FFMPEG_PATH'] : env['FFPROBE_PATH'],
    configuredFfmpeg: tool === 'ffprobe' ? env['FFMPEG_PATH'] : undefined,
    pathVariable: env['PATH'],
    platform: process.platform,
    packaged: packagedBinary(tool),
  });
  const found = candidates.find((c) => existsSync(c.path));
  if (!found) throw new Error(`No ${tool} for the tests: tried ${candidates.map((c) => c.path).join(', ')}`);
  return found.path;
}

export const ffmpegPath = (): string => testBinary('ffmpeg');
export const ffprobePath = (): string => testBinary('ffprobe');

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
