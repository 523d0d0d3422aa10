import type { Insertable } from 'kysely';
import type { PlaylistManifest } from '../manifest';
import type { PlaylistsTable } from './database';

/** `\u0000` escapes in JSON text (an odd run of backslashes): JSONB cannot hold NUL, so each becomes U+FFFD. */
const ESCAPED_NUL = /(?<!\\)((?:\\\\)*)\\u0000/g;

/** The row recording a manifest, but its key: the whole manifest as JSONB, and the columns queries need copied out of it. */
export function toColumns(manifest: PlaylistManifest): Omit<Insertable<PlaylistsTable>, 'id'> {
  return {
    status: manifest.status,
    created_at_ts: manifest.created_at_ts,
    updated_at: manifest.updated_at,
    manifest: JSON.stringify(manifest).replace(ESCAPED_NUL, '$1\\ufffd'),
  };
}
