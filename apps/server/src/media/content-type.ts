const TYPES = new Map(
  Object.entries({
    m3u8: 'application/vnd.apple.mpegurl',
    mpd: 'application/dash+xml',
    m4s: 'video/iso.segment',
    mp4: 'video/mp4',
    jpg: 'image/jpeg',
    vtt: 'text/vtt; charset=utf-8',
  }),
);

/** The Content-Type of a media file, from its extension (case-insensitive); unknown files are opaque bytes. */
export function contentTypeFor(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return (dot > 0 && TYPES.get(name.slice(dot + 1).toLowerCase())) || 'application/octet-stream';
}
