import { describe, expect, it } from 'vitest';
import { addressSet, contains, resolveClientAddress } from '../../../server/auth/client-address.js';

describe('client address', () => {
  const proxies = addressSet(['10.0.0.1', '192.168.50.0/24']);

  it('ignores X-Forwarded-For from an untrusted peer', () => {
    expect(resolveClientAddress('203.0.113.9', '100.64.1.5', proxies)).toBe('203.0.113.9');
    expect(resolveClientAddress('203.0.113.9', '100.64.1.5', addressSet([]))).toBe('203.0.113.9');
  });

  it('takes the hop a trusted proxy reports, and no further than trusted hops go', () => {
    expect(resolveClientAddress('10.0.0.1', '100.64.1.5', proxies)).toBe('100.64.1.5');
    // The client forged the leftmost entry; only the proxy's own addition counts.
    expect(resolveClientAddress('10.0.0.1', '100.64.7.7, 198.51.100.4', proxies)).toBe('198.51.100.4');
    expect(resolveClientAddress('10.0.0.1', '100.64.7.7, 192.168.50.3', proxies)).toBe('100.64.7.7');
  });

  it('treats IPv4-mapped IPv6 as IPv4 and matches CIDRs', () => {
    expect(resolveClientAddress('::ffff:10.0.0.1', '100.64.1.5', proxies)).toBe('100.64.1.5');
    const subscribers = addressSet(['100.64.0.0/10', '::1/128']);
    expect(contains(subscribers, '100.64.1.5')).toBe(true);
    expect(contains(subscribers, '::ffff:100.127.255.1')).toBe(true);
    expect(contains(subscribers, '100.128.0.1')).toBe(false);
    expect(contains(subscribers, '::1')).toBe(true);
    expect(contains(subscribers, 'not-an-ip')).toBe(false);
  });

  it('stops at a hop that is not an address', () => {
    expect(resolveClientAddress('10.0.0.1', 'garbage', proxies)).toBe('10.0.0.1');
  });
});
