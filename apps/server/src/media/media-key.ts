import { STORYBOARD_DIR, STORYBOARD_FILE } from '../storyboard/storyboard-layout';

/**
 * The storage key a `/media/...` request path names, or null when it names nothing we serve.
 * Works on the raw (still percent-encoded) path so that an encoded `/` or `..` cannot slip
 * past the checks after decoding. Storage re-checks containment (and symlinks) on top.
 *
 * Only what players need is published: a playlist's `poster.jpg`, the manifests, init
 * segments, media segments and WebVTT captions under its `stream/`, and the sheets and
 * thumbnails track in its `storyboard/`. The original upload (with its metadata, such
 * as a phone's GPS position), `manifest.json`, work and temp files are never served.
 */
export function mediaKeyFromPath(rawPath: string): string | null {
  if (!rawPath.startsWith('/media/')) return null;
  const segments: string[] = [];
  for (const raw of rawPath.slice('/media/'.length).split('/')) {
    const segment = decodeURIComponent(raw);
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return isPublished(segments) ? segments.join('/') : null;
}

/** Stream files by name: ffmpeg's temp files (`*.tmp`) and anything hidden are not among them. */
const STREAM_FILE = /^[^.][^/]*\.(m3u8|mpd|mp4|m4s|vtt)$/;

function isPublished([id, ...rest]: string[]): boolean {
  if (!id || id.startsWith('.') || rest.length === 0) return false;
  if (rest.length === 1) return rest[0] === 'poster.jpg';
  const [folder, ...inStream] = rest;
  if (folder === STORYBOARD_DIR) return inStream.length === 1 && STORYBOARD_FILE.test(inStream[0]);
  return folder === 'stream' && inStream.every((s) => !s.startsWith('.')) && STREAM_FILE.test(inStream[inStream.length - 1]);
}
