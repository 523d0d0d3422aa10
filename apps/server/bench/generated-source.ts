import type { EncodeJob } from '../src/transcode/ffmpeg-args';

/** The picture of the clips the benches generate (libx264, SDR, progressive): no picture filter applies to it. */
export const GENERATED_SOURCE: Pick<EncodeJob, 'picture' | 'capabilities'> = {
  picture: { codec: 'h264', colorTransfer: 'bt709', colorRange: 'tv', fieldOrder: 'progressive' },
  capabilities: { toneMapping: false },
};
