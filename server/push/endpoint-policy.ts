import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where Web Push messages may go. A subscription's endpoint is a URL the browser hands us, so
 * anyone signed in chooses where the BFF sends a POST: without this, the notifier would reach the
 * ISP's internal hosts, the cloud metadata service or the BFF itself. Only the public push
 * services are accepted, by host name, never an address literal or a URL with credentials; and
 * when the connection is made, a name that resolves to a private, loopback or link-local address
 * is refused, which also covers a public name re-pointed at an internal address later.
 */
export interface PushEndpointPolicy {
  /** Push service hosts (PUSH_SERVICE_HOSTS); each also admits its subdomains. */
  hosts: readonly string[];
  /**
   * PUSH_ALLOW_LOOPBACK: a push service on this machine (127.0.0.1, ::1, localhost) is accepted.
   * Only for the tests' and the demo's own push service: the configuration refuses it with a real billing.
   */
  allowLoopback: boolean;
}

/** The push services browsers use: Chrome/Edge/Opera (FCM), Firefox (Mozilla), Safari (Apple), legacy Edge (WNS). */
export const DEFAULT_PUSH_SERVICE_HOSTS = ['fcm.googleapis.com', 'updates.push.services.mozilla.com', 'web.push.apple.com', 'notify.windows.com'];

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}
// Checked apart: Node's BlockList matches this subnet against every IPv4 address too.
const V4_MAPPED = new BlockList();
V4_MAPPED.addSubnet('::ffff:0:0', 96, 'ipv6');
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const familyOf = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

/** True for an address on the public Internet: not private, loopback, link-local, reserved or multicast. */
export function isPublicAddress(address: string): boolean {
  if (!isIP(address)) return false;
  if (isIP(address) === 6 && V4_MAPPED.check(address, 'ipv6')) {
    // Only the dotted form is read back; a push service has no reason to publish another.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    return mapped !== undefined && isPublicAddress(mapped);
  }
  return !NOT_PUBLIC.check(address, familyOf(address));
}

const isLoopbackAddress = (address: string) => isIP(address) !== 0 && LOOPBACK.check(address, familyOf(address));

/** Why this endpoint is refused, or null when the BFF may send to it. */
export function endpointRefusal(endpoint: string, policy: PushEndpointPolicy): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:') return 'not https';
  if (url.username || url.password) return 'carries credentials';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (policy.allowLoopback && (host === 'localhost' || isLoopbackAddress(host))) return null;
  if (isIP(host)) return 'an address, not a push service';
  if (url.port !== '') return 'not the push service’s own port';
  const name = host.replace(/\.$/, '');
  if (!policy.hosts.some((allowed) => name === allowed || name.endsWith(`.${allowed}`))) return 'not a known push service';
  return null;
}

/**
 * A DNS lookup for the push connection that fails when a name resolves to an address that is not
 * public (loopback too, when the policy admits it). It runs at connection time, so the address
 * checked is the address connected to.
 */
export function publicOnlyLookup(policy: Pick<PushEndpointPolicy, 'allowLoopback'>): LookupFunction {
  const allowed = (address: string) => isPublicAddress(address) || (policy.allowLoopback && isLoopbackAddress(address));
  return ((hostname: string, options: object, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = addresses.find((entry) => !allowed(entry.address));
      if (refused || addresses.length === 0) {
        const failure: NodeJS.ErrnoException = new Error(`push service ${hostname} resolves to an address that is not public`);
        failure.code = 'EPUSHADDRESS';
        return callback(failure, '');
      }
      if ((options as { all?: boolean }).all) return callback(null, addresses);
      const [first] = addresses as [LookupAddress];
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}
