import { isIP } from 'node:net';

/** Ranges a webhook may not reach unless the operator allows private addresses (IANA special-purpose registries). */
const IPV4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'a "this network" address'],
  ['10.0.0.0', 8, 'a private (RFC 1918) address'],
  ['100.64.0.0', 10, 'a carrier-grade NAT address'],
  ['127.0.0.0', 8, 'a loopback address'],
  ['169.254.0.0', 16, 'a link-local address'],
  ['172.16.0.0', 12, 'a private (RFC 1918) address'],
  ['192.0.0.0', 24, 'an IETF protocol address'],
  ['192.0.2.0', 24, 'a documentation address'],
  ['192.168.0.0', 16, 'a private (RFC 1918) address'],
  ['198.18.0.0', 15, 'a benchmarking address'],
  ['198.51.100.0', 24, 'a documentation address'],
  ['203.0.113.0', 24, 'a documentation address'],
  ['224.0.0.0', 4, 'a multicast address'],
  ['240.0.0.0', 4, 'a reserved address'],
];

const IPV6_RANGES: [string, number, string][] = [
  ['::', 128, 'the unspecified address'],
  ['::1', 128, 'a loopback address'],
  ['100::', 64, 'a discard address'],
  ['2001:db8::', 32, 'a documentation address'],
  ['fc00::', 7, 'a unique local (private) address'],
  ['fe80::', 10, 'a link-local address'],
  ['fec0::', 10, 'a site-local address'],
  ['ff00::', 8, 'a multicast address'],
];

/** IPv6 prefixes that carry an IPv4 address in their last 32 bits: IPv4-mapped, IPv4-compatible, NAT64. */
const EMBEDDING_IPV4: [string, number][] = [
  ['::ffff:0:0', 96],
  ['::', 96],
  ['64:ff9b::', 96],
];

function ipv4Bits(address: string): bigint {
  return address.split('.').reduce((bits, part) => (bits << 8n) | BigInt(Number(part)), 0n);
}

/** The 128 bits of an IPv6 address (which isIP accepted), dotted IPv4 tails included. */
function ipv6Bits(address: string): bigint {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = ipv4Bits(dotted[1]);
    text = text.slice(0, -dotted[1].length) + `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, null];
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const parts = tail === null ? headParts : [...headParts, ...Array(8 - headParts.length - tailParts.length).fill('0'), ...tailParts];
  return parts.reduce((bits, part) => (bits << 16n) | BigInt(parseInt(part, 16)), 0n);
}

const inRange = (bits: bigint, width: number, base: bigint, prefix: number) => bits >> BigInt(width - prefix) === base >> BigInt(width - prefix);

/**
 * Why a webhook must not connect to this IP address (text for the delivery's record), or null
 * when it is a public address. An IPv6 address carrying an IPv4 one is judged by the IPv4 one.
 */
export function forbiddenAddressReason(address: string): string | null {
  const family = isIP(address.replace(/%.*$/, ''));
  if (family === 0) return `${address} is not an IP address`;
  if (family === 4) {
    const bits = ipv4Bits(address);
    const range = IPV4_RANGES.find(([base, prefix]) => inRange(bits, 32, ipv4Bits(base), prefix));
    return range ? `${address} is ${range[2]}` : null;
  }
  const bits = ipv6Bits(address);
  const range = IPV6_RANGES.find(([base, prefix]) => inRange(bits, 128, ipv6Bits(base), prefix));
  if (range) return `${address} is ${range[2]}`;
  if (EMBEDDING_IPV4.some(([base, prefix]) => inRange(bits, 128, ipv6Bits(base), prefix))) {
    const v4 = bits & 0xffffffffn;
    const inner = forbiddenAddressReason([24n, 16n, 8n, 0n].map((shift) => String((v4 >> shift) & 0xffn)).join('.'));
    return inner ? `${address} embeds ${inner}` : null;
  }
  return null;
}
