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

/** A price in the ISP's money as userstats.ini writes it. */
const amount = (stock: string) =>
  z
    .string()
    .regex(/^\d{1,6}(?:\.\d{1,2})?$/, 'must be an amount such as 5 or 5.50')
    .default(stock);

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
  UBILLING_CREDIT_PRICE: amount(UBILLING_SC_DEFAULTS.price),
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
  /**
   * The ISP enabled the cabinet's tariff changer (userstats.ini TC_ENABLED=1): subscribers may change
   * to the tariffs XMLAgent `tarifftoswitchallowed` lists. Needs UBILLING_USERSTATS_URL.
   */
  UBILLING_TARIFF_CHANGE: flag,
  /** What the tariff changer charges for a change to a dearer, a cheaper and an equally priced tariff (TC_PRICEUP, TC_PRICEDOWN, TC_PRICESIMILAR). */
  UBILLING_TARIFF_CHANGE_FEE_UP: amount('0'),
  UBILLING_TARIFF_CHANGE_FEE_DOWN: amount('0'),
  UBILLING_TARIFF_CHANGE_FEE_SAME: amount('0'),
  /** The change applies at once (TC_RIGHTNOW=1) rather than from the first day of the next month. */
  UBILLING_TARIFF_CHANGE_NOW: flag,
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
  if (config.BILLING_KIND === 'ubilling' && config.BILLING_URL && config.UBILLING_TARIFF_CHANGE && !config.UBILLING_USERSTATS_URL) {
    ctx.addIssue({ code: 'custom', path: ['UBILLING_USERSTATS_URL'], message: 'UBILLING_USERSTATS_URL is required with UBILLING_TARIFF_CHANGE: the change goes through the cabinet (userstats)' });
  }
  if (config.UBILLING_CREDIT_MIN_DAY > config.UBILLING_CREDIT_MAX_DAY) {
    ctx.addIssue({ code: 'custom', path: ['UBILLING_CREDIT_MAX_DAY'], message: 'must not be before UBILLING_CREDIT_MIN_DAY' });
  }
}
