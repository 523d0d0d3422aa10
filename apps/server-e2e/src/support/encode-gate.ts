import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ffmpegPath } from '@cmm/ffmpeg-binaries/testing';

export interface EncodeGate {
  /** Environment for `startServer`: the server runs encodes through the gate. */
  env: Record<string, string>;
  /** Lets every waiting and future encode run. */
  open(): void;
  /** Holds encodes that start from now on; those already running go on. */
  close(): void;
}

/**
 * Holds the server's encodes until the test opens the gate, so a test can observe a job while it
 * is TRANSCODING (or another while it waits QUEUED behind it) however fast the machine is. A
 * wrapper script stands in for ffmpeg: probes and `-version` pass straight through; an encode
 * (it has `-filter_complex`) waits for the gate file, then becomes the real ffmpeg (`exec`, same pid).
 */
export function encodeGate(dir: string): EncodeGate {
  const gate = join(dir, 'encode-gate.open');
  const wrapper = join(dir, 'ffmpeg-gated');
  writeFileSync(
    wrapper,
    [
      '#!/bin/sh',
      'for arg in "$@"; do',
      '  if [ "$arg" = "-filter_complex" ]; then',
      `    while [ ! -e '${gate}' ]; do sleep 0.1; done`,
      '  fi',
      'done',
      `exec '${ffmpegPath()}' "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(wrapper, 0o755);
  return {
    env: { FFMPEG_PATH: wrapper },
    open: () => {
      if (!existsSync(gate)) writeFileSync(gate, '');
    },
    close: () => rmSync(gate, { force: true }),
  };
}
