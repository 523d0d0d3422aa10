import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One CMAF media segment of a variant.' })
export class Segment {
  @Field(() => Int, { description: 'Zero-based position in the variant.' })
  index!: number;

  @Field(() => Float, { description: 'Start time in seconds.' })
  start!: number;

  @Field(() => Float, { description: 'Real duration in seconds, as written in #EXTINF.' })
  duration!: number;

  @Field(() => Int)
  sizeBytes!: number;

  @Field({ description: 'Root-relative URL under /media.' })
  url!: string;

  @Field()
  label!: string;
}
