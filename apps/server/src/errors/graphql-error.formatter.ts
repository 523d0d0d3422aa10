import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './domain-error';
import { redactPaths } from './redact-paths';

export interface ErrorFormatting {
  /** Stack traces go to clients only in development (NODE_ENV=development). */
  exposeStacktrace: boolean;
  /** Absolute folders whose paths must not appear in messages (MEDIA_DIR, the temp dir, the working dir). */
  hiddenRoots: readonly string[];
}

/**
 * Formats every GraphQL error the server sends, over HTTP and graphql-ws alike. Keeps the codes
 * that GraphQLErrorFilter and GraphQL itself set (syntax, validation, bad input), hides the
 * details of anything unexpected (Nest has already logged those with their stack), and never
 * lets a stack trace or a server path out unless in development.
 */
export function createErrorFormatter(options: ErrorFormatting): (formatted: GraphQLFormattedError) => GraphQLFormattedError {
  return (formatted) => {
    // `http` is Apollo's status hint; Apollo drops it, graphql-ws would send it as it is.
    const extensions = { ...formatted.extensions };
    const stacktrace = extensions['stacktrace'];
    delete extensions['stacktrace'];
    delete extensions['http'];
    const kept = options.exposeStacktrace && stacktrace !== undefined ? { stacktrace } : {};
    const code = extensions['code'];
    if (!code || code === ErrorCode.Internal) {
      return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.Internal, ...kept } };
    }
    return { ...formatted, message: redactPaths(formatted.message, options.hiddenRoots), extensions: { ...extensions, ...kept } };
  };
}
