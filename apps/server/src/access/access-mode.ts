import { isIP } from 'node:net';

/**
 * Who may write, decided once at start-up like Redis's protected mode: with tokens, whoever
 * holds one; without, anyone who can reach the server, which by default is only this machine.
 */
export type AccessMode = 'tokens' | 'anonymous-local' | 'anonymous-open';

/** Hosts that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) === 6) return name === '::1' || name.startsWith('::ffff:127.');
  return false;
}

/** The mode the server runs in, or why it must not start. */
export function accessMode(settings: { host: string; tokenCount: number; allowAnonymousWrites: boolean }): { mode: AccessMode } | { refusal: string } {
  if (settings.tokenCount > 0) return { mode: 'tokens' };
  if (isLoopbackHost(settings.host)) return { mode: 'anonymous-local' };
  if (settings.allowAnonymousWrites) return { mode: 'anonymous-open' };
  return {
    refusal:
      `HOST=${settings.host} lets other machines reach the server, and without API_TOKENS anyone could upload and delete. ` +
      'Set API_TOKENS (see README, Configuration), listen on 127.0.0.1, or set ALLOW_ANONYMOUS_WRITES=true to accept anonymous writes',
  };
}
