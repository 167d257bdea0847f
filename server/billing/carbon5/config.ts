import { z } from 'zod';
import { optionalText, positiveInt } from '../../env.js';
import type { BillingConfig } from '../description.js';

/** Carbon 5's own environment variables. */
export const carbon5Config = z.object({
  /** The web context's password (network['api.web.psw']), when the billing has one. Never logged. */
  CARBON_API_PASSWORD: optionalText,
  /** The asr_fiscal context's password: card top-ups are booked through it (asr_fiscal_manager.act_pay). Never logged. */
  CARBON_FISCAL_PASSWORD: optionalText,
  /** The payment operator card top-ups are booked under (act_pay's pay_operator), as the ISP names it in Carbon. */
  CARBON_PAY_OPERATOR: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,32}$/, 'letters, digits and _ . - only, up to 32')
    .default('ABONENT'),
  /** The longest voluntary block (pause) a subscriber may book in the cabinet, in days: Carbon's cabinet API does not tell. */
  CARBON_PAUSE_MAX_DAYS: positiveInt(30),
  /**
   * The tariffs (Carbon Tarif ids, comma-separated) a subscriber may book for the next period in the
   * cabinet; empty turns the tariff change off. Carbon's cabinet API has no tariff change of its own,
   * so the ISP says which changes it accepts.
   */
  CARBON_TARIFF_CHANGE_IDS: z
    .string()
    .default('')
    .transform((text) => text.split(',').map((id) => id.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{1,9}$/, 'Carbon tariff ids are numbers, e.g. 17,18')).max(50, 'at most 50 tariffs')),
});

export function checkCarbon5Config(config: BillingConfig<typeof carbon5Config>, ctx: z.RefinementCtx): void {
  // The payment variables are common ones (server/payments/config.ts); an acquirer needs a way to book what it takes.
  const payments = config as { LIQPAY_PUBLIC_KEY?: string; MONOBANK_TOKEN?: string };
  if (config.BILLING_KIND === 'carbon5' && config.BILLING_URL && (payments.LIQPAY_PUBLIC_KEY || payments.MONOBANK_TOKEN) && !config.CARBON_FISCAL_PASSWORD) {
    ctx.addIssue({
      code: 'custom',
      path: ['CARBON_FISCAL_PASSWORD'],
      message: 'CARBON_FISCAL_PASSWORD (the asr_fiscal context password) is required with card payments on Carbon 5: paid top-ups are booked through it',
    });
  }
}
