import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ffmpegPath } from '@cmm/ffmpeg-binaries/testing';

/**
 * Environment for `startServer` in which every encode reads its source at the source's own speed
 * (ffmpeg `-re`): a clip of N seconds is still being encoded N seconds after its encode started,
 * however fast the machine, while its first segments are published within a second or two. So a
 * test can watch a playlist while it is processing without timing anything. A wrapper stands in
 * for ffmpeg: probes, posters and `-version` pass straight through; an encode (it has
 * `-filter_complex`) becomes the real ffmpeg with `-re` before its input (`exec`, same pid).
 */
export function realTimeEncodes(dir: string): Record<string, string> {
  const wrapper = join(dir, 'ffmpeg-real-time');
  writeFileSync(
    wrapper,
    [
      '#!/bin/sh',
      'case " $* " in',
      `  *" -filter_complex "*) exec '${ffmpegPath()}' -re "$@" ;;`,
      'esac',
      `exec '${ffmpegPath()}' "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(wrapper, 0o755);
  return { FFMPEG_PATH: wrapper };
}
