import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';

describe('Ubilling configuration', () => {
  it('needs UBILLING_SERIAL when pointed at a real Ubilling', () => {
    expect(() => loadConfig({ BILLING_KIND: 'ubilling', BILLING_URL: 'https://billing.isp.example/' })).toThrow(/UBILLING_SERIAL/);
    expect(() => loadConfig({ BILLING_KIND: 'ubilling', BILLING_URL: 'https://billing.isp.example/', UBILLING_SERIAL: 'UB0123456789abcdef0123456789abcdef' })).not.toThrow();
    expect(() => loadConfig({ BILLING_KIND: 'ubilling' })).not.toThrow();
  });

  it('refuses a serial that could not be one', () => {
    expect(() => loadConfig({ BILLING_KIND: 'ubilling', UBILLING_SERIAL: "UB0123'; rm -rf" })).toThrow(/UBILLING_SERIAL/);
  });

  it('has the stock SC_* defaults with self-credit and auto-login off', () => {
    const config = loadConfig({ BILLING_KIND: 'ubilling' });
    expect(config).toMatchObject({
      UBILLING_AUTO_LOGIN: false,
      UBILLING_CREDIT_ENABLED: false,
      UBILLING_CREDIT_MIN_DAY: 1,
      UBILLING_CREDIT_MAX_DAY: 3,
      UBILLING_CREDIT_TERM_DAYS: 3,
      UBILLING_CREDIT_PRICE: '5',
      UBILLING_CREDIT_ONCE_A_MONTH: true,
      UBILLING_CREDIT_TARIFFS: [],
      UBILLING_CREDIT_CASH_TYPE_ID: 1,
    });
  });

  it('reads the rules and checks them', () => {
    const config = loadConfig({
      BILLING_KIND: 'ubilling',
      UBILLING_AUTO_LOGIN: 'true',
      UBILLING_CREDIT_ENABLED: '1',
      UBILLING_CREDIT_TARIFFS: 'Unlim-50, Unlim-100,',
      UBILLING_CREDIT_ONCE_A_MONTH: 'false',
      UBILLING_USERSTATS_URL: 'https://cabinet.isp.example/',
    });
    expect(config).toMatchObject({ UBILLING_AUTO_LOGIN: true, UBILLING_CREDIT_ENABLED: true, UBILLING_CREDIT_TARIFFS: ['Unlim-50', 'Unlim-100'], UBILLING_CREDIT_ONCE_A_MONTH: false });
    expect(() => loadConfig({ UBILLING_CREDIT_MIN_DAY: '10', UBILLING_CREDIT_MAX_DAY: '5' })).toThrow(/UBILLING_CREDIT_MAX_DAY/);
    expect(() => loadConfig({ UBILLING_CREDIT_PRICE: '1e3' })).toThrow(/UBILLING_CREDIT_PRICE/);
    expect(() => loadConfig({ UBILLING_USERSTATS_URL: 'file:///etc/passwd' })).toThrow(/UBILLING_USERSTATS_URL/);
  });
});
