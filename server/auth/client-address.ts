import { BlockList, isIP } from 'node:net';

/** A set of addresses and CIDRs, e.g. TRUST_PROXY or AUTO_LOGIN_NETWORKS. */
export function addressSet(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address = '', prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

export function normalizeAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

export function contains(list: BlockList, address: string): boolean {
  const normalized = normalizeAddress(address);
  const family = isIP(normalized);
  if (!family) return false;
  return list.check(normalized, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket peer, or, while the peer is a trusted proxy, the next hop to
 * the left in X-Forwarded-For. An untrusted peer's header is ignored entirely, so a forged
 * X-Forwarded-For can never choose the address auto-login trusts.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trustedProxies: BlockList): string {
  let address = normalizeAddress(socketAddress ?? '');
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((hop) => normalizeAddress(hop.trim()))
    .filter(Boolean);
  while (contains(trustedProxies, address) && hops.length > 0) {
    const next = hops.pop()!;
    if (!isIP(next)) break;
    address = next;
  }
  return address;
}

/**
 * The key an address is counted under by the abuse limits: an IPv4 address as it is, an IPv6 one
 * by its /64, since one subscriber line (or one attacker) usually holds a whole /64.
 */
export function limitKeyOf(address: string): string {
  const normalized = normalizeAddress(address);
  if (isIP(normalized) !== 6) return normalized;
  const [head = '', tail = ''] = normalized.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = normalized.includes('::') ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
