import type { AbrLevel } from '../abr-policy';

/** One rung as the server wrote it: what its master playlist entry says and every segment's size. */
export interface LadderRung {
  label: string;
  width: number;
  height: number;
  /** HLS BANDWIDTH: the peak over any one segment, bits per second. */
  bandwidth: number;
  /** HLS AVERAGE-BANDWIDTH. */
  averageBandwidth: number;
  initBytes: number;
  /** Its media playlist's size, where known (a served ladder); the fixture's count as empty. */
  playlistBytes?: number;
  segments: readonly { duration: number; bytes: number }[];
}

export interface Ladder {
  name: string;
  /** Highest first, as the master playlist lists them. */
  rungs: readonly LadderRung[];
  /** The master playlist's size, where known. */
  masterBytes?: number;
}

/** The rungs in hls.js's level order (lowest bitrate first), which is the simulator's order too. */
export function playerOrder(ladder: Ladder): LadderRung[] {
  return [...ladder.rungs].sort((a, b) => a.bandwidth - b.bandwidth);
}

export function abrLevels(rungs: readonly LadderRung[]): AbrLevel[] {
  return rungs.map((r) => ({
    bitrate: r.bandwidth,
    averageBitrate: r.averageBandwidth,
    width: r.width,
    height: r.height,
  }));
}

/** A ladder of fixed-size segments, for hand-computable specs. */
export function constantLadder(
  name: string,
  rungs: readonly { height: number; mbps: number }[],
  segmentSeconds: number,
  segments: number,
): Ladder {
  return {
    name,
    rungs: rungs.map(({ height, mbps }) => {
      const bps = mbps * 1e6;
      return {
        label: `${height}p`,
        width: Math.round((height * 16) / 9),
        height,
        bandwidth: bps,
        averageBandwidth: bps,
        initBytes: 0,
        segments: Array.from({ length: segments }, () => ({
          duration: segmentSeconds,
          bytes: (bps * segmentSeconds) / 8,
        })),
      };
    }),
  };
}
