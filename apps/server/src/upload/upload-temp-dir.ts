import { mkdir, readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Inside MEDIA_DIR: where graphql-upload buffers multipart files while a request is read. */
export const UPLOAD_TEMP_DIR = '.uploads';

/**
 * Empties (what a crash left: nothing reads it before the server listens) and creates the upload
 * temp folder, returning its path and how many leftovers were removed. Keeping it on the media
 * volume means the free-space reserve covers uploads in flight too.
 */
export async function prepareUploadTempDir(mediaDir: string): Promise<{ path: string; swept: number }> {
  const path = resolve(mediaDir, UPLOAD_TEMP_DIR);
  const leftovers = await readdir(path).catch(() => []);
  await rm(path, { recursive: true, force: true });
  await mkdir(path, { recursive: true });
  return { path, swept: leftovers.length };
}
