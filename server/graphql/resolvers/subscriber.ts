import { addDays, ymd } from '../../../shared/dates.js';
import { promisePayToOffer } from '../../domain/promise-pay-rules.js';
import { CHARGES_DAYS_BACK, chargesPeriod, monthlySpend, monthsPeriod } from '../../domain/charges.js';
import type { Resolvers } from '../resolvers-types.generated.js';

export const subscriberResolvers: Resolvers = {
  Query: {
    me: async (_parent, _args, context) => (context.session ? context.reads().subscriber() : null),
  },
  Subscriber: {
    spends: (_parent, _args, context) => context.reads().spends(),
    services: (_parent, _args, context) => context.reads().services(),
    promisePay: async (_parent, _args, context) => {
      const reads = context.reads();
      const [promisePay, subscriber] = await Promise.all([reads.promisePay(), reads.subscriber()]);
      return promisePayToOffer(promisePay, subscriber);
    },
    payments: (_parent, _args, context) => context.reads().payments(),
    charges: (_parent, args, context) => {
      const period = chargesPeriod(args.from, args.to, ymd(new Date()));
      return context.reads().charges(period.from, period.to);
    },
    monthlySpend: async (_parent, args, context) => {
      const period = monthsPeriod(args.months ?? 12, ymd(new Date()));
      if (!context.gateway.capabilities.charges) return [];
      const charges = await context.reads().charges(period.from, period.to);
      return monthlySpend(charges, period.months, context.gateway.currency, (instant) => ymd(new Date(instant)).slice(0, 7));
    },
    invoices: (_parent, _args, context) => context.reads().invoices(addDays(ymd(new Date()), -CHARGES_DAYS_BACK)),
  },
  Invoice: {
    lines: (invoice, _args, context) => context.reads().invoiceLines(invoice),
  },
};
