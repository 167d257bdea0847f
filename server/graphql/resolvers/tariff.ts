import { billingIdSchema } from '../../../shared/validation.js';
import type { TariffChoice } from '../../domain/types.js';
import { requireCapability } from '../capability.js';
import type { GraphQLContext } from '../context.js';
import { parseInput } from '../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { serviceChange } from '../service-change.js';

/** The options and whether the booked change may be cancelled, read once per request however many fields ask. */
function tariffChoice(context: GraphQLContext): Promise<TariffChoice> {
  const { session } = context.reads();
  return session.once('tariff choice', () => context.gateway.getTariffChoice(session));
}

/**
 * Booking a tariff change may cost the changer's fee and changes the service; cancelling one changes
 * it back. The billing keeps one booked change, so cancelling names nothing but its key.
 */
export const tariffResolvers: Resolvers = {
  Mutation: {
    changeTariff: async (_parent, args, context) => {
      requireCapability(context, 'tariffChange');
      const tariffId = parseInput(billingIdSchema, args.tariffId, 'tariffId');
      const change = { operation: 'changeTariff', audit: 'tariff-change', args: { tariffId }, subject: tariffId, idempotencyKey: args.idempotencyKey } as const;
      return serviceChange(context, change, (reads) => context.gateway.changeTariff(reads.session, tariffId));
    },
    cancelTariffChange: async (_parent, args, context) => {
      requireCapability(context, 'tariffChange');
      const change = { operation: 'cancelTariffChange', audit: 'tariff-change-cancel', args: {}, subject: null, idempotencyKey: args.idempotencyKey } as const;
      return serviceChange(context, change, (reads) => context.gateway.cancelTariffChange(reads.session));
    },
  },
  Subscriber: {
    tariffOptions: async (_parent, _args, context) => (context.gateway.capabilities.tariffChange ? (await tariffChoice(context)).options : []),
    tariffChangeCancellable: async (_parent, _args, context) => context.gateway.capabilities.tariffChange && (await tariffChoice(context)).cancellable,
  },
};
