/** Socket errors that mean the database cannot be reached (any error raised while connecting counts too). */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** SQLSTATEs of a server that is gone, going or not yet there: class 08 (connection exception) is matched by prefix. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/** What node-postgres says, without a code, when a connection breaks or cannot be had. */
const CLIENT_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /is not queryable/];

interface ErrorLike {
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
  errors?: unknown;
}

/**
 * Whether an error from a database call means the database is unreachable (down, restarting, out
 * of connections), as opposed to a bad query or a conflict: the first is temporary and answered
 * with SERVICE_UNAVAILABLE, the second is a bug and stays an internal error.
 */
export function isConnectionLost(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, syscall, message, errors } = error as ErrorLike;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (syscall === 'connect') return true;
  if (typeof message === 'string' && CLIENT_MESSAGES.some((pattern) => pattern.test(message))) return true;
  // Node raises an AggregateError when every address of a host refused
  return Array.isArray(errors) && errors.length > 0 && errors.every(isConnectionLost);
}
