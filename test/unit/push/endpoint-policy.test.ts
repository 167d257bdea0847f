import { describe, expect, it } from 'vitest';
import { DEFAULT_PUSH_SERVICE_HOSTS, endpointRefusal, isPublicAddress, publicOnlyLookup } from '../../../server/push/endpoint-policy.js';

const production = { hosts: DEFAULT_PUSH_SERVICE_HOSTS, allowLoopback: false };

describe('which Web Push endpoints the BFF sends to', () => {
  it('tells public addresses from private, loopback, link-local and reserved ones', () => {
    for (const address of ['8.8.8.8', '142.250.74.10', '2a00:1450:4001:82b::200a']) expect(isPublicAddress(address), address).toBe(true);
    for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:7f00:1', 'not-an-address']) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it('admits loopback only when the tests or the demo opt in, and never another address', () => {
    expect(endpointRefusal('https://127.0.0.1:8443/push/1', production)).not.toBeNull();
    expect(endpointRefusal('https://127.0.0.1:8443/push/1', { ...production, allowLoopback: true })).toBeNull();
    expect(endpointRefusal('https://[::1]:8443/push/1', { ...production, allowLoopback: true })).toBeNull();
    expect(endpointRefusal('https://10.0.0.1/push/1', { ...production, allowLoopback: true })).not.toBeNull();
    expect(endpointRefusal('https://push.isp.example/p', { hosts: ['push.isp.example'], allowLoopback: false })).toBeNull();
  });

  it('refuses, when connecting, a push service name that resolves to a non-public address', async () => {
    const lookup = publicOnlyLookup({ allowLoopback: false });
    const error = await new Promise<NodeJS.ErrnoException | null>((resolve) => lookup('localhost', {}, (failure) => resolve(failure)));
    expect(error?.code).toBe('EPUSHADDRESS');
    const allowed = await new Promise<NodeJS.ErrnoException | null>((resolve) => publicOnlyLookup({ allowLoopback: true })('localhost', {}, (failure) => resolve(failure)));
    expect(allowed).toBeNull();
  });
});
