import { z } from 'zod';
import { flag, optionalText, optionalUrl, positiveInt } from '../../env.js';
import type { BillingConfig } from '../description.js';
import { UBILLING_SC_DEFAULTS } from './credit-rules.js';

/** "true" or "1" is on, "false" or "0" off; unset or blank keeps the stock setting. */
const switchWithDefault = (stock: boolean) =>
  z
    .enum(['true', 'false', '1', '0', ''])
    .default('')
    .transform((value) => (value === '' ? stock : value === 'true' || value === '1'));

/** Ubilling's own environment variables. */
export const ubillingConfig = z.object({
  /** The RemoteAPI key (`UB` + 32 hex digits). It is an admin credential: never logged, never sent to a client. */
  UBILLING_SERIAL: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9]{8,64}$/, 'must be the Ubilling serial: UB followed by 32 hex digits')
      .optional(),
  ),
  /** The subscriber cabinet (userstats) root, for XMLAgent and the self-credit agent. */
  UBILLING_USERSTATS_URL: optionalUrl,
  /** The ISP enabled RemoteAPI `userbyip` (alter.ini USERBYIP_ENABLED=1). */
  UBILLING_AUTO_LOGIN: flag,
  /** The ISP lets subscribers end a pause themselves (userstats.ini XMLAGENT_SELF_UNFREEZE_ALLOWED=1). */
  UBILLING_SELF_UNFREEZE: flag,
  /** Self-credit rules, enforced by the BFF when there is no userstats URL (its SC_* settings). */
  UBILLING_CREDIT_ENABLED: switchWithDefault(UBILLING_SC_DEFAULTS.enabled),
  UBILLING_CREDIT_MIN_DAY: z.coerce.number().int().min(1).max(31).default(UBILLING_SC_DEFAULTS.minDay),
  UBILLING_CREDIT_MAX_DAY: z.coerce.number().int().min(1).max(31).default(UBILLING_SC_DEFAULTS.maxDay),
  UBILLING_CREDIT_TERM_DAYS: z.coerce.number().int().min(1).max(90).default(UBILLING_SC_DEFAULTS.termDays),
  UBILLING_CREDIT_PRICE: z
    .string()
    .regex(/^\d{1,6}(?:\.\d{1,2})?$/, 'must be an amount such as 5 or 5.50')
    .default(UBILLING_SC_DEFAULTS.price),
  UBILLING_CREDIT_ONCE_A_MONTH: switchWithDefault(UBILLING_SC_DEFAULTS.onceAMonth),
  /** Comma-separated tariff names; empty = every tariff. */
  UBILLING_CREDIT_TARIFFS: z
    .string()
    .default('')
    .transform((text) =>
      text
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  /** The payment type the credit fee is booked under (SC_CASHTYPEID). */
  UBILLING_CREDIT_CASH_TYPE_ID: positiveInt(UBILLING_SC_DEFAULTS.cashTypeId),
  /** The payment type (cash type id) card top-ups are booked under through RemoteAPI `usercash`. */
  UBILLING_TOPUP_CASH_TYPE_ID: positiveInt(1),
});

export function checkUbillingConfig(config: BillingConfig<typeof ubillingConfig>, ctx: z.RefinementCtx): void {
  if (config.BILLING_KIND === 'ubilling' && config.BILLING_URL && !config.UBILLING_SERIAL) {
    ctx.addIssue({
      code: 'custom',
      path: ['UBILLING_SERIAL'],
      message: 'UBILLING_SERIAL (the RemoteAPI key) is required with BILLING_KIND=ubilling and a BILLING_URL',
    });
  }
  if (config.UBILLING_CREDIT_MIN_DAY > config.UBILLING_CREDIT_MAX_DAY) {
    ctx.addIssue({ code: 'custom', path: ['UBILLING_CREDIT_MAX_DAY'], message: 'must not be before UBILLING_CREDIT_MIN_DAY' });
  }
}
