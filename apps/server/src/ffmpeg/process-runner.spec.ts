import { readFileSync } from 'node:fs';
import { CHILD_NICENESS, killProcessGroup, ProcessRunner, TailBuffer } from './process-runner';

describe('TailBuffer', () => {
  it.each([
    ['keeps everything under capacity', 8, ['abc', 'de'], 'abcde'],
    ['keeps exactly capacity', 5, ['abc', 'de'], 'abcde'],
    ['drops the oldest bytes across writes', 4, ['abc', 'def', 'g'], 'defg'],
    ['keeps the end of one oversized write', 3, ['abcdefgh'], 'fgh'],
    ['wraps around repeatedly', 3, ['ab', 'cd', 'ef', 'gh'], 'fgh'],
  ])('%s', (_name, capacity, writes, expected) => {
    const tail = new TailBuffer(capacity);
    for (const w of writes) tail.push(Buffer.from(w));
    expect(tail.toString()).toBe(expected);
  });
});

/** Dead, or a zombie nobody reaps (PID 1 in a container may not): either way no longer running. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 40; i++) {
    try {
      if (/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) return true;
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

// node stands in for ffmpeg: a real child process, no shell, nothing mocked
describe('ProcessRunner', () => {
  const runner = new ProcessRunner();
  const node = process.execPath;

  it('collects stdout, the exit code and the stderr tail', async () => {
    const result = await runner.run(node, ['-e', 'process.stdout.write("out"); process.stderr.write("x".repeat(5000) + "END"); process.exit(3)'], {
      stderrTailBytes: 10,
    });
    expect(result).toMatchObject({ stdout: 'out', stderrTail: 'xxxxxxxEND', exitCode: 3, timedOut: false, aborted: false });
  });

  it('passes arguments verbatim, without a shell', async () => {
    const result = await runner.run(node, ['-e', 'console.log(process.argv[1])', '$HOME; echo "hi" | cat']);
    expect(result.stdout).toBe('$HOME; echo "hi" | cat\n');
  });

  it('streams stdout line by line, including a last line without newline', async () => {
    const lines: string[] = [];
    const result = await runner.run(node, ['-e', 'process.stdout.write("a=1\\nb=2\\r\\nprogress=end")'], { onStdoutLine: (l) => lines.push(l) });
    expect(lines).toEqual(['a=1', 'b=2', 'progress=end']);
    expect(result.stdout).toBe('');
  });

  it('kills the process tree on timeout, grandchildren included', async () => {
    const script = `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      console.log(child.pid);
      setInterval(() => {}, 1000);`;
    const started = Date.now();
    const result = await runner.run(node, ['-e', script], { timeoutMs: 500 });
    expect(result.timedOut).toBe(true);
    expect(result.signal).toBe('SIGKILL');
    expect(Date.now() - started).toBeLessThan(5000);
    const grandchild = Number(result.stdout.trim());
    expect(await gone(grandchild)).toBe(true);
  });

  it('runs the child in a process group of its own, at lower CPU priority, and reports its pid', async () => {
    let spawned: number | undefined;
    const result = await runner.run(node, ['-e', 'console.log(require("fs").readFileSync("/proc/self/stat", "utf8"))'], {
      onSpawn: (pid) => (spawned = pid),
    });
    // /proc/<pid>/stat: pid (comm) state ppid pgrp session ... field 19 is the nice value
    const fields = result.stdout.replace(/^.*\) /s, '').split(' ');
    const [pgrp, nice] = [Number(fields[2]), Number(fields[16])];
    expect(spawned).toBeGreaterThan(0);
    expect(pgrp).toBe(spawned);
    expect(nice).toBeGreaterThanOrEqual(CHILD_NICENESS);
  });

  it('ends a recorded process group, and says when none is left', async () => {
    let pgid = 0;
    const run = runner.run(node, ['-e', 'setInterval(() => {}, 1000)'], { onSpawn: (pid) => (pgid = pid) });
    while (!pgid) await new Promise((r) => setTimeout(r, 10));
    expect(killProcessGroup(pgid)).toBe(true);
    expect(await run).toMatchObject({ signal: 'SIGKILL' });
    expect(killProcessGroup(pgid)).toBe(false);
  });

  it('stops on abort and says so', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await runner.run(node, ['-e', 'setInterval(() => {}, 1000)'], { signal: controller.signal });
    expect(result).toMatchObject({ aborted: true, timedOut: false, exitCode: null });
  });

  it('does not start when already aborted', async () => {
    const result = await runner.run(node, ['-e', 'setInterval(() => {}, 1000)'], { signal: AbortSignal.abort() });
    expect(result.aborted).toBe(true);
  });

  it('rejects when the command cannot be started', async () => {
    await expect(runner.run('/nonexistent/ffmpeg', ['-version'])).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
