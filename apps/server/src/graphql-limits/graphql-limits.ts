import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationRule } from 'graphql';
import type { AppConfig } from '../config/app-config';

/** What one GraphQL document may ask for. Depth, aliases and cost come from the config. */
export interface GraphQLLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Far above what any of our documents use: only a hostile one has more. */
  maxDirectives: number;
  maxTokens: number;
}

export function graphqlLimits(config: Pick<AppConfig, 'GRAPHQL_MAX_DEPTH' | 'GRAPHQL_MAX_ALIASES' | 'GRAPHQL_MAX_COST'>): GraphQLLimits {
  return { maxDepth: config.GRAPHQL_MAX_DEPTH, maxAliases: config.GRAPHQL_MAX_ALIASES, maxCost: config.GRAPHQL_MAX_COST, maxDirectives: 20, maxTokens: 2000 };
}

export interface ArmorProtection {
  /** Apollo plugins: the token limit (while parsing) and masking of field suggestions. */
  plugins: ApolloServerPlugin[];
  /** Depth, alias and directive limits, as graphql-js validation rules (Apollo and graphql-ws run them). */
  validationRules: ValidationRule[];
}

/**
 * graphql-armor's protections at our limits. Its own cost limit is off: cost is counted by
 * graphql-query-complexity (query-cost.ts), which knows how long each list can be.
 * Fragments are flattened so the web app's fragment spreads do not count as depth.
 */
export function armorProtection(limits: GraphQLLimits): ArmorProtection {
  const { plugins, validationRules } = new ApolloArmor({
    costLimit: { enabled: false },
    maxDepth: { n: limits.maxDepth, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { n: limits.maxTokens },
  }).protect();
  return { plugins, validationRules };
}
