import type { Complexity, ComplexityEstimatorArgs } from '@nestjs/graphql';

/**
 * List-aware costs for code-first fields (`@Field({ complexity })`), read by
 * graphql-query-complexity's fieldExtensionsEstimator: a list costs its item's selection once
 * per item it can hold.
 */

/** A list of at most `max` items. */
export function listCost(max: number): Complexity {
  return ({ childComplexity }: ComplexityEstimatorArgs) => 1 + max * childComplexity;
}

/**
 * A page of `args[arg]` items, counted up to `max` (and as `max` when null): a larger page is
 * refused by the resolver with its own BAD_USER_INPUT message, which says more than a cost would.
 */
export function pageCost(arg: string, max: number): Complexity {
  return ({ args, childComplexity }: ComplexityEstimatorArgs) => {
    const size = args[arg];
    return 1 + (typeof size === 'number' ? Math.min(Math.max(size, 0), max) : max) * childComplexity;
  };
}
