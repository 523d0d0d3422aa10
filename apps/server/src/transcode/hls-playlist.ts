/** Reads the media playlists ffmpeg wrote and writes the master playlist over them. */
export interface PlaylistSegment {
  uri: string;
  /** Seconds, as EXTINF says: the real length, not the nominal segment duration. */
  duration: number;
}

export interface MediaPlaylist {
  initUri: string | null;
  segments: PlaylistSegment[];
}

export interface MasterVariant {
  /** Relative to the master playlist, e.g. `720p/playlist.m3u8`. */
  uri: string;
  bandwidth: number;
  averageBandwidth: number;
  width: number;
  height: number;
  codecs: string;
  frameRate: number;
}

export function parseMediaPlaylist(text: string): MediaPlaylist {
  let initUri: string | null = null;
  let pending: number | null = null;
  const segments: PlaylistSegment[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('#EXT-X-MAP:')) {
      initUri = /URI="([^"]*)"/.exec(line)?.[1] ?? null;
    } else if (line.startsWith('#EXTINF:')) {
      pending = Number.parseFloat(line.slice('#EXTINF:'.length));
    } else if (!line.startsWith('#')) {
      if (pending === null || !Number.isFinite(pending)) throw new Error(`Media playlist has a segment without EXTINF: ${line}`);
      segments.push({ uri: line, duration: pending });
      pending = null;
    }
  }
  return { initUri, segments };
}

/**
 * HLS BANDWIDTH is the peak over any one segment, AVERAGE-BANDWIDTH the mean over the whole
 * rendition, both in bits per second and from the real segment sizes.
 */
export function renditionBitrates(segments: readonly { duration: number; sizeBytes: number }[]): { peak: number; average: number } {
  const timed = segments.filter((s) => s.duration > 0);
  if (timed.length === 0) return { peak: 0, average: 0 };
  const peak = Math.max(...timed.map((s) => (s.sizeBytes * 8) / s.duration));
  const bytes = timed.reduce((sum, s) => sum + s.sizeBytes, 0);
  const seconds = timed.reduce((sum, s) => sum + s.duration, 0);
  return { peak: Math.ceil(peak), average: Math.ceil((bytes * 8) / seconds) };
}

export interface PublishedMediaPlaylist extends MediaPlaylist {
  initUri: string;
  /** Seconds: the planned segment duration, so the target stays the same as the playlist grows. */
  segmentDuration: number;
  /** True once the rendition is complete: `#EXT-X-ENDLIST` turns the EVENT playlist into a finished one. */
  ended: boolean;
}

/**
 * A rung's public playlist: an EVENT playlist, so players start from its beginning and may seek
 * anywhere in it while segments are appended; ENDLIST once the encode is complete.
 */
export function writeMediaPlaylist(p: PublishedMediaPlaylist): string {
  const target = Math.max(Math.ceil(p.segmentDuration), ...p.segments.map((s) => Math.round(s.duration)));
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:EVENT',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-MAP:URI="${p.initUri}"`,
  ];
  for (const s of p.segments) lines.push(`#EXTINF:${s.duration.toFixed(6)},`, s.uri);
  if (p.ended) lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

/** Highest rendition first: players that start with the first entry then start sharp. */
export function writeMasterPlaylist(variants: readonly MasterVariant[]): string {
  const sorted = [...variants].sort((a, b) => b.height - a.height || b.bandwidth - a.bandwidth);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const v of sorted) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${v.bandwidth},AVERAGE-BANDWIDTH=${v.averageBandwidth},RESOLUTION=${v.width}x${v.height},CODECS="${v.codecs}",FRAME-RATE=${v.frameRate.toFixed(3)}`,
      v.uri,
    );
  }
  return lines.join('\n') + '\n';
}
