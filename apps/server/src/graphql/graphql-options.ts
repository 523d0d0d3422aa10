import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLSchema } from 'graphql';
import { resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { AccessPolicy } from '../access/access-policy';
import { writeAccessPlugin } from '../access/write-access.plugin';
import type { AppConfig } from '../config/app-config';
import { createErrorFormatter } from '../errors/graphql-error.formatter';
import { costLimitPlugin } from '../graphql-limits/cost-limit.plugin';
import { armorProtection, graphqlLimits } from '../graphql-limits/graphql-limits';
import { graphqlWsOptions } from './graphql-ws-options';

/**
 * Apollo and graphql-ws settings for /graphql: the same limits, access rule and error
 * formatting on both transports, and introspection as configured.
 */
export function graphqlOptions(config: AppConfig, access: AccessPolicy, schema: () => GraphQLSchema): Omit<ApolloDriverConfig, 'driver' | 'autoSchemaFile'> {
  const development = config.NODE_ENV === 'development';
  const formatError = createErrorFormatter({ exposeStacktrace: development, hiddenRoots: [resolve(config.MEDIA_DIR), tmpdir(), process.cwd()] });
  const limits = graphqlLimits(config);
  const armor = armorProtection(limits);
  return {
    path: '/graphql',
    sortSchema: true,
    // GraphiQL is served by ExplorerModule (GRAPHQL_EXPLORER); Apollo adds no landing page of its own.
    playground: false,
    introspection: config.GRAPHQL_INTROSPECTION,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: development,
    plugins: [...armor.plugins, writeAccessPlugin(access), costLimitPlugin(limits.maxCost), ApolloServerPluginCacheControlDisabled(), noStorePlugin],
    validationRules: armor.validationRules,
    formatError,
    // Field resolvers get the exception filter too: segments(first:) answers BAD_USER_INPUT like any argument.
    fieldResolverEnhancers: ['filters'],
    subscriptions: {
      // The type Nest declares lists only some graphql-ws options; it passes them all to graphql-ws.
      'graphql-ws': {
        path: '/graphql',
        ...graphqlWsOptions({ access, limits, limitRules: armor.validationRules, introspection: config.GRAPHQL_INTROSPECTION, schema, formatError, isProd: !development }),
      } as NonNullable<Exclude<NonNullable<ApolloDriverConfig['subscriptions']>['graphql-ws'], boolean>>,
    },
  };
}

/**
 * Answers are never cached (what Apollo's cache-control plugin said for our hint-less schema),
 * without that plugin's hook on every resolved field: a listing resolves thousands of fields.
 */
const noStorePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};
