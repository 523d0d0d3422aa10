import { createHmac } from 'node:crypto';
import { signedHeaders, signMessage, verifySignature } from './webhook-signature';

// The Standard Webhooks specification's own example.
const SPEC_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const SPEC_MESSAGE = { id: 'msg_p5jXN8AQM9LWM0D4loKWxJek', timestamp: 1614265330, body: '{"test": 2432232314}' };
const SPEC_SIGNATURE = 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=';

describe('signMessage', () => {
  it('matches the Standard Webhooks example', () => {
    expect(signMessage(SPEC_MESSAGE, SPEC_SECRET)).toBe(SPEC_SIGNATURE);
  });

  it('is an HMAC-SHA256 over id.timestamp.body with the base64-decoded key', () => {
    const mac = createHmac('sha256', Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64')).update('msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}').digest('base64');
    expect(signMessage(SPEC_MESSAGE, SPEC_SECRET)).toBe(`v1,${mac}`);
  });

  it('gives the three headers', () => {
    expect(signedHeaders(SPEC_MESSAGE, SPEC_SECRET)).toEqual({ 'webhook-id': SPEC_MESSAGE.id, 'webhook-timestamp': '1614265330', 'webhook-signature': SPEC_SIGNATURE });
  });
});

describe('verifySignature', () => {
  const now = SPEC_MESSAGE.timestamp + 10;

  it.each<[string, Partial<typeof SPEC_MESSAGE>, string, string, number, boolean]>([
    ['the signature made with the secret', {}, SPEC_SIGNATURE, SPEC_SECRET, now, true],
    ['one of several signatures (a secret being rotated)', {}, `v1,bm9wZQ== ${SPEC_SIGNATURE}`, SPEC_SECRET, now, true],
    ['another secret', {}, SPEC_SIGNATURE, 'whsec_' + Buffer.from('other key').toString('base64'), now, false],
    ['a changed body', { body: '{"test": 2432232315}' }, SPEC_SIGNATURE, SPEC_SECRET, now, false],
    ['another event id', { id: 'msg_other' }, SPEC_SIGNATURE, SPEC_SECRET, now, false],
    ['a timestamp moved forward', { timestamp: SPEC_MESSAGE.timestamp + 1 }, SPEC_SIGNATURE, SPEC_SECRET, now, false],
    ['a timestamp 6 minutes old', {}, SPEC_SIGNATURE, SPEC_SECRET, SPEC_MESSAGE.timestamp + 360, false],
    ['a timestamp 6 minutes ahead', {}, SPEC_SIGNATURE, SPEC_SECRET, SPEC_MESSAGE.timestamp - 360, false],
    ['an empty header', {}, '', SPEC_SECRET, now, false],
    ['the MAC without its version', {}, SPEC_SIGNATURE.slice(3), SPEC_SECRET, now, false],
  ])('%s → %s', (_name, change, header, secret, nowSeconds, expected) => {
    expect(verifySignature({ ...SPEC_MESSAGE, ...change }, header, secret, nowSeconds)).toBe(expected);
  });
});
