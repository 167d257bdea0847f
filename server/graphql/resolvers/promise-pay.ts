import { billingIdSchema, idempotencyKeySchema } from '../../../shared/validation.js';
import { runSubscriberAction } from '../../domain/subscriber-actions.js';
import { audited } from '../audit.js';
import { requireCapability } from '../capability.js';
import { parseInput } from '../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';

export const promisePayResolvers: Resolvers = {
  Mutation: {
    takePromisePay: async (_parent, args, context) => {
      requireCapability(context, 'promisePay');
      const offerId = parseInput(billingIdSchema, args.offerId, 'offerId');
      const key = args.idempotencyKey == null ? null : parseInput(idempotencyKeySchema, args.idempotencyKey, 'idempotencyKey');
      const reads = context.reads();
      const { accountId, login } = context.session.identity;
      await runSubscriberAction(context.store, { accountId, operation: 'takePromisePay', args: { offerId }, idempotencyKey: key }, () =>
        audited(context, { action: 'promise-pay', login, subject: offerId }, async () => {
          await context.limits.subscriberAction(accountId);
          await context.gateway.takePromisePay(reads.session, offerId);
          return true;
        }),
      );
      return reads.subscriber();
    },
  },
};
