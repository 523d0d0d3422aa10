/**
 * PSNR of each rendition against the source, in one ffmpeg run: the source is decoded once and
 * scaled (bicubic, as both pipelines scale) to each rendition's size; timestamps start at 0 on
 * both sides so frames pair up whatever the container's start offset.
 */

export interface Rendition {
  file: string;
  width: number;
  height: number;
}

export function psnrArgs(source: string, renditions: readonly Rendition[]): string[] {
  const n = renditions.length;
  const refs = renditions.map((_, i) => `[ref${i}]`).join('');
  const graph = [
    `[0:v]setpts=PTS-STARTPTS,split=${n}${refs}`,
    ...renditions.map((r, i) => `[ref${i}]scale=${r.width}:${r.height}[s${i}];[${i + 1}:v]setpts=PTS-STARTPTS[d${i}];[d${i}][s${i}]psnr@q${i}`),
  ].join(';');
  return ['-hide_banner', '-nostdin', '-i', source, ...renditions.flatMap((r) => ['-i', r.file]), '-filter_complex', graph, '-f', 'null', '-'];
}

/** ffmpeg's overall (YUV-weighted) average PSNR per rendition, in input order, from its log. */
export function parsePsnr(log: string, count: number): number[] {
  return Array.from({ length: count }, (_, i) => {
    const match = new RegExp(`\\[psnr@q${i} @ [^\\]]+\\] PSNR .*average:([0-9.]+|inf)`).exec(log);
    if (!match) throw new Error(`no PSNR for rendition ${i} in:\n${log.slice(-2000)}`);
    return match[1] === 'inf' ? Number.POSITIVE_INFINITY : Number(match[1]);
  });
}
