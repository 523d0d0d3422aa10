/**
 * Processing against the seed (issue 9, section 2). On a generated noisy source, alternately:
 * the seed's pipeline (seed-commands.ts, with x264's defaults) and our built server, uploaded to
 * over GraphQL multipart and timed from the mutation's answer (the upload stored) to READY.
 * Then quality at equal bits: the seed's x264 settings with our rungs' VBV caps added, against
 * our rungs, by PSNR against the source. Then, ours alone, how processing time and time to first
 * playable grow with the source's length and the number of rungs.
 *
 *   --duration 20 --height 1080   the source (30 fps, about 7.5 Mbit/s at 1080p, stereo sine)
 *   --rounds 3                    A B rounds for the seed-vs-ours timing
 *   --lengths 20,60,300           source lengths for the scaling table ('' to skip it)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { planLadder, type Rung } from '@cmm/media-rules';
import { ffmpegPath, ffprobeJson, ffprobePath, makeNoisySource } from '@cmm/ffmpeg-binaries/testing';
import { alternate, median, table, writeSection } from '../../../tools/bench/report';
import { gql, uploadFile } from '../src/support/graphql-client';
import { RunningServer, startServer } from '../src/support/server-process';
import { parsePsnr, psnrArgs, Rendition } from './picture-quality';
import { RateCap, seedHeights, seedVariants } from './seed-commands';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    height: { type: 'string', default: '1080' },
    rounds: { type: 'string', default: '3' },
    lengths: { type: 'string', default: '20,60,300' },
  },
});
const DURATION = Number(flags.duration);
const HEIGHT = Number(flags.height);
const ROUNDS = Number(flags.rounds);
const LENGTHS = (flags.lengths ?? '').split(',').filter(Boolean).map(Number);

const LADDER = [1080, 720, 480, 360];
const SEGMENT_DURATION = 4;
const FPS = 30;
const TARGET_TIME_RATIO = 0.4;
const TARGET_PSNR_DROP_DB = 0.5;
const TARGET_DISK_RATIO = 0.6;
/** The capped seed's second CRF (x264's default is 23): the two points bracket our rungs' bytes. */
const SEED_SECOND_CRF = 20;

const STATUS = `query($id: ID!) { playlist(id: $id) { status error } }`;
/** Polled rather than subscribed: `ws` loads under the bench's swc setup only as a namespace. */
const POLL_MS = 100;

interface SeedRun {
  wall: number;
  cpu: number;
  dir: string;
}

interface CandidateRun {
  /** Upload stored (the mutation's answer) to READY, seconds. */
  ready: number;
  /** To `playableAt` where the schema has it, else to READY. */
  playable: number;
  /** CPU seconds of the server's ffmpeg children over that time. */
  cpu: number;
  dir: string;
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

/** User + system CPU seconds of the waited-for children of a process (`/proc/<pid>/stat` cutime + cstime). */
function childCpuSeconds(pid: number | 'self'): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

/**
 * Runs ffmpeg or ffprobe. Asynchronous, so the event loop keeps running: fetch's idle keep-alive
 * socket to the server must see the server close it, or the next upload writes into a closed socket.
 */
function run(binary: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolve({ stdout, stderr }) : reject(new Error(`${binary} ${args.join(' ')} failed:\n${stderr.slice(-2000)}`))));
  });
}

const ffmpeg = async (args: string[]) => (await run(ffmpegPath(), args)).stderr;

