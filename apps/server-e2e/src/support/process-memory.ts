import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  /** Resident set now, in MiB (VmRSS). */
  rssMiB: number;
  /** The kernel's high-water mark of the resident set since the process started, in MiB (VmHWM): a true peak, not a sample. */
  peakRssMiB: number;
}

/** Reads a running process's memory from /proc (Linux only). */
export function processMemory(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]) / 1024;
  };
  return { rssMiB: kib('VmRSS'), peakRssMiB: kib('VmHWM') };
}
