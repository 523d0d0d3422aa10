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

/**
 * A camera-like source for benchmarks: testsrc2 with temporal noise at `fps`, 16:9, about
 * 7.5 Mbit/s at 1080p (scaled by pixel count), so bitrates and encode speed are those of real
 * footage rather than of a flat test card; plus a stereo sine. Ultrafast keeps a 5-minute source
 * quick to make; its blockiness is part of the source every pipeline reads.
 */
export function makeNoisySource(path: string, { seconds, height = 1080, fps = 30 }: { seconds: number; height?: number; fps?: number }): string {
  const width = Math.round((height * 16) / 9 / 2) * 2;
  const kbps = Math.round((7500 * height * height) / (1080 * 1080));
  execFileSync(ffmpegPath(), [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps}:duration=${seconds},noise=alls=12:allf=t`],
    ...['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${2 * kbps}k`, '-pix_fmt', 'yuv420p'],
    ...['-c:a', 'aac', '-ac', '2', '-b:a', '128k', path],
  ], { stdio: 'pipe' });
  return path;
}

export function ffprobeJson(target: string): { streams: Record<string, unknown>[]; format: Record<string, unknown> } {
  const out = execFileSync(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_streams', '-show_format', target], { encoding: 'utf8' });
  return JSON.parse(out);
}
