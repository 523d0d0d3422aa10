import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { pageCost } from '../graphql-limits/field-cost';
import { SegmentsArgs } from './dto/segments.args';
import { SEGMENT_PAGE_MAX } from './list-bounds';
import { Segment } from './models/segment.model';
import { Variant } from './models/variant.model';

@Resolver(() => Variant)
export class VariantResolver {
  @ResolveField(() => [Segment], {
    description: `Segments in play order, a page at a time (at most ${SEGMENT_PAGE_MAX}); segmentCount says how many there are.`,
    complexity: pageCost('first', SEGMENT_PAGE_MAX),
  })
  segments(@Parent() variant: Variant, @Args() { first, offset }: SegmentsArgs): Segment[] {
    return variant.segments.slice(offset, offset + first);
  }
}
