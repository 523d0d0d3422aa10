/**
 * Writes the ABR simulator's ladder fixture (libs/player/src/lib/abr-sim/fixtures/ladders.json):
 * real segment sizes from this project's encode, for a few kinds of source. Each source is made
 * with lavfi, then encoded exactly as the server does (its argument builder, 1080/720/480/360,
 * 4 s segments) and measured as the server measures (its playlist parser and bitrate rule).
 *
 *   SWC_NODE_PROJECT=tsconfig.base.json nice node -r @swc-node/register apps/server/bench/abr-ladder-fixture.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_RESOLUTIONS,
  DEFAULT_SEGMENT_DURATION,
  planLadder,
} from '@cmm/media-rules';
import { ffmpegPath } from '@cmm/ffmpeg-binaries/testing';
import { buildEncodeArgs } from '../src/transcode/ffmpeg-args';
import { GENERATED_SOURCE, stillsIn } from './generated-source';
import {
  parseMediaPlaylist,
  renditionBitrates,
} from '../src/packaging/hls-playlist';
import { ENCODER_PLAYLIST } from '../src/packaging/stream-layout';

const OUT = join(
  __dirname,
  '../../../libs/player/src/lib/abr-sim/fixtures/ladders.json',
);
const SECONDS = 60;
const SIZE = { width: 1920, height: 1080 };
const FPS = '25';

/** Film-grain-like noise defeats motion compensation, so x264 spends up to the rung's maxrate. */
const NOISE = 'noise=alls=12:allf=t+u';
const TESTSRC = `testsrc2=size=${SIZE.width}x${SIZE.height}:rate=${FPS}:duration=${SECONDS}`;
const SOURCES = [
  {
    name: 'busy',
    description: 'testsrc2 with temporal noise throughout',
    lavfi: `${TESTSRC},${NOISE}`,
  },
  {
    name: 'graphics',
    description: 'testsrc2 as generated: sharp moving graphics',
    lavfi: TESTSRC,
  },
  {
    name: 'mixed',
    description: 'testsrc2, noisy for 15 s then clean for 15 s, in turn',
    lavfi: `${TESTSRC},${NOISE}:enable='lt(mod(t,30),15)'`,
  },
  {
    name: 'calm',
    description: 'slowly drifting smooth gradients',
    lavfi: `gradients=size=${SIZE.width}x${SIZE.height}:rate=${FPS}:duration=${SECONDS}:speed=0.02`,
  },
];

function makeSource(path: string, lavfi: string): void {
  execFileSync(ffmpegPath(), [
    ...[
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      lavfi,
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=440:sample_rate=48000:duration=${SECONDS}`,
    ],
    ...[
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-crf',
      '22',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-b:a',
      '192k',
      path,
    ],
  ]);
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'cmm-abr-ladders-'));
  try {
    const { rungs } = planLadder(SIZE, DEFAULT_RESOLUTIONS);
    const ladders = SOURCES.map((source) => {
      const input = join(work, `${source.name}.mp4`);
      makeSource(input, source.lavfi);
      const outputDir = join(work, source.name);
      for (const r of rungs)
        mkdirSync(join(outputDir, r.label), { recursive: true });
      const args = buildEncodeArgs({
        inputPath: input,
        demuxer: 'mov',
        outputDir,
        rungs,
        segmentDuration: DEFAULT_SEGMENT_DURATION,
        fps: FPS,
        ...GENERATED_SOURCE,
        stills: stillsIn(outputDir, SECONDS, SIZE, rungs),
      });
      const run = spawnSync(ffmpegPath(), args, {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      if (run.status !== 0)
        throw new Error(
          `encode of ${source.name} failed: ${run.stderr.toString().slice(-2000)}`,
        );
      return {
        name: source.name,
        source: source.description,
        rungs: rungs.map((rung) => {
          const dir = join(outputDir, rung.label);
          const playlist = parseMediaPlaylist(
            readFileSync(join(dir, ENCODER_PLAYLIST), 'utf8'),
          );
          const segments = playlist.segments.map((s) => ({
            duration: s.duration,
            bytes: statSync(join(dir, s.uri)).size,
          }));
          const { peak, average } = renditionBitrates(
            segments.map((s) => ({ duration: s.duration, sizeBytes: s.bytes })),
          );
          return {
            label: rung.label,
            width: rung.width,
            height: rung.height,
            bandwidth: peak,
            averageBandwidth: average,
            initBytes: playlist.initUri
              ? statSync(join(dir, playlist.initUri)).size
              : 0,
            segments,
          };
        }),
      };
    });
    const ffmpeg = execFileSync(ffmpegPath(), ['-version'], {
      encoding: 'utf8',
    }).split('\n')[0];
    writeFileSync(
      OUT,
      JSON.stringify(
        { ffmpeg, segmentDuration: DEFAULT_SEGMENT_DURATION, ladders },
        null,
        2,
      ) + '\n',
    );
    for (const l of ladders)
      console.log(
        `${l.name}: ${l.rungs.map((r) => `${r.label} ${(r.averageBandwidth / 1e6).toFixed(2)}/${(r.bandwidth / 1e6).toFixed(2)} Mbit/s`).join(', ')}`,
      );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
