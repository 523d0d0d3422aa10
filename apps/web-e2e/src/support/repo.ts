import { resolve } from 'node:path';

/** The repository root: the server is started from here so it finds `dist/apps/web/browser`. */
export const REPO_ROOT = resolve(__dirname, '../../../..');
export const SERVER_MAIN = resolve(REPO_ROOT, 'dist/apps/server/main.js');
export const WEB_INDEX = resolve(REPO_ROOT, 'dist/apps/web/browser/index.html');
export const ARTIFACTS_DIR = resolve(REPO_ROOT, 'test-artifacts');
