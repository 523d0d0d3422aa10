import { createHmac, timingSafeEqual } from 'node:crypto';

/** Standard Webhooks (https://www.standardwebhooks.com): secrets are `whsec_` + base64 key bytes. */
export const SECRET_PREFIX = 'whsec_';

export interface SignedMessage {
  /** The event id, the same on every attempt, for de-duplication (`webhook-id`). */
  id: string;
  /** Seconds since the epoch, when this attempt was signed (`webhook-timestamp`). */
  timestamp: number;
  body: string;
}

const keyOf = (secret: string) => Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, the `webhook-signature` header's value. */
export function signMessage(message: SignedMessage, secret: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${message.id}.${message.timestamp}.${message.body}`).digest('base64');
  return `v1,${mac}`;
}

/** The three headers a delivery attempt carries. */
export function signedHeaders(message: SignedMessage, secret: string): Record<string, string> {
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(message.timestamp),
    'webhook-signature': signMessage(message, secret),
  };
}

/**
 * What a receiver checks: one of the space-separated `v1,` signatures matches, and the timestamp
 * is within `toleranceSeconds` of `nowSeconds` (a replayed old request is refused).
 */
export function verifySignature(message: SignedMessage, signatureHeader: string, secret: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  if (!Number.isInteger(message.timestamp) || Math.abs(nowSeconds - message.timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signMessage(message, secret));
  return signatureHeader.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
