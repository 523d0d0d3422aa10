import { readFileSync } from 'node:fs';

/**
 * Enough to recognise a process later, across a restart of this server: its pid (which is its
 * process group id, as ProcessRunner starts each child in a group of its own), the kernel boot and
 * its start time since boot. Pids are reused; the three together are not.
 */
export interface ProcessIdentity {
  pgid: number;
  boot_id: string;
  start_ticks: string;
}

/** Field 22 of /proc/<pid>/stat (start time in clock ticks since boot); the name in field 2 may hold spaces and parentheses. */
export function parseStartTicks(stat: string): string | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = fields[19];
  return ticks && /^\d+$/.test(ticks) ? ticks : null;
}

export function sameProcess(recorded: ProcessIdentity, current: ProcessIdentity | null): boolean {
  return current !== null && recorded.pgid === current.pgid && recorded.boot_id === current.boot_id && recorded.start_ticks === current.start_ticks;
}

/** The identity of a running process, or null when it is gone or /proc is not there (not Linux). */
export function readProcessIdentity(pid: number): ProcessIdentity | null {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const startTicks = parseStartTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return startTicks ? { pgid: pid, boot_id: bootId, start_ticks: startTicks } : null;
  } catch {
    return null;
  }
}
