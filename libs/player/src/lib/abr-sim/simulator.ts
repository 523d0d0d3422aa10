import type {
  AbrContext,
  AbrDecision,
  AbrPolicy,
  AbrReason,
} from '../abr-policy';
import type { StartGateReason } from '../start-gate';
import { abrLevels, Ladder, playerOrder } from './ladder';
import { Link, Trace } from './trace';

export interface SimOptions {
  /** Media seconds the session plays (the ladder's segments repeat as needed). */
  sessionSeconds: number;
  /** hls.js's `maxBufferLength` (30 s unless told): what policies are told as the maximum… */
  maxBufferSeconds?: number;
  /**
   * …though hls.js fetches on until the buffer holds this many bytes of the rung it loads
   * (`maxBufferSize`, 60 MB unless told), up to `maxMaxBufferSeconds` (600 s): on any rung below
   * 16 Mbit/s that is more than `maxBufferSeconds`.
   */
  maxBufferBytes?: number;
  maxMaxBufferSeconds?: number;
  /** Wide enough by default that no rung is capped by size. */
  playerWidth?: number;
  /** How often a loading segment is offered for abandonment: hls.js's abandon timer. */
  abandonCheckMs?: number;
  /**
   * A change of rung first loads the last buffered segment again at the new rung (true unless
   * told). hls.js does so whenever the buffered range ends inside that segment, as it does with
   * this server's segments (their audio ends about 0.1 s before their video): it looks the next
   * segment up by the buffer's end, not by sequence number, once the level differs.
   */
  switchReloadsLastSegment?: boolean;
}

export interface SimSegment {
  level: number;
  /** Media seconds. */
  duration: number;
  /** The rung's AVERAGE-BANDWIDTH, bits per second: what the viewer gets for this segment. */
  bitrate: number;
  reason: AbrReason;
  /** Session time the request went out and the last byte arrived. */
  requestedAt: number;
  loadedAt: number;
  /** Buffer just before the segment was appended. */
  bufferBefore: number;
}

export interface SimSession {
  trace: string;
  ladder: string;
  segments: SimSegment[];
  startupSeconds: number;
  /** What let playback begin: the policy's start gate, or null for a policy without one. */
  startReason: StartGateReason | null;
  rebufferSeconds: number;
  /** Requests abandoned part-way, and the bytes they had already cost. */
  abandoned: number;
  wastedBytes: number;
}

/**
 * Plays one session: a ladder's real segments over a trace's link, every choice made by `policy`
 * through the same calls `HlsAbrAdapter` makes. Requests go one at a time as in hls.js: the master
 * playlist, each rung's media playlist the first time it is used, then the segment; each costs the
 * link's latency, then its bytes at the link's rate (a playlist's where the ladder knows them).
 * Whenever the rung changes, its init segment is requested with the segment (hls.js 1.7 loads
 * both at once), so it adds its bytes, not a latency.
 * A change of rung first loads the last buffered segment again at the new rung, as hls.js does
 * here (see `switchReloadsLastSegment`). Fetching pauses while the buffer holds what hls.js buffers to (see `maxBufferBytes`).
 * Playback starts when the policy's start gate opens, asked after each segment is buffered, or
 * when the gate's wait cap runs out (a policy without a gate starts on the first segment); that
 * wait is the start-up delay, not rebuffering. While the gate holds, the element counts as paused.
 * From then on playback stalls whenever the buffer runs dry until the next segment lands.
 */
