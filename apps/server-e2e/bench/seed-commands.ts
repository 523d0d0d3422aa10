/**
 * The seed's pipeline (../shared/PROTOTYPE.md, "POST /upload" steps 4 to 6) as argument arrays:
 * per height, one transcode to an MP4 with x264's and ffmpeg's AAC defaults, then one
 * `-f segment` pass copying it into numbered MP4 chunks. The variant file is kept beside its
 * chunks, as the seed keeps it.
 */

export interface RateCap {
  maxrateKbps: number;
  bufsizeKbps: number;
}

export interface SeedVariant {
  height: number;
  /** The transcoded MP4 (the seed's `variants/<h>p.mp4`). */
  file: string;
  /** Its chunks (the seed's `segments/<h>p/`). */
  segmentDir: string;
  transcode: string[];
  segment: string[];
}

/** Requested heights the source can give, plus the source's own height, highest first (the seed never upscales). */
export function seedHeights(sourceHeight: number, requested: readonly number[]): number[] {
  return [...new Set([...requested.filter((h) => h <= sourceHeight), sourceHeight])].sort((a, b) => b - a);
}

/**
 * `caps` adds our rungs' VBV caps to x264's default CRF 23, so quality can be compared at equal
 * bits; `crf` moves that CRF, for a second point on the seed's rate-quality curve.
 */
export function seedVariants(source: string, dir: string, heights: readonly number[], segmentDuration: number, caps?: ReadonlyMap<number, RateCap>, crf?: number): SeedVariant[] {
  return heights.map((height) => {
    const file = `${dir}/variants/${height}p.mp4`;
    const segmentDir = `${dir}/segments/${height}p`;
    const cap = caps?.get(height);
    return {
      height,
      file,
      segmentDir,
      transcode: [
        ...['-v', 'error', '-y', '-i', source, '-map', '0:v:0', '-map', '0:a:0?', '-vf', `scale=-2:${height}`],
        ...['-c:v', 'libx264', ...(cap ? ['-maxrate', `${cap.maxrateKbps}k`, '-bufsize', `${cap.bufsizeKbps}k`] : []), ...(crf === undefined ? [] : ['-crf', String(crf)]), '-c:a', 'aac'],
        ...['-force_key_frames', `expr:gte(t,n_forced*${segmentDuration})`, '-pix_fmt', 'yuv420p', '-map_metadata', '-1', '-dn', '-sn', file],
      ],
      segment: [
        ...['-v', 'error', '-y', '-i', file, '-map', '0:v', '-map', '0:a?', '-c:v', 'copy', '-c:a', 'copy'],
        ...['-f', 'segment', '-segment_time', String(segmentDuration), '-reset_timestamps', '1', `${segmentDir}/segment_%03d.mp4`],
      ],
    };
  });
}
