import { Injectable } from '@nestjs/common';
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';

export interface RunOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** When given, stdout is handed over line by line (ffmpeg `-progress pipe:1`) instead of collected. */
  onStdoutLine?: (line: string) => void;
  /** How much of the end of stderr to keep; the rest is dropped as it arrives. */
  stderrTailBytes?: number;
  /** Called once the process runs, with its pid, which is also its process group id. */
  onSpawn?: (pid: number) => void;
}

export interface RunResult {
  /** Collected stdout; empty when `onStdoutLine` was given. */
  stdout: string;
  stderrTail: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  aborted: boolean;
}

const DEFAULT_TAIL_BYTES = 16 * 1024;
/** Media work yields the CPU to the API: a busy encode must not slow uploads and queries. */
export const CHILD_NICENESS = 10;

/** Ends a process group started by `ProcessRunner` (or recorded from one before a crash); false if none is left. */
export function killProcessGroup(pgid: number, signal: NodeJS.Signals = 'SIGKILL'): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** Keeps the last `capacity` bytes written, so a long encode's stderr cannot grow without bound. */
export class TailBuffer {
  private readonly buffer: Buffer;
  private length = 0;
  private start = 0;

  constructor(private readonly capacity: number) {
    this.buffer = Buffer.alloc(capacity);
  }

  push(chunk: Buffer): void {
    const data = chunk.length > this.capacity ? chunk.subarray(chunk.length - this.capacity) : chunk;
    const write = (this.start + this.length) % this.capacity;
    const firstPart = Math.min(data.length, this.capacity - write);
    data.copy(this.buffer, write, 0, firstPart);
    data.copy(this.buffer, 0, firstPart);
    this.length += data.length;
    if (this.length > this.capacity) {
      this.start = (this.start + this.length - this.capacity) % this.capacity;
      this.length = this.capacity;
    }
  }

  toString(): string {
    const first = this.buffer.subarray(this.start, Math.min(this.start + this.length, this.capacity));
    const rest = this.buffer.subarray(0, this.length - first.length);
    // the cut may fall inside a multi-byte character; drop its remains rather than show garbage
    return Buffer.concat([first, rest]).toString('utf8').replace(/^\uFFFD+/, '');
  }
}

/**
 * The only place that starts processes: an argument array (never a shell), at lower CPU priority,
 * in a process group of its own so that a timeout or an abort ends everything it started (by the
 * group id, without `ps`), and a bounded stderr tail for diagnosis.
 */
@Injectable()
export class ProcessRunner {
  run(command: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      if (opts.signal?.aborted) {
        resolve({ stdout: '', stderrTail: '', exitCode: null, signal: null, timedOut: false, aborted: true });
        return;
      }
      const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'], shell: false, detached: true });
      if (child.pid !== undefined) {
        try {
          setPriority(child.pid, CHILD_NICENESS);
        } catch {
          // a container may forbid renicing; the work still runs, only at normal priority
        }
        opts.onSpawn?.(child.pid);
      }
      const stderr = new TailBuffer(opts.stderrTailBytes ?? DEFAULT_TAIL_BYTES);
      const stdoutChunks: Buffer[] = [];
      let pendingLine = '';
      let timedOut = false;
      let aborted = false;

      const kill = () => {
        if (child.pid !== undefined && child.exitCode === null) killProcessGroup(child.pid);
      };
      const timer = opts.timeoutMs
        ? setTimeout(() => {
            timedOut = true;
            kill();
          }, opts.timeoutMs)
        : undefined;
      const onAbort = () => {
        aborted = true;
        kill();
      };
      opts.signal?.addEventListener('abort', onAbort, { once: true });

      child.stdout.on('data', (chunk: Buffer) => {
        if (!opts.onStdoutLine) {
          stdoutChunks.push(chunk);
          return;
        }
        const lines = (pendingLine + chunk.toString('utf8')).split(/\r?\n/);
        pendingLine = lines.pop() ?? '';
        for (const line of lines) opts.onStdoutLine(line);
      });
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

      const cleanUp = () => {
        if (timer) clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
      };
      child.on('error', (error) => {
        cleanUp();
        reject(error);
      });
      child.on('close', (exitCode, signal) => {
        cleanUp();
        if (opts.onStdoutLine && pendingLine) opts.onStdoutLine(pendingLine);
        resolve({
          stdout: Buffer.concat(stdoutChunks).toString('utf8'),
          stderrTail: stderr.toString(),
          exitCode,
          signal,
          timedOut,
          aborted,
        });
      });
    });
  }
}
