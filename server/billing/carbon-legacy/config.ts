import { z } from 'zod';
import { optionalText } from '../../env.js';
import type { BillingConfig } from '../description.js';

/**
 * The older Carbon's api.php: the client certificate the billing issued (its .pfx and password, or a
 * PEM certificate and key), the CA that signed the billing's own certificate (paths), and the API
 * administrator the BFF signs in as. Secrets: never logged, never sent to a client.
 */
export const carbonLegacyConfig = z.object({
  CARBON_LEGACY_PFX: optionalText,
  CARBON_LEGACY_PFX_PASSWORD: optionalText,
  CARBON_LEGACY_CERT: optionalText,
  CARBON_LEGACY_KEY: optionalText,
  CARBON_LEGACY_CA: optionalText,
  CARBON_LEGACY_LOGIN: optionalText,
  CARBON_LEGACY_PASSWORD: optionalText,
  /** The term of the promised payment the older Carbon grants (WEB_USER_PROMISE_PAY), as set in the billing. */
  CARBON_LEGACY_PROMISE_DAYS: z.coerce.number().int().min(1).max(31).default(3),
});

export function checkCarbonLegacyConfig(config: BillingConfig<typeof carbonLegacyConfig>, ctx: z.RefinementCtx): void {
  if (config.BILLING_KIND !== 'carbon-legacy' || !config.BILLING_URL) return;
  const required = (variable: string, what: string) =>
    ctx.addIssue({ code: 'custom', path: [variable], message: `${variable} (${what}) is required with BILLING_KIND=carbon-legacy and a BILLING_URL` });
  if (!config.BILLING_URL.startsWith('https:')) {
    ctx.addIssue({ code: 'custom', path: ['BILLING_URL'], message: 'must be https:// with BILLING_KIND=carbon-legacy: api.php takes a client certificate' });
  }
  if (!config.CARBON_LEGACY_LOGIN) required('CARBON_LEGACY_LOGIN', 'the API administrator');
  if (!config.CARBON_LEGACY_PASSWORD) required('CARBON_LEGACY_PASSWORD', "the API administrator's password");
  if (config.CARBON_LEGACY_PFX && (config.CARBON_LEGACY_CERT || config.CARBON_LEGACY_KEY)) {
    ctx.addIssue({ code: 'custom', path: ['CARBON_LEGACY_PFX'], message: 'set CARBON_LEGACY_PFX or CARBON_LEGACY_CERT and CARBON_LEGACY_KEY, not both' });
  }
  if (!config.CARBON_LEGACY_PFX && !config.CARBON_LEGACY_CERT) required('CARBON_LEGACY_CERT', 'the client certificate, or CARBON_LEGACY_PFX');
  if (!config.CARBON_LEGACY_PFX && !config.CARBON_LEGACY_KEY) required('CARBON_LEGACY_KEY', "the client certificate's key, or CARBON_LEGACY_PFX");
}
