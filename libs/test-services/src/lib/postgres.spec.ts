import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBinary } from './postgres';

describe('findBinary', () => {
  const empty = mkdtempSync(join(tmpdir(), 'cmm-bin-empty-'));
  const bin = mkdtempSync(join(tmpdir(), 'cmm-bin-'));
  writeFileSync(join(bin, 'initdb'), '#!/bin/sh\n');
  chmodSync(join(bin, 'initdb'), 0o755);
  writeFileSync(join(bin, 'pg_ctl'), 'not executable');

  it.each([
    ['the first folder that has it', 'initdb', [empty, bin], join(bin, 'initdb')],
    ['past folders that do not exist', 'initdb', ['/nonexistent', bin], join(bin, 'initdb')],
  ])('finds a binary in %s', (_name, binary, dirs, path) => {
    expect(findBinary(binary, dirs)).toBe(path);
  });

  it.each([
    ['is nowhere', 'initdb', [empty]],
    ['is there but not executable', 'pg_ctl', [bin]],
  ])('fails loudly, saying what to install, when the binary %s', (_name, binary, dirs) => {
    expect(() => findBinary(binary, dirs)).toThrow(`PostgreSQL's ${binary} was not found in ${dirs.join(', ')}: install PostgreSQL (Debian: apt-get install postgresql) or set DATABASE_URL`);
  });
});
