import type { SimSegment, SimSession } from './simulator';

/** What a score needs: from the simulator or from a real player. */
export interface ScoredSession
  extends Pick<SimSession, 'rebufferSeconds' | 'startupSeconds'> {
  segments: readonly Pick<SimSegment, 'level' | 'duration' | 'bitrate'>[];
}

/** Seconds of rebuffering cost this much QoE each: MPC's and Pensieve's linear QoE (μ = 4.3). */
export const REBUFFER_PENALTY = 4.3;

export interface SessionScore {
  /** Σ segment bitrate (Mbit/s) − 4.3 × rebuffer seconds − Σ |bitrate change| (Mbit/s). */
  qoe: number;
  avgBitrateMbps: number;
  rebufferSeconds: number;
  /** Rebuffering over the time the viewer spent past start-up (playing or stalled). */
  rebufferRatio: number;
  switches: number;
  startupSeconds: number;
}

export function scoreSession(session: ScoredSession): SessionScore {
  const mbps = session.segments.map((s) => s.bitrate / 1e6);
  const quality = mbps.reduce((sum, m) => sum + m, 0);
  let smoothness = 0;
  let switches = 0;
  for (let i = 1; i < mbps.length; i++) {
    smoothness += Math.abs(mbps[i] - mbps[i - 1]);
    if (session.segments[i].level !== session.segments[i - 1].level) switches++;
  }
  const played = session.segments.reduce((sum, s) => sum + s.duration, 0);
  const bits = session.segments.reduce(
    (sum, s) => sum + s.bitrate * s.duration,
    0,
  );
  return {
    qoe: quality - REBUFFER_PENALTY * session.rebufferSeconds - smoothness,
    avgBitrateMbps: played > 0 ? bits / played / 1e6 : 0,
    rebufferSeconds: session.rebufferSeconds,
    rebufferRatio:
      played > 0
        ? session.rebufferSeconds / (played + session.rebufferSeconds)
        : 0,
    switches,
    startupSeconds: session.startupSeconds,
  };
}
