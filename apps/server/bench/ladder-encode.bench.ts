/**
 * The whole ladder in one ffmpeg process (decode once, split, scale per rung) against the
 * prototype's way, one ffmpeg per rung, on the same source in the same run: wall time and
 * the CPU time of the ffmpeg children. Both use the server's own argument builder.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planLadder } from '@cmm/media-rules';
import { buildEncodeArgs } from '../src/transcode/ffmpeg-args';
import { GENERATED_SOURCE, stillsIn } from './generated-source';
import { ffmpegPath, makeClip } from '@cmm/ffmpeg-binaries/testing';

const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const ROUNDS = 2;

/** User + system CPU seconds of this process's waited-for children (/proc/self/stat cutime + cstime). */
function childCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function run(argsList: string[][]): { wall: number; cpu: number } {
  const cpu0 = childCpuSeconds();
  const t0 = process.hrtime.bigint();
  for (const args of argsList) {
    const result = spawnSync(ffmpegPath(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr.toString().slice(-2000)}`);
  }
  return { wall: Number(process.hrtime.bigint() - t0) / 1e9, cpu: childCpuSeconds() - cpu0 };
}

function main(): void {
  const work = mkdtempSync(join(tmpdir(), 'cmm-bench-ladder-'));
  try {
    const source = makeClip(join(work, 'source.mp4'), { seconds: SECONDS, width: 1280, height: 720 });
    const { rungs } = planLadder({ width: 1280, height: 720 }, [720, 480, 360, 240]);
    const job = (name: string, only = rungs) => {
      const outputDir = join(work, name);
      rmSync(outputDir, { recursive: true, force: true });
      for (const r of only) mkdirSync(join(outputDir, r.label), { recursive: true });
      return buildEncodeArgs({ inputPath: source, demuxer: 'mov', outputDir, rungs: only, segmentDuration: 4, fps: '25', ...GENERATED_SOURCE, stills: stillsIn(outputDir, SECONDS, { width: 1280, height: 720 }, only) });
    };
    const single: { wall: number; cpu: number }[] = [];
    const perRung: { wall: number; cpu: number }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      perRung.push(run(rungs.map((r) => job(`per-rung-${r.label}`, [r]))));
      single.push(run([job('single')]));
    }
    const best = (xs: { wall: number; cpu: number }[]) => ({ wall: Math.min(...xs.map((x) => x.wall)), cpu: Math.min(...xs.map((x) => x.cpu)) });
    const s = best(single);
    const p = best(perRung);
    console.log(`ffmpeg ${ffmpegPath()}; ${SECONDS} s 1280x720 source; ladder ${rungs.map((r) => r.label).join(', ')}; best of ${ROUNDS}`);
    console.log(`one process per rung (baseline): ${p.wall.toFixed(1)} s wall, ${p.cpu.toFixed(1)} s CPU`);
    console.log(`one process for the ladder:      ${s.wall.toFixed(1)} s wall, ${s.cpu.toFixed(1)} s CPU`);
    console.log(`ratio single/baseline: wall ${(s.wall / p.wall).toFixed(2)}, CPU ${(s.cpu / p.cpu).toFixed(2)}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
