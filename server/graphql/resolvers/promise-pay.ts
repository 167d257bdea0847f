import { billingIdSchema, idempotencyKeySchema } from '../../../shared/validation.js';
import { notSupported } from '../../domain/errors.js';
import { runOnce } from '../../domain/idempotency.js';
import type { Subscriber } from '../../domain/types.js';
import { signedIn } from '../auth-rules.js';
import { parseInput } from '../errors.js';

export const promisePayResolvers = {
  Mutation: {
    takePromisePay: signedIn(async (_parent, args: { offerId: string; idempotencyKey?: string | null }, context): Promise<Subscriber> => {
      if (!context.gateway.capabilities.promisePay) throw notSupported('Promised payment');
      const offerId = parseInput(billingIdSchema, args.offerId, 'offerId');
      const key = args.idempotencyKey == null ? null : parseInput(idempotencyKeySchema, args.idempotencyKey, 'idempotencyKey');
      const reads = context.reads();
      const scope = key && `${context.session.identity.accountId}:takePromisePay:${key}`;
      await runOnce(context.store.ephemeral, scope, async () => {
        await context.gateway.takePromisePay(reads.session, offerId);
        return true;
      });
      reads.invalidate();
      return reads.subscriber();
    }),
  },
};
