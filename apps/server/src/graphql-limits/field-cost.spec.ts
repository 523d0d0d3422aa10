import type { ComplexityEstimatorArgs } from '@nestjs/graphql';
import { listCost, pageCost } from './field-cost';

const estimate = (complexity: unknown, args: Record<string, unknown>, childComplexity: number): number =>
  (complexity as (options: ComplexityEstimatorArgs) => number)({ args, childComplexity } as unknown as ComplexityEstimatorArgs);

describe('listCost', () => {
  it.each([
    [9, 4, 37],
    [9, 0, 1],
    [1, 10, 11],
  ])('a list of at most %i items of cost %i costs %i', (max, child, expected) => {
    expect(estimate(listCost(max), {}, child)).toBe(expected);
  });
});

describe('pageCost', () => {
  it.each<[string, Record<string, unknown>, number]>([
    ['the page asked for', { first: 20 }, 1 + 20 * 3],
    ['the maximum for a larger page (the resolver refuses it)', { first: 5000 }, 1 + 100 * 3],
    ['nothing for a negative page', { first: -4 }, 1],
    ['the maximum when the size is null', { first: null }, 1 + 100 * 3],
    ['the maximum when the size is missing', {}, 1 + 100 * 3],
  ])('counts %s', (_name, args, expected) => {
    expect(estimate(pageCost('first', 100), args, 3)).toBe(expected);
  });
});
