import { Storage } from '../storage/storage';
import { MANIFEST_FILE } from './manifest';
import { manifestsIn } from './manifest-scan';
import type { PostgresCatalog } from './postgres/postgres-catalog';

export interface ImportCounts {
  /** Playlists found in the media folder. */
  found: number;
  /** Of those, recorded now. */
  imported: number;
  /** Of those, in the database already (an earlier import, or a server on it): left as they are. */
  present: number;
  /** Folders whose manifest.json could not be read, with why. */
  unreadable: { playlistId: string; reason: string }[];
}

/**
 * Loads every playlist of a media folder made by the embedded catalog into PostgreSQL: a batch of
 * folders at a time, each inserted unless its id is there already, so running it again (or on a
 * site already serving from the database) changes nothing. Nothing on disk is touched.
 */
export async function importCatalog(storage: Storage, catalog: PostgresCatalog): Promise<ImportCounts> {
  const counts: ImportCounts = { found: 0, imported: 0, present: 0, unreadable: [] };
  for await (const folders of storage.scanFolders('', MANIFEST_FILE)) {
    const { manifests, unreadable } = manifestsIn(folders);
    const imported = await catalog.insertMissing(manifests);
    counts.found += manifests.length;
    counts.imported += imported;
    counts.present += manifests.length - imported;
    counts.unreadable.push(...unreadable);
  }
  return counts;
}

/** One line for the operator: the counts, then each manifest that could not be read. */
export function describeImport(mediaDir: string, counts: ImportCounts): string {
  const lines = [`import-catalog: ${counts.found} playlists found in ${mediaDir}: ${counts.imported} imported, ${counts.present} already in the database, ${counts.unreadable.length} unreadable`];
  for (const { playlistId, reason } of counts.unreadable) lines.push(`  unreadable: ${playlistId}: ${reason}`);
  return lines.join('\n');
}