export function simulate(
  policy: AbrPolicy,
  ladder: Ladder,
  trace: Trace,
  options: SimOptions,
): SimSession {
  const maxBuffer = options.maxBufferSeconds ?? 30;
  const maxBufferBits = 8 * (options.maxBufferBytes ?? 60e6);
  const maxMaxBuffer = options.maxMaxBufferSeconds ?? 600;
  const checkSeconds = (options.abandonCheckMs ?? 100) / 1000;
  const rungs = playerOrder(ladder);
  const levels = abrLevels(rungs);
  const segmentCount = Math.min(...rungs.map((r) => r.segments.length));
  const averageSegmentDuration =
    rungs[0].segments
      .slice(0, segmentCount)
      .reduce((sum, s) => sum + s.duration, 0) / segmentCount;
  const link = new Link(trace);

  let now = 0;
  let buffer = 0;
  /** Playback has begun: from then on the buffer drains in real time. */
  let started = false;
  let startup = 0;
  let startReason: StartGateReason | null = null;
  /** While the start gate holds: when its wait cap will begin playback regardless. */
  let startBy: number | null = null;
  let rebuffer = 0;
  let current = -1;
  let initLevel = -1;
  let abandoned = 0;
  let wastedBytes = 0;
  const visited = new Set<number>();
  const segments: SimSegment[] = [];

  const begin = (at: number, reason: StartGateReason | null) => {
    started = true;
    startup = at;
    startReason = reason;
  };
  const elapse = (until: number) => {
    if (!started && startBy !== null && until > startBy) {
      now = startBy;
      begin(startBy, 'wait-cap');
    }
    const dt = until - now;
    if (started) {
      rebuffer += Math.max(0, dt - buffer);
      buffer = Math.max(0, buffer - dt);
    }
    now = until;
  };
  /** A request with nothing to watch: latency, then the bytes. */
  const fetch = (bytes: number) => {
    elapse(now + link.latencyMs(now) / 1000);
    elapse(link.finishTime(now, bytes * 8));
  };
  const context = (segmentDuration: number): AbrContext => ({
    levels,
    current,
    bufferAheadSeconds: buffer,
    segmentDuration,
    averageSegmentDuration,
    maxBufferSeconds: maxBuffer,
    // autoplay: the element wants to play from the start, unless the start gate holds it
    playing: started || startBy === null,
    playerWidth: options.playerWidth ?? 3840,
  });

  /**
   * Loads one segment at the decision's rung (or, `replacing`, the last buffered one again, which
   * adds no buffer); the policy's abandon decision if it gave the load up.
   */
  const load = (
    decision: AbrDecision,
    piece: number,
    duration: number,
    replacing = false,
  ): AbrDecision | null => {
    const { level } = decision;
    const rung = rungs[level];
    if (!visited.has(level)) fetch(rung.playlistBytes ?? 0);
    visited.add(level);
    // the link carries the init segment first, then the segment
    const initBits = initLevel !== level ? rung.initBytes * 8 : 0;
    initLevel = level;
    current = level;

    const bytes = rung.segments[piece].bytes;
    const requestedAt = now;
    const ttfb = link.latencyMs(now) / 1000;
    const firstByte = requestedAt + ttfb;
    const done = link.finishTime(firstByte, initBits + bytes * 8);
    // counted, not summed, so the checks do not drift
    for (let k = 1; requestedAt + k * checkSeconds < done; k++) {
      elapse(requestedAt + k * checkSeconds);
      const flowing = now >= firstByte;
      const arrived = flowing
        ? Math.max(0, link.bitsBy(now) - link.bitsBy(firstByte) - initBits) / 8
        : 0;
      const abandon = policy.checkAbandon(
        {
          level,
          duration,
          elapsedMs: (now - requestedAt) * 1000,
          ttfbMs: flowing ? ttfb * 1000 : null,
          loadedBytes: arrived,
          totalBytes: flowing ? bytes : 0,
        },
        context(duration),
      );
      if (abandon && abandon.level !== level) {
        abandoned++;
        wastedBytes += arrived;
        return abandon;
      }
    }
    elapse(done);
    policy.onSegmentLoaded(
      {
        level,
        bytes,
        duration,
        loadMs: (done - requestedAt) * 1000,
        ttfbMs: ttfb * 1000,
      },
      context(duration),
    );
    const segment: SimSegment = {
      level,
      duration,
      bitrate: rung.averageBandwidth,
      reason: decision.reason,
      requestedAt,
      loadedAt: done,
      bufferBefore: buffer,
    };
    if (replacing) segments[segments.length - 1] = segment;
    else {
      segments.push(segment);
      buffer += duration;
    }
    return null;
  };

  /** Segments the session still loads after `index` once `played` seconds are buffered. */
  const segmentsLeft = (index: number, played: number) => {
    let count = 0;
    for (let at = played; at < options.sessionSeconds; count++)
      at += rungs[0].segments[(index + 1 + count) % segmentCount].duration;
    return count;
  };

  fetch(ladder.masterBytes ?? 0);
  for (let index = 0, played = 0; played < options.sessionSeconds; index++) {
    const piece = index % segmentCount;
    const duration = rungs[0].segments[piece].duration;
    // hls.js's getMaxBufferLength for the rung loaded last
    const target =
      current < 0
        ? maxBuffer
        : Math.min(
            maxMaxBuffer,
            Math.max(maxBuffer, maxBufferBits / rungs[current].bandwidth),
          );
    if (started && buffer > target) elapse(now + buffer - target);
    let decision: AbrDecision | null = policy.decide(context(duration));
    let reloaded = !(options.switchReloadsLastSegment ?? true);
    while (decision) {
      const last = segments[segments.length - 1];
      if (last && last.level !== decision.level && !reloaded) {
        reloaded = true;
        const lastPiece = (index - 1) % segmentCount;
        decision = load(decision, lastPiece, last.duration, true) ?? decision;
      }
      decision = load(decision, piece, duration);
    }
    played += duration;
    if (!started) {
      const gate = policy.startGate?.({
        ...context(duration),
        remainingSeconds: options.sessionSeconds - played,
        remainingSegments: segmentsLeft(index, played),
        waitedSeconds: now,
      });
      if (!gate || gate.open) begin(now, gate?.reason ?? null);
      else startBy = now + gate.holdAtMostSeconds;
    }
  }
  return {
    trace: trace.name,
    ladder: ladder.name,
    segments,
    startupSeconds: startup,
    startReason,
    rebufferSeconds: rebuffer,
    abandoned,
    wastedBytes,
  };
}
