import { leavesReserve } from './storage-reserve';

const MiB = 1024 ** 2;

describe('leavesReserve', () => {
  it.each([
    ['plenty of room', 10_000 * MiB, 100 * MiB, 256 * MiB, true],
    ['exactly the reserve left after the upload', 356 * MiB, 100 * MiB, 256 * MiB, true],
    ['an upload that would eat into the reserve', 300 * MiB, 100 * MiB, 256 * MiB, false],
    ['a volume already below its reserve, size unknown', 200 * MiB, 0, 256 * MiB, false],
    ['no reserve configured', 1 * MiB, 0, 0, true],
  ])('%s', (_name, free, declared, reserve, ok) => {
    expect(leavesReserve(free, declared, reserve)).toBe(ok);
  });
});
