#!/usr/bin/env node
// The registry this project installs from carries only the platform builds it needs (linux-x64),
// so `npm install` leaves other platforms' optional binaries (rollup, sass-embedded, msgpackr…)
// out of package-lock.json, and `npm ci` then refuses the lock as out of sync. This adds a
// placeholder entry for each such optional dependency, with the os/cpu its name states, so
// `npm ci` accepts the lock and skips them as it would on any other platform.
// Run it after every change to dependencies: `npm run lockfile`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

/** Where Node would find `name` from the package installed at `from` (walking up node_modules). */
function resolves(from, name) {
  let dir = from;
  for (;;) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut < 0 ? '' : dir.slice(0, cut);
  }
}

const OS = /(android|darwin|freebsd|linux|netbsd|openbsd|openharmony|sunos|win32|aix)/;
const CPU = /(arm64|arm|x64|ia32|loong64|ppc64|riscv64|s390x|wasm32)/;
let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    if (resolves(path, name)) continue;
    const os = OS.exec(name.split('/').pop())?.[1];
    const cpu = CPU.exec(name.split('/').pop())?.[1];
    // keys in the order npm writes them, so a later `npm install` leaves the file as it is
    const entry = { version: spec.replace(/^[\^~=]/, '') };
    if (cpu) entry.cpu = [cpu];
    if (meta.dev) entry.dev = true;
    entry.optional = true;
    if (os) entry.os = [os];
    packages[`${path ? `${path}/` : ''}node_modules/${name}`] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => a.localeCompare(b, 'en')));
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`package-lock.json: ${added} placeholder entries for optional platform packages`);
