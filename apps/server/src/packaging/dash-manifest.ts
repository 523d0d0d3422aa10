import { INIT_SEGMENT, SEGMENT_DASH_TEMPLATE, segmentName } from './stream-layout';
import { mediaSeconds } from './media-seconds';

/** One rendition as the MPD lists it; segment URIs are relative to the MPD. */
export interface DashRepresentation {
  /** The rung label, which is also the rendition's folder. */
  id: string;
  bandwidth: number;
  width: number;
  height: number;
  codecs: string;
  /** As the fps filter had it: `25` or `24000/1001`. */
  frameRate: string;
  initUri: string;
  segments: readonly { uri: string; duration: number }[];
}

/** A captions track: one WebVTT file for the whole period. */
export interface DashTextTrack {
  language: string;
  label: string;
  /** Relative to the MPD. */
  uri: string;
}

const TIMESCALE = 1000;

const seconds = (s: number) => `PT${s.toFixed(3)}S`;
const escape = (value: string | number) =>
  String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * `<S>` entries from real durations. Start times are rounded from the running total, so
 * rounding never accumulates; equal neighbours fold into `r` repeats.
 */
function segmentTimeline(durations: readonly number[]): string[] {
  const entries: { t: number; d: number; r: number }[] = [];
  let elapsed = 0;
  for (const duration of durations) {
    const t = Math.round(elapsed * TIMESCALE);
    elapsed += duration;
    const d = Math.round(elapsed * TIMESCALE) - t;
    const last = entries.at(-1);
    if (last && last.d === d) last.r++;
    else entries.push({ t, d, r: 0 });
  }
  return entries.map((e, i) => `<S ${i === 0 ? `t="${e.t}" ` : ''}d="${e.d}"${e.r > 0 ? ` r="${e.r}"` : ''}/>`);
}

/** `720p/segment_00000.m4s` … as SegmentTemplate addresses them: the template must name the files ffmpeg wrote. */
function templateFor(rep: DashRepresentation): { initialization: string; media: string } {
  const initialization = `$RepresentationID$/${INIT_SEGMENT}`;
  const media = `$RepresentationID$/${SEGMENT_DASH_TEMPLATE}`;
  if (rep.initUri !== `${rep.id}/${INIT_SEGMENT}` || rep.segments.some((s, i) => s.uri !== `${rep.id}/${segmentName(i)}`)) {
    throw new Error(`Rendition ${rep.id} does not follow the segment naming the MPD template expects`);
  }
  return { initialization, media };
}

/** Set while the ladder is still being encoded: the MPD is then dynamic and grows. */
export interface GrowingPresentation {
  /** When encoding began: the wall-clock anchor of media time 0. */
  availabilityStartTime: Date;
  publishTime: Date;
  /** How often players should fetch the MPD again, in seconds. */
  updatePeriod: number;
}

const isoTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A live-profile MPD over the same CMAF files the HLS playlists use: one adaptation set
 * (segments carry muxed audio and video, so codecs names both) with a representation per rung,
 * each with a SegmentTimeline of its real durations. `dynamic` while the ladder grows (players
 * refetch it and never see a segment before it exists), `static` with its duration once complete.
 * Captions follow as text adaptation sets, a WebVTT file each.
 */
export function writeDashManifest(representations: readonly DashRepresentation[], growing?: GrowingPresentation, texts: readonly DashTextTrack[] = []): string {
  const sorted = [...representations].sort((a, b) => b.height - a.height || b.bandwidth - a.bandwidth);
  const total = Math.max(0, ...sorted.map((r) => mediaSeconds(r.segments)));
  const longest = Math.max(0, ...sorted.flatMap((r) => r.segments.map((s) => s.duration)));
  const presentation = growing
    ? `type="dynamic" availabilityStartTime="${isoTime(growing.availabilityStartTime)}" publishTime="${isoTime(growing.publishTime)}" minimumUpdatePeriod="${seconds(growing.updatePeriod)}"`
    : `type="static" mediaPresentationDuration="${seconds(total)}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:isoff-live:2011" ${presentation} minBufferTime="${seconds(longest)}">`,
    '  <Period id="0" start="PT0S">',
    `    <AdaptationSet id="0" mimeType="video/mp4" segmentAlignment="true" startWithSAP="1" maxWidth="${sorted[0]?.width ?? 0}" maxHeight="${sorted[0]?.height ?? 0}">`,
  ];
  for (const rep of sorted) {
    const { initialization, media } = templateFor(rep);
    lines.push(
      `      <Representation id="${escape(rep.id)}" bandwidth="${rep.bandwidth}" width="${rep.width}" height="${rep.height}" sar="1:1" frameRate="${escape(rep.frameRate)}" codecs="${escape(rep.codecs)}">`,
      `        <SegmentTemplate timescale="${TIMESCALE}" initialization="${initialization}" media="${media}" startNumber="0">`,
      '          <SegmentTimeline>',
      ...segmentTimeline(rep.segments.map((s) => s.duration)).map((s) => `            ${s}`),
      '          </SegmentTimeline>',
      '        </SegmentTemplate>',
      '      </Representation>',
    );
  }
  lines.push('    </AdaptationSet>');
  texts.forEach((text, i) => {
    lines.push(
      `    <AdaptationSet id="${i + 1}" contentType="text" mimeType="text/vtt" lang="${escape(text.language)}">`,
      '      <Role schemeIdUri="urn:mpeg:dash:role:2011" value="subtitle"/>',
      `      <Label>${escape(text.label)}</Label>`,
      `      <Representation id="text-${escape(text.language)}" bandwidth="256">`,
      `        <BaseURL>${escape(text.uri)}</BaseURL>`,
      '      </Representation>',
      '    </AdaptationSet>',
    );
  });
  lines.push('  </Period>', '</MPD>');
  return lines.join('\n') + '\n';
}
