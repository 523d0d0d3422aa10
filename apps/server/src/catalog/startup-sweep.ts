import { TEMP_SUFFIX } from '../storage/local-disk-storage';
import { MANIFEST_FILE, WORK_DIR } from './manifest';

/** One top-level folder of the media root as start-up finds it. */
export interface FolderListing {
  name: string;
  entries: readonly string[];
}

export interface SweepTarget {
  key: string;
  reason: string;
}


/** What an upload writes before its manifest: a folder holding only these is one cut off. */
const UPLOAD_ENTRIES = ['source', WORK_DIR];

/**
 * What a crash can leave in the media root, to remove before anything starts: a playlist folder
 * without `manifest.json` (an upload cut off before it was recorded), a job's work folder, and
 * half-written temp files. Hidden top-level folders (`.uploads`) and folders holding anything
 * else belong to others and are left alone.
 */
export function sweepTargets(folders: readonly FolderListing[]): SweepTarget[] {
  const targets: SweepTarget[] = [];
  for (const { name, entries } of folders) {
    if (name.startsWith('.')) continue;
    if (!entries.includes(MANIFEST_FILE)) {
      if (entries.every((entry) => UPLOAD_ENTRIES.includes(entry))) {
        targets.push({ key: name, reason: 'no manifest.json: an upload that never completed' });
      }
      continue;
    }
    for (const entry of entries) {
      // nothing runs yet at start-up, so a work folder is a crash's
      if (entry === WORK_DIR) targets.push({ key: `${name}/${entry}`, reason: 'work folder of an interrupted job' });
      else if (entry.endsWith(TEMP_SUFFIX)) targets.push({ key: `${name}/${entry}`, reason: 'temp file of an interrupted write' });
    }
  }
  return targets;
}
