import { forbiddenAddressReason } from './address-rule';

describe('forbiddenAddressReason', () => {
  it.each<[string, string]>([
    ['127.0.0.1', 'is a loopback address'],
    ['127.255.255.254', 'is a loopback address'],
    ['0.0.0.0', 'is a "this network" address'],
    ['10.1.2.3', 'is a private (RFC 1918) address'],
    ['172.16.0.1', 'is a private (RFC 1918) address'],
    ['172.31.255.255', 'is a private (RFC 1918) address'],
    ['192.168.1.1', 'is a private (RFC 1918) address'],
    ['100.64.0.1', 'is a carrier-grade NAT address'],
    ['100.127.255.255', 'is a carrier-grade NAT address'],
    ['169.254.169.254', 'is a link-local address'],
    ['192.0.0.8', 'is an IETF protocol address'],
    ['198.18.0.1', 'is a benchmarking address'],
    ['224.0.0.1', 'is a multicast address'],
    ['255.255.255.255', 'is a reserved address'],
    ['::', 'is the unspecified address'],
    ['::1', 'is a loopback address'],
    ['0:0:0:0:0:0:0:1', 'is a loopback address'],
    ['fc00::1', 'is a unique local (private) address'],
    ['fd12:3456:789a::1', 'is a unique local (private) address'],
    ['fe80::1', 'is a link-local address'],
    ['fe80::1%eth0', 'is a link-local address'],
    ['ff02::1', 'is a multicast address'],
    ['2001:db8::1', 'is a documentation address'],
    ['::ffff:127.0.0.1', 'embeds 127.0.0.1 is a loopback address'],
    ['::ffff:7f00:1', 'embeds 127.0.0.1 is a loopback address'],
    ['::FFFF:10.0.0.1', 'embeds 10.0.0.1 is a private (RFC 1918) address'],
    ['::ffff:169.254.169.254', 'embeds 169.254.169.254 is a link-local address'],
    ['64:ff9b::192.168.0.1', 'embeds 192.168.0.1 is a private (RFC 1918) address'],
    ['::127.0.0.1', 'embeds 127.0.0.1 is a loopback address'],
    ['localhost', 'is not an IP address'],
  ])('refuses %s: %s', (address, reason) => {
    expect(forbiddenAddressReason(address)).toBe(`${address} ${reason}`);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '172.15.255.255', '100.128.0.1', '11.0.0.1', '2606:4700::1111', '2a00:1450:4001::1', '::ffff:8.8.8.8', '64:ff9b::8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(forbiddenAddressReason(address)).toBeNull();
    },
  );
});
