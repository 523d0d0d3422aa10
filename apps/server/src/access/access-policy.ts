import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { AccessMode, accessMode } from './access-mode';
import { bearerToken, matchesAnyToken, tokenDigests } from './api-tokens';
import { isOriginAllowed } from './origin-rule';

export const UNAUTHENTICATED = 'UNAUTHENTICATED';

/** The settings the policy is built from (the server's config has them). */
export interface AccessSettings {
  API_TOKENS: string[];
  HOST: string;
  ALLOW_ANONYMOUS_WRITES: boolean;
  CORS_ORIGINS: string[];
}

/** Who may write and which pages may call the API: one object built from the config, used by every entry point. */
export class AccessPolicy {
  readonly mode: AccessMode;
  private readonly tokens: Buffer[];

  constructor(private readonly config: AccessSettings) {
    this.tokens = tokenDigests(config.API_TOKENS);
    const decision = accessMode({ host: config.HOST, tokenCount: config.API_TOKENS.length, allowAnonymousWrites: config.ALLOW_ANONYMOUS_WRITES });
    // loadConfig refuses these settings; this guards against a policy built from anything else.
    if (!('mode' in decision)) throw new Error(decision.refusal);
    this.mode = decision.mode;
  }

  get tokenRequired(): boolean {
    return this.mode === 'tokens';
  }

  /** Whether a request carrying this Authorization header (HTTP) or `authorization` connection param (graphql-ws) may write. */
  mayWrite(authorization: unknown): boolean {
    if (!this.tokenRequired) return true;
    return matchesAnyToken(typeof authorization === 'string' ? bearerToken(authorization) : null, this.tokens);
  }

  /** The error a refused write answers: it says whether the token was missing or wrong. */
  refusal(authorization: unknown): GraphQLError {
    const message =
      typeof authorization === 'string' && authorization !== ''
        ? 'The API token was not accepted: check it, or ask the operator for a valid one'
        : 'This server accepts writes only with an API token: send `Authorization: Bearer <token>`';
    return new GraphQLError(message, { extensions: { code: UNAUTHENTICATED, http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) } } });
  }

  originAllowed(origin: string | undefined, host: string | undefined): boolean {
    return isOriginAllowed(origin, host, this.config.CORS_ORIGINS);
  }
}
