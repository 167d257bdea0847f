import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config.js';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(8080);
    expect(config.BILLING_KIND).toBe('carbon5');
    expect(config.BILLING_URL).toBeUndefined();
    expect(config.TRUST_PROXY).toEqual([]);
    expect(config.NODE_ENV).toBe('production');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ BILLING_KIND: 'mikbill' })).toThrow(/BILLING_KIND/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY: "10.0.0.0\/33" is not an IP address or CIDR/);
    expect(() => loadConfig({ BILLING_URL: 'ftp://billing' })).toThrow(/BILLING_URL/);
    expect(() => loadConfig({ CABINET_THEME_COLOR: 'blue' })).toThrow(ConfigError);
  });

  it('runs the demo only when asked, and never with a BILLING_URL', () => {
    expect(loadConfig({}).DEMO).toBe(false);
    expect(loadConfig({ DEMO: 'true' }).DEMO).toBe(true);
    expect(() => loadConfig({ DEMO: 'yes' })).toThrow(/DEMO/);
    expect(() => loadConfig({ DEMO: 'true', BILLING_URL: 'http://billing.isp.example:8082' })).toThrow(/DEMO: the demo runs on a simulated billing/);
  });

  it('parses address lists', () => {
    const config = loadConfig({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16', AUTO_LOGIN_NETWORKS: '100.64.0.0/10,2001:db8::/32' });
    expect(config.TRUST_PROXY).toEqual(['10.0.0.1', '192.168.0.0/16']);
    expect(config.AUTO_LOGIN_NETWORKS).toEqual(['100.64.0.0/10', '2001:db8::/32']);
  });
});
