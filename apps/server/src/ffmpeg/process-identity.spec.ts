import { spawn } from 'node:child_process';
import { parseStartTicks, readProcessIdentity, sameProcess } from './process-identity';

const identity = { pgid: 4242, boot_id: 'b1', start_ticks: '1000' };

describe('process identity', () => {
  it.each([
    ['a plain name', '4242 (ffmpeg) S 1 4242 4242 0 -1 4194560 2 0 0 0 0 0 0 0 30 10 1 0 987654 1000 10 0', '987654'],
    ['a name with spaces and parentheses', '4242 (my (odd) name) R 1 4242 4242 0 -1 4194560 2 0 0 0 0 0 0 0 30 10 1 0 55 1000 10 0', '55'],
    ['something else', 'not a stat line', null],
  ])('reads the start time from %s', (_name, stat, ticks) => {
    expect(parseStartTicks(stat)).toBe(ticks);
  });

  it.each([
    ['the same process', identity, true],
    ['a reused pid started later', { ...identity, start_ticks: '2000' }, false],
    ['the same numbers after a reboot', { ...identity, boot_id: 'b2' }, false],
    ['a process that is gone', null, false],
  ])('recognises %s', (_name, current, same) => {
    expect(sameProcess(identity, current)).toBe(same);
  });

  it('reads a live process, and nothing once it has exited', async () => {
    const child = spawn('sleep', ['30']);
    const pid = child.pid as number;
    const live = readProcessIdentity(pid);
    expect(live).toEqual({ pgid: pid, boot_id: expect.stringMatching(/^[0-9a-f-]{36}$/), start_ticks: expect.stringMatching(/^\d+$/) });
    expect(sameProcess(live as NonNullable<typeof live>, readProcessIdentity(pid))).toBe(true);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(readProcessIdentity(pid)).toBeNull();
  });
});
