import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config.js';
import { ALLOWED_TRANSITIONS, assertTransition, TOP_UP_STATES } from '../../../server/payments/ledger.js';
import { paymentLinks } from '../../../server/payments/links.js';
import { paymentSettings } from '../../../server/payments/settings.js';

const PRIVATE_KEY = 'sandbox_private_key_that_must_not_leak';

describe('payment configuration', () => {
  it('has no acquirer and sensible bounds by default', () => {
    const settings = paymentSettings(loadConfig({}));
    expect(settings).toMatchObject({ liqpay: null, monobank: null, links: [], minAmountMinor: 1000n, maxAmountMinor: 2_000_000n });
  });

  it('takes both LiqPay keys, and the acquirers’ addresses without a trailing slash', () => {
    const settings = paymentSettings(
      loadConfig({ PUBLIC_URL: 'https://cabinet.example.net', LIQPAY_PUBLIC_KEY: 'sandbox_i1', LIQPAY_PRIVATE_KEY: PRIVATE_KEY, LIQPAY_SANDBOX: 'true', LIQPAY_API_URL: 'http://127.0.0.1:9/' }),
    );
    expect(settings.liqpay).toEqual({ publicKey: 'sandbox_i1', privateKey: PRIVATE_KEY, sandbox: true, apiUrl: 'http://127.0.0.1:9' });
  });

  it('stops the start naming the variable, never the key, when one LiqPay key is missing', () => {
    const start = () => paymentSettings(loadConfig({ PUBLIC_URL: 'https://cabinet.example.net', LIQPAY_PRIVATE_KEY: PRIVATE_KEY }));
    expect(start).toThrow(ConfigError);
    expect(start).toThrow(/LIQPAY_PUBLIC_KEY/);
    try {
      start();
    } catch (error) {
      expect((error as Error).message).not.toContain(PRIVATE_KEY);
    }
  });

  it('refuses bounds the wrong way round, an acquirer without PUBLIC_URL, and monobank in a currency it does not take', () => {
    expect(() => paymentSettings(loadConfig({ TOPUP_MIN_AMOUNT: '500', TOPUP_MAX_AMOUNT: '100' }))).toThrow(/TOPUP_MAX_AMOUNT/);
    expect(() => paymentSettings(loadConfig({ MONOBANK_TOKEN: 'token' }))).toThrow(/PUBLIC_URL/);
    expect(() => paymentSettings(loadConfig({ MONOBANK_TOKEN: 'token', PUBLIC_URL: 'https://c.example.net', CURRENCY: 'PLN' }))).toThrow(/CURRENCY=PLN/);
    expect(() => loadConfig({ TOPUP_MIN_AMOUNT: '1.234' })).toThrow(/TOPUP_MIN_AMOUNT/);
  });

  it('reads payment links as name|template entries or as JSON, and refuses unknown placeholders and non-https', () => {
    const listed = loadConfig({ PAYMENT_LINKS: 'EasyPay|https://easypay.ua/pay?account={paymentId}&amount={amount}; Privat24|https://next.privat24.ua/payments/form/{login}' });
    expect(listed.PAYMENT_LINKS.map((link) => link.name)).toEqual(['EasyPay', 'Privat24']);
    const json = loadConfig({ PAYMENT_LINKS: '[{"name":"Portmone","url":"https://www.portmone.com.ua/r3/?contractNumber={paymentId}"}]' });
    expect(json.PAYMENT_LINKS).toEqual([{ name: 'Portmone', template: 'https://www.portmone.com.ua/r3/?contractNumber={paymentId}' }]);
    expect(() => loadConfig({ PAYMENT_LINKS: 'City24|https://city24.ua/?id={account}' })).toThrow(/unknown placeholder \{account\}/);
    expect(() => loadConfig({ PAYMENT_LINKS: 'Old|http://pay.example.net/{paymentId}' })).toThrow(/https/);
    expect(() => loadConfig({ PAYMENT_LINKS: '[{"name":"Broken"' })).toThrow(/JSON/);
  });
});

describe('payment links', () => {
  it('puts each value URL-encoded into every template', () => {
    const templates = loadConfig({ PAYMENT_LINKS: 'EasyPay|https://easypay.ua/pay?account={paymentId}&sum={amount};Login|https://pay.example.net/{login}' }).PAYMENT_LINKS;
    expect(paymentLinks(templates, { paymentId: '12 34&x=1', login: 'ivan/петро', amount: '150.00' })).toEqual([
      { name: 'EasyPay', url: 'https://easypay.ua/pay?account=12%2034%26x%3D1&sum=150.00' },
      { name: 'Login', url: 'https://pay.example.net/ivan%2F%D0%BF%D0%B5%D1%82%D1%80%D0%BE' },
    ]);
    expect(paymentLinks(templates, { paymentId: '7', login: 'a' })[0]!.url).toBe('https://easypay.ua/pay?account=7&sum=');
  });
});

describe('top-up state machine', () => {
  it('has no way out of CREDITED, and reaches CREDITING only from PAID', () => {
    expect(ALLOWED_TRANSITIONS.CREDITED).toEqual([]);
    expect(TOP_UP_STATES.filter((state) => ALLOWED_TRANSITIONS[state].includes('CREDITING'))).toEqual(['PAID']);
    expect(() => assertTransition(['CREDITED'], 'PAID')).toThrow(/not allowed/);
    expect(() => assertTransition(['CREATED', 'EXPIRED'], 'PAID')).not.toThrow();
  });

  it('never goes from CREDITING straight to a second crediting: only to CREDITED, back to PAID when the billing was not reached, or to review', () => {
    expect([...ALLOWED_TRANSITIONS.CREDITING].sort()).toEqual(['CREDITED', 'NEEDS_REVIEW', 'PAID']);
  });
});
