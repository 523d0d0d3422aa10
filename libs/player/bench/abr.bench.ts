/**
 * Every ABR policy on every trace × ladder in the simulator, scored with the linear QoE.
 *
 *   npm run bench:abr -- [--traces <folder>] [--json] [--seconds 60] [--divisor-4g 8] [--synthetic]
 *
 * Traces are read from the folder and its sub-folders (Sabre JSON, Mahimahi, `seconds Mbit/s`);
 * by default `../shared/traces` beside the repository. Logs under a folder named `4g` or `lte` are
 * divided by `--divisor-4g` (8 unless told), which turns LTE rates into mobile-like ones. `--synthetic`
 * adds the seeded synthetic traces. Ladders are the committed fixture of real segment sizes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { AbrController } from '../src/lib/abr-controller';
import type { AbrPolicy } from '../src/lib/abr-policy';
import { BufferBasedAbr } from '../src/lib/abr-sim/baselines/buffer-based-abr';
import { HlsjsDefaultAbr } from '../src/lib/abr-sim/baselines/hlsjs-default-abr';
import { ThroughputAbr } from '../src/lib/abr-sim/baselines/throughput-abr';
import type { Ladder } from '../src/lib/abr-sim/ladder';
import { scoreSession, SessionScore } from '../src/lib/abr-sim/qoe';
import { simulate } from '../src/lib/abr-sim/simulator';
import {
  SYNTHETIC_KINDS,
  syntheticTrace,
} from '../src/lib/abr-sim/synthetic-traces';
import { scaleTrace, Trace } from '../src/lib/abr-sim/trace';
import {
  detectTraceFormat,
  parseTrace,
} from '../src/lib/abr-sim/trace-formats';

const REPO = resolve(__dirname, '../../..');
const LADDERS = join(__dirname, '../src/lib/abr-sim/fixtures/ladders.json');
const REFERENCE = 'hlsjs-default';

const CONTROLLERS: Record<string, () => AbrPolicy> = {
  cmm: () => new AbrController(),
  [REFERENCE]: () => new HlsjsDefaultAbr(),
  throughput: () => new ThroughputAbr(),
  bba: () => new BufferBasedAbr(),
};

interface Args {
  traces: string | null;
  json: boolean;
  seconds: number;
  divisor4g: number;
  synthetic: boolean;
}

function parseArgs(argv: string[]): Args {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const fallback = resolve(REPO, '../shared/traces');
  return {
    traces: value('--traces') ?? (existsSync(fallback) ? fallback : null),
    json: argv.includes('--json'),
    seconds: Number(value('--seconds') ?? 60),
    divisor4g: Number(value('--divisor-4g') ?? 8),
    synthetic: argv.includes('--synthetic'),
  };
}

interface GroupedTrace {
  group: string;
  trace: Trace;
}

/** Every trace file under `folder`, grouped by the folder it sits in. */
function readTraces(folder: string, divisor4g: number): GroupedTrace[] {
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new Error(`--traces: ${folder} is not a folder`);
  const found: GroupedTrace[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const text = readFileSync(path, 'utf8');
      const format = detectTraceFormat(name, text);
      if (!format) continue;
      const parts = [basename(folder), ...relative(folder, path).split(sep)];
      const lte = parts.some((p) => /^(4g|lte)$/i.test(p));
      const group = parts.length > 2 ? parts[1] : parts[0];
      const trace = parseTrace(relative(folder, path), format, text);
      found.push(
        lte && divisor4g !== 1
          ? {
              group: `${group}÷${divisor4g}`,
              trace: scaleTrace(trace, divisor4g),
            }
          : { group, trace },
      );
    }
  };
  walk(folder);
  return found;
}

/** The seeded set: each shape around the middle of the ladders (1.5 to 4 Mbit/s), three seeds. */
function syntheticTraces(seconds: number): GroupedTrace[] {
  return SYNTHETIC_KINDS.flatMap((kind) =>
    [1, 2, 3].map((seed) => ({
      group: 'synthetic',
      trace: syntheticTrace(kind, {
        seed,
        seconds: 2 * seconds,
        highMbps: 4,
        lowMbps: 1.5,
      }),
    })),
  );
}

interface Summary {
  meanQoE: number;
  rebufferSeconds: number;
  startupSeconds: number;
  switches: number;
  avgBitrateMbps: number;
  rebufferRatio: number;
  /** Against the reference on the same trace and ladder: the worst extra rebuffering… */
  maxExtraRebufferSeconds: number;
  /** …how many sessions rebuffer more than half a second longer… */
  sessionsOverRebufferLimit: number;
  /** …and the worst extra wait, start-up and rebuffering together. */
  maxExtraWaitSeconds: number;
}

const REBUFFER_LIMIT_SECONDS = 0.5;

