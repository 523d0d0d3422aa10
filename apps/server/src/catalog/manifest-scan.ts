import type { ScannedFolder } from '../storage/storage';
import { parseManifest, PlaylistManifest } from './manifest';

/** What a batch of media-root folders holds: playlists, and manifests that cannot be read. */
export interface ManifestScan {
  manifests: PlaylistManifest[];
  unreadable: { playlistId: string; reason: string }[];
}

/**
 * Reads folders as the embedded catalog loads them and the import imports them: a readable
 * `manifest.json` naming its folder is a playlist, an unreadable one is reported, and a folder
 * without one is not a playlist (the start-up sweep decides what to do with it).
 */
export function manifestsIn(folders: readonly ScannedFolder[]): ManifestScan {
  const scan: ManifestScan = { manifests: [], unreadable: [] };
  for (const { name, file } of folders) {
    if (file === null) continue;
    try {
      if (file instanceof Error) throw file;
      scan.manifests.push(parseManifest(name, file));
    } catch (error) {
      scan.unreadable.push({ playlistId: name, reason: (error as Error).message });
    }
  }
  return scan;
}
