import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * graphql-upload streams each file into an fs-capacitor temp file (in UPLOAD_TEMP_DIR) and keeps
 * that writer on the file as a hidden `capacitor`; `_path` is private to fs-capacitor, so it is
 * read here only, and the upload e2e test proves it still is what we take it for.
 */
type Capacitor = Writable & { _path?: unknown };

/**
 * The temp file graphql-upload buffers `file` in, once the whole upload is in it; null when the
 * file exposes none, so the caller copies it from createReadStream. Rejects as the file's own
 * stream would: over the size limit (status 413), cut off, or the disk full.
 */
export async function bufferedUploadPath(file: object): Promise<string | null> {
  const capacitor = (file as { capacitor?: unknown }).capacitor;
  if (!(capacitor instanceof Writable) || !('_path' in capacitor)) return null;
  await finished(capacitor, { readable: false });
  const path = (capacitor as Capacitor)._path;
  return typeof path === 'string' ? path : null;
}
