import { mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A rung playlist as the server publishes it while encoding: `count` 1 s segments, blocking reloads offered until `ended`. */
export function growingPlaylist(count: number, { target = 4, ended = false } = {}): string {
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:EVENT',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    ...(ended ? [] : ['#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES']),
    '#EXT-X-MAP:URI="init.mp4"',
    ...Array.from({ length: count }, (_, i) => ['#EXTINF:1.000000,', `segment_${String(i).padStart(5, '0')}.m4s`]).flat(),
    ...(ended ? ['#EXT-X-ENDLIST'] : []),
    '',
  ].join('\n');
}

/** Renames a whole file over `key` in `mediaDir`, as another process publishing the stream (ROLE=worker) does. */
export function publish(mediaDir: string, key: string, text: string): void {
  const path = join(mediaDir, key);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.next.tmp`, text);
  renameSync(`${path}.next.tmp`, path);
}

/** How many folders process `pid` watches with inotify (Linux: the `inotify wd:` lines of its inotify descriptors). */
export function inotifyWatches(pid: number): number {
  let watches = 0;
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    let target: string;
    try {
      target = readlinkSync(`/proc/${pid}/fd/${fd}`);
    } catch {
      continue; // closed meanwhile
    }
    if (target === 'anon_inode:inotify') watches += readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').split('\n').filter((line) => line.startsWith('inotify wd:')).length;
  }
  return watches;
}
