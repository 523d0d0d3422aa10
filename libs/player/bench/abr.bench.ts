/**
 * Every ABR policy on every trace × ladder in the simulator, scored with the linear QoE.
 *
 *   npm run bench:abr -- [--traces <folder>] [--json] [--seconds 60] [--divisor-4g 8] [--synthetic] [--offsets 0,60,120]
 *
 * Traces are read from the folder and its sub-folders (Sabre JSON, Mahimahi, `seconds Mbit/s`);
 * by default `../shared/traces` beside the repository. Logs under a folder named `4g` or `lte` are
 * divided by `--divisor-4g` (8 unless told), which turns LTE rates into mobile-like ones. `--synthetic`
 * adds the seeded synthetic traces. `--offsets` also plays each log from later points (those that
 * leave a whole session before its end): sessions the rules were not tuned on, from the same
 * networks. Ladders are the committed fixture of real segment sizes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
// tools/bench belongs to no project: every bench writes its part of docs/benchmarks.md through it
import {
  table as markdownTable,
  writeSection,
} from '../../../tools/bench/report';
import { AbrController } from '../src/lib/abr-controller';
import type { AbrPolicy } from '../src/lib/abr-policy';
import { BufferBasedAbr } from '../src/lib/abr-sim/baselines/buffer-based-abr';
import { HlsjsDefaultAbr } from '../src/lib/abr-sim/baselines/hlsjs-default-abr';
import { ThroughputAbr } from '../src/lib/abr-sim/baselines/throughput-abr';
import type { Ladder } from '../src/lib/abr-sim/ladder';
import { scoreSession, SessionScore } from '../src/lib/abr-sim/qoe';
import { summarize, summaryTable, textTable } from '../src/lib/abr-sim/summary';
import { simulate } from '../src/lib/abr-sim/simulator';
import {
  SYNTHETIC_KINDS,
  syntheticTrace,
} from '../src/lib/abr-sim/synthetic-traces';
import { rotateTrace, traceSeconds } from '../src/lib/abr-sim/trace';
import { GroupedTrace, readTraceFolder } from '../src/lib/abr-sim/trace-folder';

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
  offsets: number[];
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
    offsets: (value('--offsets') ?? '0').split(',').map(Number),
  };
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

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const ladders: Ladder[] = JSON.parse(readFileSync(LADDERS, 'utf8')).ladders;
  const logs = args.traces ? readTraceFolder(args.traces, args.divisor4g) : [];
  const traces = [
    ...args.offsets.flatMap((offset) =>
      logs
        .filter(
          ({ trace }) =>
            offset === 0 || offset + args.seconds <= traceSeconds(trace),
        )
        .map(({ group, trace }) => ({
          group,
          trace: rotateTrace(trace, offset),
        })),
    ),
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
        offsets: args.offsets,
        controllers: summaries(() => true),
        groups: Object.fromEntries(
          groupNames.map((g) => [g, summaries((i) => groups[i] === g)]),
        ),
      }),
    );
    return;
  }
  const intro =
    `${traces.length} traces × ${ladders.length} ladders (${ladders.map((l) => l.name).join(', ')}), ${args.seconds} s sessions` +
    (args.traces
      ? `, from ${relative(REPO, args.traces) || '.'}${args.divisor4g !== 1 ? ` (4G logs ÷ ${args.divisor4g})` : ''}`
      : ', synthetic only') +
    (args.offsets.some((o) => o !== 0)
      ? `, each log also from ${args.offsets.filter((o) => o !== 0).join(', ')} s in where a whole session is left`
      : '');
  const sections = [
    ...groupNames.map((g) => ({
      title: `${g}: ${new Set(traces.filter((t) => t.group === g).map((t) => t.trace.name)).size} traces`,
      table: summaryTable(
        summaries((i) => groups[i] === g),
        REFERENCE,
      ),
    })),
    {
      title: `all: ${traces.length} traces`,
      table: summaryTable(
        summaries(() => true),
        REFERENCE,
      ),
    },
  ];
  console.log(intro);
  for (const { title, table } of sections)
    console.log('\n' + textTable(title, table));
  writeSection(
    'abr-sim',
    'ABR in the simulator (npm run bench:abr)',
    [
      `${intro}. Each controller against the hls.js 1.7.4 port on the same trace and ladder.`,
      ...sections.map(
        ({ title, table }) =>
          `### ${title}\n\n${markdownTable(table.header, table.rows)}`,
      ),
    ].join('\n\n'),
  );
}

main();
