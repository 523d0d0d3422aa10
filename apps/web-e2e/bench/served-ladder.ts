/**
 * The ladder a READY playlist serves, read as a player reads it (master playlist, then each rung's
 * playlist) with every segment's size from the server: what the simulator replays for comparison.
 */
import type { Ladder, LadderRung } from '@cmm/player/abr-sim';

/** `KEY=value,KEY="quoted, value"` attributes of an HLS tag. */
function attributes(line: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, key, quoted, plain] of line.matchAll(
    /([A-Z0-9-]+)=(?:"([^"]*)"|([^,]*))/g,
  ))
    out[key] = quoted ?? plain;
  return out;
}

export interface MasterEntry {
  uri: string;
  bandwidth: number;
  averageBandwidth: number;
  width: number;
  height: number;
}

export function parseMaster(text: string): MasterEntry[] {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const entries: MasterEntry[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) return;
    const a = attributes(line.slice(line.indexOf(':') + 1));
    const [width, height] = (a['RESOLUTION'] ?? '0x0').split('x').map(Number);
    const bandwidth = Number(a['BANDWIDTH']);
    entries.push({
      uri: lines[i + 1],
      bandwidth,
      averageBandwidth: Number(a['AVERAGE-BANDWIDTH'] ?? bandwidth),
      width,
      height,
    });
  });
  return entries;
}

export function parseMedia(text: string): {
  initUri: string | null;
  segments: { uri: string; duration: number }[];
} {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  let initUri: string | null = null;
  const segments: { uri: string; duration: number }[] = [];
  lines.forEach((line, i) => {
    if (line.startsWith('#EXT-X-MAP:'))
      initUri = attributes(line.slice(line.indexOf(':') + 1))['URI'] ?? null;
    if (line.startsWith('#EXTINF:'))
      segments.push({
        uri: lines[i + 1],
        duration: parseFloat(line.slice('#EXTINF:'.length)),
      });
  });
  return { initUri, segments };
}

async function text(url: URL): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  return res.text();
}

async function size(url: URL): Promise<number> {
  const res = await fetch(url, { method: 'HEAD' });
  const length = Number(res.headers.get('content-length'));
  if (!res.ok || !(length >= 0)) throw new Error(`HEAD ${url}: no size`);
  return length;
}

export async function readServedLadder(
  masterUrl: URL,
  name: string,
): Promise<Ladder> {
  const master = await text(masterUrl);
  const entries = parseMaster(master);
  const rungs: LadderRung[] = [];
  for (const entry of entries) {
    const mediaUrl = new URL(entry.uri, masterUrl);
    const playlist = await text(mediaUrl);
    const media = parseMedia(playlist);
    const segments = [];
    for (const s of media.segments)
      segments.push({
        duration: s.duration,
        bytes: await size(new URL(s.uri, mediaUrl)),
      });
    rungs.push({
      label: `${entry.height}p`,
      width: entry.width,
      height: entry.height,
      bandwidth: entry.bandwidth,
      averageBandwidth: entry.averageBandwidth,
      initBytes: media.initUri
        ? await size(new URL(media.initUri, mediaUrl))
        : 0,
      playlistBytes: Buffer.byteLength(playlist),
      segments,
    });
  }
  return { name, rungs, masterBytes: Buffer.byteLength(master) };
}
