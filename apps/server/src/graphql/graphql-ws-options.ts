import type { IncomingMessage } from 'node:http';
import { ExecutionArgs, GraphQLError, GraphQLFormattedError, GraphQLSchema, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, ValidationRule } from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { AccessPolicy } from '../access/access-policy';
import type { GraphQLLimits } from '../graphql-limits/graphql-limits';
import { costRefusal } from '../graphql-limits/query-cost';

/** A socket that has not sent `connection_init` by then is closed (4408), so idle sockets cost nothing for long. */
export const CONNECTION_INIT_WAIT_MS = 3_000;

export interface GraphQLWsSettings {
  access: AccessPolicy;
  limits: GraphQLLimits;
  /** The same depth, alias and directive rules Apollo runs over HTTP. */
  limitRules: readonly ValidationRule[];
  introspection: boolean;
  /** Read when the first operation arrives: Nest builds the schema after these options. */
  schema: () => GraphQLSchema;
  formatError: (error: GraphQLFormattedError) => GraphQLFormattedError;
  /** False in development: graphql-ws then puts internal error messages in close reasons. */
  isProd: boolean;
}

type WsContext = Context<Record<string, unknown> | undefined, { request?: IncomingMessage }>;

/**
 * graphql-ws with the HTTP endpoint's rules: pages from other origins are refused at
 * `connection_init` (4403), every operation needs the token when tokens are on (it comes in the
 * `authorization` connection param), documents pass the same limits, and errors are formatted
 * the same way.
 */
export function graphqlWsOptions(settings: GraphQLWsSettings): Partial<ServerOptions<Record<string, unknown> | undefined, { request?: IncomingMessage }>> & { isProd: boolean } {
  const { access, limits, formatError } = settings;
  const rules = [...specifiedRules, ...settings.limitRules, ...(settings.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
  return {
    connectionInitWaitTimeout: CONNECTION_INIT_WAIT_MS,
    isProd: settings.isProd,
    onConnect: (ctx: WsContext) => {
      const headers = ctx.extra.request?.headers ?? {};
      return access.originAllowed(headers.origin, headers.host);
    },
    onSubscribe: (ctx: WsContext, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
      const authorization = ctx.connectionParams?.['authorization'] ?? ctx.connectionParams?.['Authorization'];
      if (!access.mayWrite(authorization)) return [access.refusal(authorization)];
      let document;
      try {
        document = parse(payload.query, { maxTokens: limits.maxTokens });
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError('Could not parse the document')];
      }
      const schema = settings.schema();
      const errors = validate(schema, document, rules);
      if (errors.length > 0) return errors;
      const refusal = costRefusal(schema, document, payload.variables, payload.operationName, limits.maxCost);
      if (refusal) return [refusal];
      return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
    },
    onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON())),
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON())) } : undefined),
  };
}
