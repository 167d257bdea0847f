import { fromMinorUnits, type Money } from '../../../shared/money.js';
import { idempotencyKeySchema, topUpAmountSchema, topUpIdSchema } from '../../../shared/validation.js';
import { notSupported } from '../../domain/errors.js';
import { runSubscriberAction } from '../../domain/subscriber-actions.js';
import type { Subscriber } from '../../domain/types.js';
import type { TopUp as LedgerTopUp, TopUpMethod } from '../../payments/ledger.js';
import { paymentLinks } from '../../payments/links.js';
import type { Payments } from '../../payments/setup.js';
import { audited } from '../audit.js';
import { parseInput } from '../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';

/** How each acquirer is named to the subscriber. */
const CHECKOUT_NAMES: Record<TopUpMethod, string> = { liqpay: 'LiqPay', monobank: 'monobank' };
const LINK_PREFIX = 'link-';
const RECENT_TOP_UPS = 20;

export interface PaymentMethodModel {
  id: string;
  name: string;
  kind: 'CHECKOUT' | 'LINK';
  minAmount: Money;
  maxAmount: Money;
  /** LINK: the ISP's URL template. */
  template: string | null;
}

export interface TopUpModel {
  id: string;
  status: LedgerTopUp['state'];
  amount: Money;
  checkoutUrl: string | null;
  createdAt: string;
}

const asModel = (topUp: LedgerTopUp, checkoutUrl: string | null = null): TopUpModel => ({
  id: topUp.id,
  status: topUp.state,
  amount: topUp.amount,
  checkoutUrl,
  createdAt: topUp.createdAt,
});

/** The acquirers first, then the ISP's pay-by-link services, in the order configured. */
export function paymentMethodsOf(payments: Payments | undefined): PaymentMethodModel[] {
  if (!payments) return [];
  const { settings } = payments;
  const bounds = {
    minAmount: { amount: fromMinorUnits(settings.minAmountMinor), currency: settings.currency },
    maxAmount: { amount: fromMinorUnits(settings.maxAmountMinor), currency: settings.currency },
  };
  return [
    ...payments.topUps.methods().map((method) => ({ id: method, name: CHECKOUT_NAMES[method], kind: 'CHECKOUT' as const, template: null, ...bounds })),
    ...settings.links.map((link, index) => ({ id: `${LINK_PREFIX}${index + 1}`, name: link.name, kind: 'LINK' as const, template: link.template, ...bounds })),
  ];
}

/**
 * The id a payment service knows the subscriber by: the billing's own (Ubilling's payment id,
 * Carbon's account or contract number). Where the billing has none for this subscriber, the
 * contract number, else the account number, else the login: the identifiers ISPs give payment terminals.
 */
function paymentIdOf(subscriber: Subscriber): string {
  return subscriber.paymentId ?? subscriber.contractNumber ?? subscriber.accountNumber ?? subscriber.login;
}

export const topUpResolvers: Resolvers = {
  Query: {
    topUp: async (_parent, args, context) => {
      const parsed = topUpIdSchema.safeParse(args.id);
      if (!parsed.success || !context.payments) return null;
      const topUp = await context.payments.topUps.ledger.get(parsed.data);
      // Someone else's top-up is answered like one that does not exist.
      return topUp && topUp.accountId === context.session.identity.accountId ? asModel(topUp) : null;
    },
  },
  Mutation: {
    startTopUp: async (_parent, args, context) => {
      const payments = context.payments;
      const method = payments?.topUps.methods().find((candidate) => candidate === args.methodId);
      if (!payments || !method) throw notSupported('This way of paying');
      const amount = parseInput(topUpAmountSchema, args.amount, 'amount');
      const key = parseInput(idempotencyKeySchema, args.idempotencyKey, 'idempotencyKey');
      const { accountId, login } = context.session.identity;
      return runSubscriberAction(context.store, { accountId, operation: 'startTopUp', args: { method, amount }, idempotencyKey: key }, () =>
        audited(context, { action: 'top-up', login, subject: `${method} ${amount}` }, async () => {
          await context.limits.subscriberAction(accountId);
          const { topUp, checkoutUrl } = await payments.topUps.start({ accountId, login }, amount, method);
          return asModel(topUp, checkoutUrl);
        }),
      );
    },
  },
  Cabinet: {
    paymentMethods: (_parent, _args, context) => paymentMethodsOf(context.payments),
  },
  PaymentMethod: {
    async url(parent, args, context) {
      if (parent.template === null || !context.session) return null;
      const amount = args.amount == null ? undefined : parseInput(topUpAmountSchema, args.amount, 'amount');
      const subscriber = await context.reads().subscriber();
      const [link] = paymentLinks([{ name: parent.name, template: parent.template }], { paymentId: paymentIdOf(subscriber), login: subscriber.login, amount });
      return link?.url ?? null;
    },
  },
  Subscriber: {
    async topUps(_parent, _args, context) {
      if (!context.payments || !context.session) return [];
      return (await context.payments.topUps.ledger.recentOf(context.session.identity.accountId, RECENT_TOP_UPS)).map((topUp) => asModel(topUp));
    },
  },
};