/** The video stream's payload: what "equal bits" means for a video metric (audio is 128 kbit/s AAC on both sides). */
async function videoBytes(file: string): Promise<number> {
  const { stdout } = await run(ffprobePath(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=size', '-of', 'csv=p=0', file]);
  return stdout.split('\n').reduce((sum, line) => sum + (Number(line) || 0), 0);
}

function bytesUnder(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}

/** The seed's steps after saving the upload: probe, then per height transcode and segment, one after another. */
async function runSeed(source: string, dir: string, heights: number[], caps?: ReadonlyMap<number, RateCap>, crf?: number): Promise<SeedRun> {
  rmSync(dir, { recursive: true, force: true });
  const variants = seedVariants(source, dir, heights, SEGMENT_DURATION, caps, crf);
  const cpu0 = childCpuSeconds('self');
  const t0 = process.hrtime.bigint();
  ffprobeJson(source);
  for (const v of variants) {
    mkdirSync(v.segmentDir, { recursive: true });
    mkdirSync(join(v.file, '..'), { recursive: true });
    await ffmpeg(v.transcode);
    await ffmpeg(v.segment);
  }
  return { wall: seconds(t0), cpu: childCpuSeconds('self') - cpu0, dir };
}

async function playableAt(server: RunningServer, id: string): Promise<number | null> {
  const { data, errors } = await gql(server.url, `query($id: ID!) { playlist(id: $id) { playableAt } }`, { id });
  // a schema without the field (before publish-while-encoding) answers with a validation error
  if (errors?.length || !data?.['playlist']?.playableAt) return null;
  return Date.parse(data['playlist'].playableAt);
}

async function runOurs(server: RunningServer, source: string, resolutions: number[], duration: number): Promise<CandidateRun> {
  const { body } = await uploadFile(server.url, source, { resolutions, segmentDuration: SEGMENT_DURATION });
  const storedAt = Date.now();
  const t0 = process.hrtime.bigint();
  const cpu0 = childCpuSeconds(server.pid);
  if (body.errors) throw new Error(`upload failed: ${JSON.stringify(body.errors)}`);
  const id: string = body.data.uploadVideo.id;
  const deadline = Date.now() + 60_000 + duration * 10_000;
  for (;;) {
    const { data, errors } = await gql(server.url, STATUS, { id });
    const playlist = data?.['playlist'];
    if (errors || playlist?.status === 'FAILED') throw new Error(`processing failed: ${JSON.stringify(errors ?? playlist.error)}`);
    if (playlist?.status === 'READY') break;
    if (Date.now() > deadline) throw new Error(`not READY after ${duration * 10 + 60} s`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const ready = seconds(t0);
  const cpu = childCpuSeconds(server.pid) - cpu0;
  const playable = await playableAt(server, id);
  return { ready, playable: playable === null ? ready : (playable - storedAt) / 1000, cpu, dir: join(server.mediaDir, id) };
}

/** A CMAF rung as one fragmented MP4: its init segment and media segments in playlist order. */
function joinRung(rungDir: string, out: string): string {
  const lines = readFileSync(join(rungDir, 'playlist.m3u8'), 'utf8').split('\n');
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(lines.join('\n'))?.[1];
  if (!init) throw new Error(`${rungDir}/playlist.m3u8 has no EXT-X-MAP`);
  const segments = lines.filter((l) => l && !l.startsWith('#'));
  writeFileSync(out, Buffer.concat([init, ...segments].map((name) => readFileSync(join(rungDir, name)))));
  return out;
}

async function psnr(source: string, renditions: Rendition[]): Promise<number[]> {
  return parsePsnr(await ffmpeg(psnrArgs(source, renditions)), renditions.length);
}

function videoSize(file: string): { width: number; height: number } {
  const video = ffprobeJson(file).streams.find((s) => s['codec_type'] === 'video');
  return { width: Number(video?.['width']), height: Number(video?.['height']) };
}

/**
 * The seed's PSNR at `bytes`, on the line through its two (bytes, dB) points in log bytes. Where
 * the rate cap binds both (bytes within 2 %), the line says nothing: the nearer point is taken.
 */
function psnrAtBytes(bytes: number, [b0, q0]: [number, number], [b1, q1]: [number, number]): number {
  if (Math.abs(Math.log(b1 / b0)) < Math.log(1.02)) return Math.abs(Math.log(bytes / b0)) <= Math.abs(Math.log(bytes / b1)) ? q0 : q1;
  return q0 + ((q1 - q0) * Math.log(bytes / b0)) / Math.log(b1 / b0);
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(2);
const s1 = (x: number) => x.toFixed(1);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'cmm-bench-seed-'));
  // every source is made before the server starts: making one blocks this process for minutes,
  // past the server's keep-alive, and the next upload would be written into a closed socket
  const sources = new Map([DURATION, ...LENGTHS].map((length) => [length, makeNoisySource(join(work, `source-${length}s.mp4`), { seconds: length, height: HEIGHT, fps: FPS })]));
  const server = await startServer({ LOG_LEVEL: 'warn' });
  try {
    const source = sources.get(DURATION) as string;
    const size = videoSize(source);
    const sourceMbps = (statSync(source).size * 8) / DURATION / 1e6;
    const rungs: Rung[] = planLadder(size, LADDER).rungs;
    const heights = seedHeights(size.height, LADDER);
    const caps = new Map(rungs.map((r) => [r.height, { maxrateKbps: r.maxrateKbps, bufsizeKbps: r.bufsizeKbps }]));
    console.log(`source ${size.width}x${size.height} ${FPS} fps ${DURATION} s, ${sourceMbps.toFixed(1)} Mbit/s; ffmpeg ${ffmpegPath()}`);

    let round = 0;
    const timing = await alternate(
      ROUNDS,
      async () => {
        const run = await runSeed(source, join(work, 'seed'), heights);
        console.log(`round ${++round}: seed ${s1(run.wall)} s`);
        return run;
      },
      async () => {
        const run = await runOurs(server, source, LADDER, DURATION);
        console.log(`round ${round}: ours ${s1(run.ready)} s to READY, ${s1(run.playable)} s to playable`);
        return run;
      },
    );
    const capped = await runSeed(source, join(work, 'seed-capped'), heights, caps);
    const cappedHigh = await runSeed(source, join(work, 'seed-capped-high'), heights, caps, SEED_SECOND_CRF);
    console.log(`seed with our caps: ${s1(capped.wall)} s; at CRF ${SEED_SECOND_CRF}: ${s1(cappedHigh.wall)} s`);

    const seedWall = median(timing.baseline.map((r) => r.wall));
    const oursReady = median(timing.candidate.map((r) => r.ready));
    const timeRatio = oursReady / seedWall;

    // x264's frame threads make its rate control, and so each rung's bytes and PSNR, vary a little
    // from run to run (about ±0.05 dB here): ours is the median of its rounds, per rung; the seed's
    // runs give the bytes on disk (the last round) and the two points of its rate-quality curve.
    const seed = timing.baseline.at(-1) as SeedRun;
    const ours = timing.candidate.at(-1) as CandidateRun;
    const seedRungs = (dir: string) =>
      Promise.all(
        heights.map(async (h) => {
          const file = join(dir, 'variants', `${h}p.mp4`);
          return { file, ...videoSize(file), bytes: bytesUnder(join(dir, 'segments', `${h}p`)), video: await videoBytes(file) };
        }),
      );
    const oursRounds = await Promise.all(
      timing.candidate.map(async (run, round) => {
        const set = await Promise.all(
          rungs.map(async (r) => {
            const file = joinRung(join(run.dir, 'stream', readdirSync(join(run.dir, 'stream'))[0], r.label), join(work, `ours-${round}-${r.label}.mp4`));
            return { file, ...videoSize(file), bytes: bytesUnder(file), video: await videoBytes(file) };
          }),
        );
        return { set, psnr: await psnr(source, set) };
      }),
    );
    const oursVideo = rungs.map((_, i) => median(oursRounds.map((o) => o.set[i].video)));
    const oursPsnr = rungs.map((_, i) => median(oursRounds.map((o) => o.psnr[i])));
    const [seedQ, cappedQ, cappedHighQ] = await Promise.all([seedRungs(seed.dir), seedRungs(capped.dir), seedRungs(cappedHigh.dir)]);
    const [seedPsnr, cappedPsnr, cappedHighPsnr] = await Promise.all([seedQ, cappedQ, cappedHighQ].map((set) => psnr(source, set)));

    const qualityRows = rungs.map((r, i) => {
      const drop = cappedPsnr[i] - oursPsnr[i];
      const bits = oursVideo[i] / cappedQ[i].video;
      const atOurBits = psnrAtBytes(oursVideo[i], [cappedQ[i].video, cappedPsnr[i]], [cappedHighQ[i].video, cappedHighPsnr[i]]);
      const equalBitsDrop = atOurBits - oursPsnr[i];
      const ok = equalBitsDrop <= TARGET_PSNR_DROP_DB;
      return {
        ok,
        row: [r.label, `${oursPsnr[i].toFixed(2)} (${oursRounds.map((o) => o.psnr[i].toFixed(2)).join(', ')})`, mb(oursVideo[i]), `${cappedPsnr[i].toFixed(2)} dB, ${mb(cappedQ[i].video)} MB`, `${cappedHighPsnr[i].toFixed(2)} dB, ${mb(cappedHighQ[i].video)} MB`, drop.toFixed(2), bits.toFixed(3), atOurBits.toFixed(2), equalBitsDrop.toFixed(2), `${seedPsnr[i].toFixed(2)} dB, ${mb(seedQ[i].bytes)} MB`, verdict(ok)],
      };
    });
    const oursDisk = bytesUnder(join(ours.dir, 'stream'));
    const seedDisk = bytesUnder(join(seed.dir, 'variants')) + bytesUnder(join(seed.dir, 'segments'));
    const diskRatio = oursDisk / seedDisk;

    const scaling: (string | number)[][] = [];
    const scalingRow = (length: number, n: number, run: CandidateRun) => [`${length} s`, n, s1(run.ready), (run.ready / length).toFixed(2), s1(run.playable), s1(run.cpu)];
    for (const length of LENGTHS) {
      const run = await runOurs(server, sources.get(length) as string, LADDER, length);
      console.log(`scaling: ${length} s source, ${s1(run.ready)} s to READY, ${s1(run.playable)} s to playable`);
      scaling.push(scalingRow(length, rungs.length, run));
      rmSync(run.dir, { recursive: true, force: true });
    }
    for (let n = 1; n < rungs.length; n++) {
      const run = await runOurs(server, source, LADDER.slice(0, n), DURATION);
      console.log(`scaling: ${n} rung(s), ${s1(run.ready)} s to READY`);
      scaling.push(scalingRow(DURATION, n, run));
      rmSync(run.dir, { recursive: true, force: true });
    }

    const allMet = timeRatio <= TARGET_TIME_RATIO && diskRatio <= TARGET_DISK_RATIO && qualityRows.every((q) => q.ok);
    const body = [
      `Source: ${size.width}x${size.height}, ${FPS} fps, ${DURATION} s, ${sourceMbps.toFixed(1)} Mbit/s (testsrc2 with temporal noise, stereo sine); ladder ${rungs.map((r) => r.label).join('/')}, ${SEGMENT_DURATION} s segments.`,
      'Seed = ../shared/PROTOTYPE.md reproduced: probe, then per height one transcode (x264 and AAC defaults) and one `-f segment` copy. Ours = the built server, from the upload mutation\'s answer (file stored and probed) to READY (status polled every 100 ms).',
      '',
      table(
        ['', 'seed (median)', 'ours (median)', 'ratio', 'target'],
        [
          [`wall, s (${ROUNDS} rounds A B)`, s1(seedWall), s1(oursReady), timeRatio.toFixed(2), `≤ ${TARGET_TIME_RATIO}: ${verdict(timeRatio <= TARGET_TIME_RATIO)}`],
          ['ffmpeg CPU, s', s1(median(timing.baseline.map((r) => r.cpu))), s1(median(timing.candidate.map((r) => r.cpu))), (median(timing.candidate.map((r) => r.cpu)) / median(timing.baseline.map((r) => r.cpu))).toFixed(2), ''],
          ['ladder on disk, MB', mb(seedDisk), mb(oursDisk), diskRatio.toFixed(2), `≤ ${TARGET_DISK_RATIO}: ${verdict(diskRatio <= TARGET_DISK_RATIO)}`],
        ],
      ),
      '',
      `Per rung, PSNR (ffmpeg \`psnr\` average, against the source scaled to the rung, bicubic) and video bytes. "Capped seed" is the seed's x264 settings (preset medium, CRF 23) with our rungs' maxrate/bufsize added; run again at CRF ${SEED_SECOND_CRF}, it gives a second point of the seed's rate-quality curve, and the seed's PSNR at exactly our bytes is interpolated between the two (linear in log bytes, as BD-rate does). Target: ours no more than ${TARGET_PSNR_DROP_DB} dB below the seed at equal bytes. The literal comparison with the CRF 23 run is shown too: where our rung spends more bytes (its CRF is 21–22 below 1080p), that one compares unequal bits. Ours is the median of its ${ROUNDS} rounds, each round's PSNR in brackets: x264's frame threads make its rate control, and so a rung's PSNR, vary by a few hundredths of a dB from one run to the next.`,
      '',
      table(
        ['rung', 'ours dB, median (rounds)', 'ours video MB, median', 'capped seed CRF 23', `capped seed CRF ${SEED_SECOND_CRF}`, 'drop vs CRF 23, dB', 'bytes vs CRF 23', 'seed dB at our bytes', 'drop at equal bytes, dB', 'seed uncapped', 'target'],
        qualityRows.map((q) => q.row),
      ),
      '',
      `Ours alone, one run each: by source length (all ${rungs.length} rungs) and by number of rungs (${DURATION} s source, the top rungs of ${LADDER.join('/')}). "Playable" is \`Playlist.playableAt\` where the schema has it, else READY.`,
      '',
      table(['source', 'rungs', 'to READY, s', '× source length', 'to playable, s', 'ffmpeg CPU, s'], scaling),
      '',
      `Targets: ${allMet ? 'all met' : 'some **missed**'}.`,
    ].join('\n');
    console.log(body);
    writeSection('processing', 'Processing: ours against the seed pipeline', body, ffmpegPath());
    if (!allMet) process.exitCode = 1;
  } catch (error) {
    console.error(`server log:\n${server.logs().slice(-4000)}`);
    throw error;
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
