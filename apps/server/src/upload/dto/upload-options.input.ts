import { Field, Float, InputType, Int } from '@nestjs/graphql';
import { ALLOWED_HEIGHTS, SEGMENT_DURATION_MAX, SEGMENT_DURATION_MIN, TITLE_MAX_LENGTH } from '@cmm/media-rules';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@InputType({ description: 'How to process an upload.' })
export class UploadOptionsInput {
  @Field(() => [Int], { description: `Heights to produce, from ${ALLOWED_HEIGHTS.join(', ')}; the source’s own height is always added.` })
  @ArrayMinSize(1, { message: 'Choose at least one resolution' })
  @ArrayMaxSize(ALLOWED_HEIGHTS.length, { message: `Choose at most ${ALLOWED_HEIGHTS.length} resolutions` })
  @IsIn(ALLOWED_HEIGHTS, { each: true, message: `Each resolution must be one of ${ALLOWED_HEIGHTS.join(', ')}` })
  resolutions!: number[];

  @Field(() => Float, { description: `Segment length in seconds, ${SEGMENT_DURATION_MIN} to ${SEGMENT_DURATION_MAX}.` })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'Segment duration must be a number of seconds' })
  @Min(SEGMENT_DURATION_MIN, { message: `Segment duration must be at least ${SEGMENT_DURATION_MIN} s` })
  @Max(SEGMENT_DURATION_MAX, { message: `Segment duration must be at most ${SEGMENT_DURATION_MAX} s` })
  segmentDuration!: number;

  @Field(() => String, { nullable: true, description: 'Defaults to the file name.' })
  @IsOptional()
  @IsString()
  @MaxLength(TITLE_MAX_LENGTH, { message: `Title must be at most ${TITLE_MAX_LENGTH} characters` })
  title?: string | null;
}
