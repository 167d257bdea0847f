import { z } from 'zod';
import { toMinorUnits } from '../../shared/money.js';
import { ConfigError } from '../env.js';
import { paymentConfigShape, type PaymentLinkTemplate } from './config.js';

export type PaymentConfig = z.infer<z.ZodObject<typeof paymentConfigShape>> & { CURRENCY: string; PUBLIC_URL?: string };

export interface PaymentSettings {
  liqpay: { publicKey: string; privateKey: string; sandbox: boolean; apiUrl: string } | null;
  monobank: { token: string; apiUrl: string; keyRefreshIntervalMs?: number } | null;
  links: PaymentLinkTemplate[];
  currency: string;
  minAmountMinor: bigint;
  maxAmountMinor: bigint;
  expireMinutes: number;
  reviewAfterMinutes: number;
  sweepMinutes: number;
}

/** ISO 4217 numeric codes monobank takes (`ccy`). */
export const MONOBANK_CURRENCY_CODES: Readonly<Record<string, number>> = { UAH: 980, USD: 840, EUR: 978 };

/**
 * The payment settings, with the rules that tie variables together; a broken rule stops the
 * start with a message naming the variable (the message never holds a key).
 */
export function paymentSettings(config: PaymentConfig): PaymentSettings {
  const problems: string[] = [];
  if (Boolean(config.LIQPAY_PUBLIC_KEY) !== Boolean(config.LIQPAY_PRIVATE_KEY)) {
    problems.push(`${config.LIQPAY_PUBLIC_KEY ? 'LIQPAY_PRIVATE_KEY' : 'LIQPAY_PUBLIC_KEY'}: set both LiqPay keys, or neither`);
  }
  const min = toMinorUnits(config.TOPUP_MIN_AMOUNT)!;
  const max = toMinorUnits(config.TOPUP_MAX_AMOUNT)!;
  if (min <= 0n) problems.push('TOPUP_MIN_AMOUNT: must be more than 0');
  if (max < min) problems.push('TOPUP_MAX_AMOUNT: must not be less than TOPUP_MIN_AMOUNT');
  if (config.MONOBANK_TOKEN && MONOBANK_CURRENCY_CODES[config.CURRENCY] === undefined) {
    problems.push(`MONOBANK_TOKEN: monobank takes ${Object.keys(MONOBANK_CURRENCY_CODES).join(', ')}, not CURRENCY=${config.CURRENCY}`);
  }
  if ((config.LIQPAY_PUBLIC_KEY || config.MONOBANK_TOKEN) && !config.PUBLIC_URL) {
    problems.push('PUBLIC_URL: required with LIQPAY_PUBLIC_KEY or MONOBANK_TOKEN: the acquirer sends its confirmations to PUBLIC_URL/payments/…');
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.map((line) => `  ${line}`).join('\n')}`);
  return {
    liqpay:
      config.LIQPAY_PUBLIC_KEY && config.LIQPAY_PRIVATE_KEY
        ? { publicKey: config.LIQPAY_PUBLIC_KEY, privateKey: config.LIQPAY_PRIVATE_KEY, sandbox: config.LIQPAY_SANDBOX, apiUrl: config.LIQPAY_API_URL }
        : null,
    monobank: config.MONOBANK_TOKEN ? { token: config.MONOBANK_TOKEN, apiUrl: config.MONOBANK_API_URL } : null,
    links: config.PAYMENT_LINKS,
    currency: config.CURRENCY,
    minAmountMinor: min,
    maxAmountMinor: max,
    expireMinutes: config.TOPUP_EXPIRE_MINUTES,
    reviewAfterMinutes: config.TOPUP_REVIEW_AFTER_MINUTES,
    sweepMinutes: config.PAYMENTS_SWEEP_MINUTES,
  };
}
