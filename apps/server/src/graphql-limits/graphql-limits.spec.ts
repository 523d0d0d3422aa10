import { GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, parse, specifiedRules, validate } from 'graphql';
import { listCost, pageCost } from './field-cost';
import { armorProtection, graphqlLimits } from './graphql-limits';
import { costRefusal, operationCost, QUERY_TOO_COSTLY } from './query-cost';

/** A miniature of the API: pages of items, each with a short list of parts, each with a page of pieces. */
const Piece = new GraphQLObjectType({ name: 'Piece', fields: { n: { type: GraphQLInt }, label: { type: GraphQLString } } });
const Part: GraphQLObjectType = new GraphQLObjectType({
  name: 'Part',
  fields: () => ({
    name: { type: GraphQLString },
    pieces: { type: new GraphQLList(Piece), args: { first: { type: new GraphQLNonNull(GraphQLInt), defaultValue: 1000 } }, extensions: { complexity: pageCost('first', 1000) } },
    part: { type: Part },
  }),
});
const Item = new GraphQLObjectType({ name: 'Item', fields: { id: { type: GraphQLString }, parts: { type: new GraphQLList(Part), extensions: { complexity: listCost(9) } } } });
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      items: { type: new GraphQLList(Item), args: { first: { type: GraphQLInt, defaultValue: 20 } }, extensions: { complexity: pageCost('first', 100) } },
      item: { type: Item },
      part: { type: Part },
    },
  }),
});

const limits = graphqlLimits({ GRAPHQL_MAX_DEPTH: 5, GRAPHQL_MAX_ALIASES: 3, GRAPHQL_MAX_COST: 50_000 });
const { validationRules } = armorProtection(limits);
const messages = (query: string): string[] => validate(schema, parse(query), [...specifiedRules, ...validationRules]).map((e) => e.message);

describe('armorProtection', () => {
  it.each([
    ['depth at the limit', '{ part { part { part { part { name } } } } }'],
    ['depth through fragments, which do not count', '{ part { ...A } } fragment A on Part { part { ...B } } fragment B on Part { part { part { name } } }'],
    ['aliases at the limit', '{ a: item { id } b: item { id } c: item { id } }'],
    ['introspection, however deep', '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }'],
  ])('accepts %s', (_name, query) => {
    expect(messages(query)).toEqual([]);
  });

  it.each([
    ['depth over the limit', '{ part { part { part { part { part { name } } } } } }', 'Query depth limit of 5 exceeded, found 6.'],
    ['aliases over the limit', '{ a: item { id } b: item { id } c: item { id } d: item { id } }', 'Aliases limit of 3 exceeded, found 4.'],
    ['too many directives', `{ item { id ${'@include(if: true) '.repeat(21)} } }`, 'Directives limit of 20 exceeded, found 21.'],
  ])('refuses %s, saying which limit', (_name, query, message) => {
    expect(messages(query).join(' ')).toContain(message);
  });
});

describe('operation cost', () => {
  const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost(schema, parse(query), variables, undefined);

  it.each<[string, string, Record<string, unknown>, number]>([
    ['one field', '{ item { id } }', {}, 2],
    ['a page of the default size', '{ items { id } }', {}, 1 + 20 * 1],
    ['a page sized by a variable', 'query ($n: Int) { items(first: $n) { id } }', { n: 50 }, 1 + 50 * 1],
    ['a short list inside a page', '{ items(first: 10) { parts { name } } }', {}, 1 + 10 * (1 + 9 * 1)],
    ['a page of pieces in every part', '{ item { parts { pieces(first: 100) { n label } } } }', {}, 1 + (1 + 9 * (1 + 100 * 2))],
  ])('counts %s', (_name, query, variables, expected) => {
    expect(cost(query, variables)).toBe(expected);
  });

  it('refuses nested pages over the limit, naming the cost and the limit', () => {
    const refusal = costRefusal(schema, parse('{ items(first: 100) { parts { pieces { n } } } }'), {}, undefined, limits.maxCost);
    expect(refusal?.message).toMatch(/^Query cost 901001 exceeds the limit of 50000/);
    expect(refusal?.extensions).toMatchObject({ code: QUERY_TOO_COSTLY, cost: 901001, maxCost: 50_000 });
  });

  it('lets one item with every piece through', () => {
    expect(costRefusal(schema, parse('{ item { parts { pieces { n label } } } }'), {}, undefined, limits.maxCost)).toBeNull();
  });

  it('answers variables that do not fit as bad input', () => {
    const refusal = costRefusal(schema, parse('query ($n: Int) { items(first: $n) { id } }'), { n: 'many' }, undefined, limits.maxCost);
    expect(refusal?.extensions['code']).toBe('BAD_USER_INPUT');
  });
});
