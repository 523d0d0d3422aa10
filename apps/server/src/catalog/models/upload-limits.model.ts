import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'What an upload may be, so clients can build their forms.' })
export class UploadLimits {
  @Field(() => [String])
  allowedExtensions!: string[];

  @Field(() => [Int])
  allowedResolutions!: number[];

  @Field(() => [Int])
  defaultResolutions!: number[];

  @Field(() => Float)
  minSegmentDuration!: number;

  @Field(() => Float)
  maxSegmentDuration!: number;

  @Field(() => Float)
  defaultSegmentDuration!: number;

  @Field(() => Float)
  maxUploadBytes!: number;

  @Field(() => Int)
  maxTitleLength!: number;
}
