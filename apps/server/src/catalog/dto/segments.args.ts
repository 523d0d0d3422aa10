import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';
import { SEGMENT_PAGE_MAX } from '../list-bounds';

@ArgsType()
export class SegmentsArgs {
  @Field(() => Int, { defaultValue: SEGMENT_PAGE_MAX, description: `How many segments, 1 to ${SEGMENT_PAGE_MAX}.` })
  @IsInt()
  @Min(1, { message: `first must be between 1 and ${SEGMENT_PAGE_MAX}` })
  @Max(SEGMENT_PAGE_MAX, { message: `first must be between 1 and ${SEGMENT_PAGE_MAX}` })
  first: number = SEGMENT_PAGE_MAX;

  @Field(() => Int, { defaultValue: 0, description: 'How many segments to skip from the start.' })
  @IsInt()
  @Min(0, { message: 'offset must not be negative' })
  offset = 0;
}
