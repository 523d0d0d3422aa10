/**
 * LL-HLS blocking playlist reload (RFC 8216bis §6.2.5.2) without partial segments: what a media
 * playlist request's delivery directives ask for, and whether the playlist as it stands answers it.
 */

/** What the query string of a playlist request asks for. */
export type DeliveryDirectives =
  | { kind: 'none' }
  /** Malformed, or `_HLS_part` without `_HLS_msn`: the spec answers 400. */
  | { kind: 'invalid' }
  /** The playlist once it holds the segment with this media sequence number. */
  | { kind: 'block'; msn: number };

const DECIMAL = /^\d{1,15}$/;

/**
 * `_HLS_msn` blocks. `_HLS_part` is checked but asks for nothing more: with no partial segments,
 * a part of segment M is published when M is. `_HLS_skip` is ignored: we offer no delta updates
 * (no CAN-SKIP-UNTIL), and the full playlist is always a valid answer.
 */
export function deliveryDirectives(query: string): DeliveryDirectives {
  const params = new URLSearchParams(query);
  const msn = params.get('_HLS_msn');
  const part = params.get('_HLS_part');
  if (msn === null) return part === null ? { kind: 'none' } : { kind: 'invalid' };
  if (!DECIMAL.test(msn) || (part !== null && !DECIMAL.test(part))) return { kind: 'invalid' };
  return { kind: 'block', msn: Number(msn) };
}

export type ReloadDecision =
  | { kind: 'serve' }
  /** Asked for more than two segments past the last one: 400 at once. */
  | { kind: 'reject' }
  /** Held until the playlist answers, or `timeoutMs` (three target durations) pass: then 503. */
  | { kind: 'hold'; timeoutMs: number };

const HOLD_TARGET_DURATIONS = 3;
/** Segments a client may ask for past the last one before it is told 400. */
const ADVANCE_LIMIT = 2;

/**
 * The answer to a request for media sequence number `msn`, given the playlist text as it stands.
 * A playlist that does not offer blocking reloads (a master, a finished or captions playlist, one
 * written before this existed) is served at once, as a server without the feature would.
 * A playlist with ENDLIST answers every request: no segment will be added.
 */
export function reloadDecision(playlist: string, msn: number): ReloadDecision {
  let canBlock = false;
  let firstMsn = 0;
  let segments = 0;
  let target = 0;
  for (const raw of playlist.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (!line.startsWith('#')) segments++;
    else if (line === '#EXT-X-ENDLIST') return { kind: 'serve' };
    else if (line.startsWith('#EXT-X-SERVER-CONTROL:')) canBlock = /(^|[:,])CAN-BLOCK-RELOAD=YES(,|$)/.test(line);
    else if (line.startsWith('#EXT-X-MEDIA-SEQUENCE:')) firstMsn = Number(line.slice('#EXT-X-MEDIA-SEQUENCE:'.length));
    else if (line.startsWith('#EXT-X-TARGETDURATION:')) target = Number(line.slice('#EXT-X-TARGETDURATION:'.length));
  }
  const lastMsn = firstMsn + segments - 1;
  // numbers we cannot read leave the playlist as any static server would answer it
  if (!canBlock || !(target > 0) || !Number.isSafeInteger(lastMsn) || msn <= lastMsn) return { kind: 'serve' };
  if (msn > lastMsn + ADVANCE_LIMIT) return { kind: 'reject' };
  return { kind: 'hold', timeoutMs: HOLD_TARGET_DURATIONS * target * 1000 };
}
