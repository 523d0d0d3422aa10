import type { Rung } from '@cmm/media-rules';
import { join } from 'node:path';
import { planStoryboard } from '../src/storyboard/storyboard-plan';
import { EncodeJob, planPoster, POSTER_CANDIDATE_PATTERN, Stills } from '../src/transcode/ffmpeg-args';

/** The picture of the clips the benches generate (libx264, SDR, progressive): no picture filter applies to it. */
export const GENERATED_SOURCE: Pick<EncodeJob, 'picture' | 'capabilities'> = {
  picture: { codec: 'h264', colorTransfer: 'bt709', colorRange: 'tv', fieldOrder: 'progressive' },
  capabilities: { toneMapping: false },
};

/** The poster and the storyboard's thumbnails that the server's encode also makes, written into `outputDir`. */
export function stillsIn(outputDir: string, seconds: number, display: { width: number; height: number }, rungs: readonly Rung[]): Stills {
  const smallest = rungs[rungs.length - 1];
  return {
    posterPattern: join(outputDir, POSTER_CANDIDATE_PATTERN),
    poster: planPoster(seconds, display),
    thumbnailsPath: join(outputDir, 'thumbnails.yuv'),
    storyboard: planStoryboard(seconds, smallest.width, smallest.height),
  };
}
