/** The benches' one reader of trace files: a folder of logs in any supported format, grouped. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { scaleTrace, Trace } from './trace';
import { detectTraceFormat, parseTrace } from './trace-formats';

export interface GroupedTrace {
  /** The sub-folder the log sits in (`3g`, `4g÷8`), or the folder's own name. */
  group: string;
  trace: Trace;
}

/**
 * Every trace file under `folder` and its sub-folders (Sabre JSON, Mahimahi, `seconds Mbit/s`).
 * Logs under a folder named `4g` or `lte` are divided by `divisor4g`, which turns LTE rates into
 * mobile-like ones, and their group says so.
 */
export function readTraceFolder(
  folder: string,
  divisor4g: number,
): GroupedTrace[] {
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
