import type { PaymentLinkTemplate } from './config.js';

export interface PaymentLink {
  name: string;
  url: string;
}

/**
 * The ISP's pay-by-link services for one subscriber: each template with {paymentId}, {login} and
 * {amount} replaced by the URL-encoded values (an unknown amount leaves {amount} empty).
 */
export function paymentLinks(templates: readonly PaymentLinkTemplate[], values: { paymentId: string; login: string; amount?: string }): PaymentLink[] {
  const substitutions: Record<string, string> = { paymentId: values.paymentId, login: values.login, amount: values.amount ?? '' };
  return templates.map(({ name, template }) => ({
    name,
    url: template.replace(/\{(paymentId|login|amount)\}/g, (_match, key: string) => encodeURIComponent(substitutions[key]!)),
  }));
}
