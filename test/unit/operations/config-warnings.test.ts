import { describe, expect, it } from 'vitest';
import { configWarnings, loadConfig } from '../../../server/config.js';

describe('warnings at start', () => {
  it('name each plain http:// billing URL, without the URL, and say nothing of https', () => {
    const plain = loadConfig({ BILLING_KIND: 'ubilling', BILLING_URL: 'http://billing.isp.example/', UBILLING_SERIAL: 'UB0123456789abcdef0123456789abcdef', UBILLING_USERSTATS_URL: 'http://billing.isp.example/userstats/' });
    const warnings = configWarnings(plain);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^BILLING_URL is plain http:\/\/: .*passwords/);
    expect(warnings[1]).toMatch(/^UBILLING_USERSTATS_URL is plain http:\/\//);
    expect(warnings.join(' ')).not.toContain('billing.isp.example');
    expect(configWarnings(loadConfig({ BILLING_URL: 'https://billing.isp.example/' }))).toEqual([]);
    expect(configWarnings(loadConfig({}))).toEqual([]);
  });

  it('refuse the push loopback opt-in with a real billing', () => {
    expect(() => loadConfig({ PUSH_ALLOW_LOOPBACK: 'true', BILLING_URL: 'https://billing.isp.example/' })).toThrow(/PUSH_ALLOW_LOOPBACK/);
    expect(loadConfig({ PUSH_ALLOW_LOOPBACK: 'true' }).PUSH_ALLOW_LOOPBACK).toBe(true);
  });
});
