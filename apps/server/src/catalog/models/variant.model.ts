import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Segment } from './segment.model';

@ObjectType({ description: 'One rung of the adaptive ladder: an H.264/AAC rendition.' })
export class Variant {
  @Field({ description: 'For example "720p".' })
  label!: string;

  @Field(() => Int)
  height!: number;

  @Field(() => Int)
  width!: number;

  @Field(() => Int, { description: 'Peak bits per second over any segment (HLS BANDWIDTH).' })
  bitrate!: number;

  @Field(() => Int, { description: 'Mean bits per second (HLS AVERAGE-BANDWIDTH).' })
  averageBitrate!: number;

  @Field({ description: 'RFC 6381 codecs string read from the output, e.g. avc1.64001f,mp4a.40.2.' })
  codecs!: string;

  @Field(() => Float)
  sizeBytes!: number;

  @Field({ description: 'This rendition’s HLS media playlist.' })
  playlistUrl!: string;

  @Field({ description: 'The CMAF initialization segment.' })
  initUrl!: string;

  @Field(() => Int, { description: 'How many segments the variant has.' })
  segmentCount!: number;

  /** Every segment; served a page at a time by VariantResolver.segments. */
  segments!: Segment[];
}
