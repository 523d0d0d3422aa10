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

/** Same order as the server: FFMPEG_PATH, then PATH, then the npm-shipped binary. */
export function ffmpegPath(): string {
  return (
    process.env['FFMPEG_PATH'] ||
    onPath('ffmpeg') ||
    require('@ffmpeg-installer/ffmpeg').path
  );
}

/** A 640×360, 6 s H.264/AAC test pattern with a tone, generated at test time (no media in git). */
export function makeClip(path: string, seconds = 6): string {
  execFileSync(
    ffmpegPath(),
    [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `testsrc2=size=640x360:rate=25:duration=${seconds}`,
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=440:sample_rate=44100:duration=${seconds}`,
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-shortest',
      path,
    ],
    { stdio: 'pipe' },
  );
  return path;
}
