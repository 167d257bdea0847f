import { billingIdSchema, idempotencyKeySchema } from '../../../shared/validation.js';
import { notSupported } from '../../domain/errors.js';
import { runOnce } from '../../domain/idempotency.js';
import type { Subscriber } from '../../domain/types.js';
import { audited } from '../audit.js';
import { signedIn } from '../auth-rules.js';
import { parseInput } from '../errors.js';

export const promisePayResolvers = {
  Mutation: {
    takePromisePay: signedIn(async (_parent, args: { offerId: string; idempotencyKey?: string | null }, context): Promise<Subscriber> => {
      if (!context.gateway.capabilities.promisePay) throw notSupported('Promised payment');
      const offerId = parseInput(billingIdSchema, args.offerId, 'offerId');
      const key = args.idempotencyKey == null ? null : parseInput(idempotencyKeySchema, args.idempotencyKey, 'idempotencyKey');
      const reads = context.reads();
      const { accountId, login } = context.session.identity;
      await runOnce(context.store.ephemeral, key && `${accountId}:takePromisePay:${key}`, () =>
        audited(context, { action: 'promise-pay', login, subject: offerId }, async () => {
          await context.limits.subscriberAction(accountId);
          await context.gateway.takePromisePay(reads.session, offerId);
          return true;
        }),
      );
      reads.invalidate();
      return reads.subscriber();
    }),
  },
};