function summarize(scores: SessionScore[], reference: SessionScore[]): Summary {
  const mean = (pick: (s: SessionScore) => number) =>
    scores.reduce((sum, s) => sum + pick(s), 0) / scores.length;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const extraRebuffer = scores.map(
    (s, i) => s.rebufferSeconds - reference[i].rebufferSeconds,
  );
  const wait = (s: SessionScore) => s.startupSeconds + s.rebufferSeconds;
  return {
    meanQoE: round(mean((s) => s.qoe)),
    rebufferSeconds: round(mean((s) => s.rebufferSeconds)),
    startupSeconds: round(mean((s) => s.startupSeconds)),
    switches: round(mean((s) => s.switches)),
    avgBitrateMbps: round(mean((s) => s.avgBitrateMbps)),
    rebufferRatio: round(mean((s) => s.rebufferRatio)),
    maxExtraRebufferSeconds: round(Math.max(...extraRebuffer)),
    sessionsOverRebufferLimit: extraRebuffer.filter(
      (e) => e > REBUFFER_LIMIT_SECONDS,
    ).length,
    maxExtraWaitSeconds: round(
      Math.max(...scores.map((s, i) => wait(s) - wait(reference[i]))),
    ),
  };
}

function table(title: string, summaries: Record<string, Summary>): string {
  const ref = summaries[REFERENCE].meanQoE;
  const header = [
    'controller',
    'mean QoE',
    'vs hls.js',
    'bitrate Mb/s',
    'rebuffer s',
    'rebuf ratio',
    'switches',
    'start-up s',
    'worst extra rebuf s',
    `sessions +${REBUFFER_LIMIT_SECONDS} s rebuf`,
    'worst extra wait s',
  ];
  const rows = Object.entries(summaries).map(([name, s]) => [
    name,
    s.meanQoE.toFixed(1),
    `${(((s.meanQoE - ref) / Math.abs(ref)) * 100).toFixed(1)} %`,
    s.avgBitrateMbps.toFixed(2),
    s.rebufferSeconds.toFixed(2),
    `${(s.rebufferRatio * 100).toFixed(1)} %`,
    s.switches.toFixed(1),
    s.startupSeconds.toFixed(2),
    s.maxExtraRebufferSeconds.toFixed(1),
    String(s.sessionsOverRebufferLimit),
    s.maxExtraWaitSeconds.toFixed(1),
  ]);
  const widths = header.map((h, c) =>
    Math.max(h.length, ...rows.map((r) => r[c].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ');
  return [title, line(header), ...rows.map(line)].join('\n');
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const ladders: Ladder[] = JSON.parse(readFileSync(LADDERS, 'utf8')).ladders;
  const traces = [
    ...(args.traces ? readTraces(args.traces, args.divisor4g) : []),
    ...(args.synthetic || !args.traces ? syntheticTraces(args.seconds) : []),
  ];
  if (traces.length === 0) throw new Error(`no traces found in ${args.traces}`);

  const scores: Record<string, SessionScore[]> = {};
  const groups: string[] = [];
  for (const { group, trace } of traces)
    for (const ladder of ladders) {
      groups.push(group);
      for (const [name, create] of Object.entries(CONTROLLERS))
        (scores[name] ??= []).push(
          scoreSession(
            simulate(create(), ladder, trace, { sessionSeconds: args.seconds }),
          ),
        );
    }

  const summaries = (keep: (i: number) => boolean) =>
    Object.fromEntries(
      Object.entries(scores).map(([name, s]) => [
        name,
        summarize(
          s.filter((_, i) => keep(i)),
          scores[REFERENCE].filter((_, i) => keep(i)),
        ),
      ]),
    );
  const groupNames = [...new Set(groups)];
  if (args.json) {
    console.log(
      JSON.stringify({
        traces: traces.length,
        ladders: ladders.map((l) => l.name),
        sessionSeconds: args.seconds,
        divisor4g: args.divisor4g,
        controllers: summaries(() => true),
        groups: Object.fromEntries(
          groupNames.map((g) => [g, summaries((i) => groups[i] === g)]),
        ),
      }),
    );
    return;
  }
  console.log(
    `${traces.length} traces × ${ladders.length} ladders (${ladders.map((l) => l.name).join(', ')}), ${args.seconds} s sessions` +
      (args.traces ? `, from ${args.traces}` : ', synthetic only'),
  );
  for (const g of groupNames) {
    const count = new Set(
      traces.filter((t) => t.group === g).map((t) => t.trace.name),
    ).size;
    console.log(
      '\n' +
        table(
          `${g}: ${count} traces`,
          summaries((i) => groups[i] === g),
        ),
    );
  }
  console.log(
    '\n' +
      table(
        `all: ${traces.length} traces`,
        summaries(() => true),
      ),
  );
}

main();
