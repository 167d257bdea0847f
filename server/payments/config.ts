import { z } from 'zod';
import { flag } from '../env.js';

const optionalSecret = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const amount = (fallback: string) =>
  z
    .string()
    .regex(/^\d{1,7}(?:\.\d{1,2})?$/, 'must be an amount such as 10 or 10.50')
    .default(fallback);

const apiUrl = (fallback: string) =>
  z
    .url({ protocol: /^https?$/ })
    .default(fallback)
    .transform((url) => url.replace(/\/+$/, ''));

export const PAYMENT_LINK_PLACEHOLDERS = ['paymentId', 'login', 'amount'] as const;

export interface PaymentLinkTemplate {
  name: string;
  template: string;
}

/**
 * The payment services the ISP's subscribers already use, as URL templates: a JSON array of
 * {"name", "url"}, or "name|template" entries separated by ";" or new lines.
 */
const paymentLinks = z
  .string()
  .default('')
  .transform((text, ctx): PaymentLinkTemplate[] => {
    const trimmed = text.trim();
    if (trimmed === '') return [];
    let entries: { name: unknown; template: unknown }[];
    if (trimmed.startsWith('[')) {
      try {
        entries = (JSON.parse(trimmed) as { name: unknown; url: unknown }[]).map((entry) => ({ name: entry?.name, template: entry?.url }));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON: use [{"name":"EasyPay","url":"https://…{paymentId}…"}] or name|template entries' });
        return z.NEVER;
      }
    } else {
      entries = trimmed
        .split(/[;\n]/)
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => {
          const bar = entry.indexOf('|');
          return bar < 0 ? { name: entry, template: undefined } : { name: entry.slice(0, bar).trim(), template: entry.slice(bar + 1).trim() };
        });
    }
    const links: PaymentLinkTemplate[] = [];
    for (const entry of entries) {
      const { name, template } = entry;
      if (typeof name !== 'string' || name === '' || name.length > 40 || typeof template !== 'string') {
        ctx.addIssue({ code: 'custom', message: `each entry needs a name (up to 40 characters) and a URL template: "${String(name)}"` });
        return z.NEVER;
      }
      const unknown = [...template.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]!).filter((key) => !(PAYMENT_LINK_PLACEHOLDERS as readonly string[]).includes(key));
      if (unknown.length > 0) {
        ctx.addIssue({ code: 'custom', message: `${name}: unknown placeholder {${unknown[0]}}; use {paymentId}, {login} or {amount}` });
        return z.NEVER;
      }
      if (!/^https:\/\/[^\s/]+/.test(template.replace(/\{[^}]*\}/g, 'x'))) {
        ctx.addIssue({ code: 'custom', message: `${name}: the template must be an https:// URL` });
        return z.NEVER;
      }
      links.push({ name, template });
    }
    return links;
  });

/**
 * The payment variables, merged into the configuration schema (server/config.ts). Keys are
 * secrets: never logged, never sent to a client. The acquirers' addresses are settings so that
 * the demo and the tests can point them at the simulators.
 */
export const paymentConfigShape = {
  /** LiqPay: the shop's public and private keys (both, or neither for no LiqPay). */
  LIQPAY_PUBLIC_KEY: optionalSecret,
  LIQPAY_PRIVATE_KEY: optionalSecret,
  /** LiqPay test payments: no card is charged, and `sandbox` counts as paid. Never in production. */
  LIQPAY_SANDBOX: flag,
  LIQPAY_API_URL: apiUrl('https://www.liqpay.ua'),
  /** monobank acquiring: the merchant's X-Token. */
  MONOBANK_TOKEN: optionalSecret,
  MONOBANK_API_URL: apiUrl('https://api.monobank.ua'),
  PAYMENT_LINKS: paymentLinks,
  /** The smallest and largest top-up a subscriber may start, in CURRENCY. */
  TOPUP_MIN_AMOUNT: amount('10'),
  TOPUP_MAX_AMOUNT: amount('20000'),
  /** A checkout not paid in this long is expired (after one last status check). */
  TOPUP_EXPIRE_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(60),
  /** A crediting with no outcome after this long is handed to an operator (NEEDS_REVIEW), never retried. */
  TOPUP_REVIEW_AFTER_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  /** How often the sweep checks unfinished top-ups with the acquirer. */
  PAYMENTS_SWEEP_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(5),
};
