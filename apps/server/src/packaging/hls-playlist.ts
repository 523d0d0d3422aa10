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

/** A captions track in the master's subtitle group. */
export interface SubtitleRendition {
  /** BCP 47, as LANGUAGE says. */
  language: string;
  name: string;
  /** Its WebVTT media playlist, relative to the master. */
  uri: string;
}

export const SUBTITLE_GROUP = 'subs';

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
  /** While it grows: offer blocking reloads (see CAN_BLOCK_RELOAD and transcode/reload-offer.ts). */
  blockingReload: boolean;
}

/**
 * Said while a playlist grows and its next segment is expected soon enough: `/media` holds a
 * reload that asks for the next segment (`_HLS_msn`) until it is published
 * (media/blocking-reload.ts), so players learn of it at once rather than up to a target duration
 * later. Dropped with ENDLIST: nobody reloads a finished playlist, and it stays a plain file any
 * static server or CDN may answer.
 */
export const CAN_BLOCK_RELOAD = '#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES';

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
    ...(p.blockingReload && !p.ended ? [CAN_BLOCK_RELOAD] : []),
    `#EXT-X-MAP:URI="${p.initUri}"`,
  ];
  for (const s of p.segments) lines.push(`#EXTINF:${s.duration.toFixed(6)},`, s.uri);
  if (p.ended) lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

/**
 * Highest rendition first: players that start with the first entry then start sharp. Captions
 * form one SUBTITLES group that every variant names; none is DEFAULT, so they start off. NAMEs
 * must be unique in a group: a repeated one gets its language added.
 */
export function writeMasterPlaylist(variants: readonly MasterVariant[], subtitles: readonly SubtitleRendition[] = []): string {
  const sorted = [...variants].sort((a, b) => b.height - a.height || b.bandwidth - a.bandwidth);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-INDEPENDENT-SEGMENTS'];
  const names = new Set<string>();
  for (const s of subtitles) {
    const name = names.has(s.name) ? `${s.name} (${s.language})` : s.name;
    names.add(name);
    lines.push(
      `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="${SUBTITLE_GROUP}",NAME="${name}",LANGUAGE="${s.language}",DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI="${s.uri}"`,
    );
  }
  const group = subtitles.length > 0 ? `,SUBTITLES="${SUBTITLE_GROUP}"` : '';
  for (const v of sorted) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${v.bandwidth},AVERAGE-BANDWIDTH=${v.averageBandwidth},RESOLUTION=${v.width}x${v.height},CODECS="${v.codecs}",FRAME-RATE=${v.frameRate.toFixed(3)}${group}`,
      v.uri,
    );
  }
  return lines.join('\n') + '\n';
}

/** A captions track's media playlist: the whole WebVTT file as its one segment, spanning the video. */
export function writeSubtitlePlaylist(vttUri: string, duration: number): string {
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    `#EXT-X-TARGETDURATION:${Math.max(1, Math.ceil(duration))}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
    `#EXTINF:${duration.toFixed(6)},`,
    vttUri,
    '#EXT-X-ENDLIST',
  ].join('\n') + '\n';
}
