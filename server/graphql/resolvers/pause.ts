import { idempotencyKeySchema, pausePeriodSchema } from '../../../shared/validation.js';
import { notSupported } from '../../domain/errors.js';
import { runSubscriberAction, type SubscriberOperation } from '../../domain/subscriber-actions.js';
import type { PausePeriod, Subscriber } from '../../domain/types.js';
import type { AuditAction } from '../../store/store.js';
import { audited } from '../audit.js';
import type { GraphQLContext, SignedIn } from '../context.js';
import { parseInput } from '../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';

function requirePause(context: GraphQLContext): void {
  if (!context.gateway.capabilities.pause) throw notSupported('Pausing the service');
}

/**
 * Starting or ending a pause changes the service and may cost money: once per key, under the
 * subscriber's lock (the adapter reads the billing's rules again inside it), audited, never retried.
 */
async function pauseAction(
  context: SignedIn,
  action: { operation: SubscriberOperation; audit: AuditAction; args: Record<string, string>; idempotencyKey: string },
  run: (reads: ReturnType<GraphQLContext['reads']>) => Promise<void>,
): Promise<Subscriber> {
  const idempotencyKey = parseInput(idempotencyKeySchema, action.idempotencyKey, 'idempotencyKey');
  const reads = context.reads();
  const { accountId, login } = context.session.identity;
  const subject = Object.values(action.args).join('..') || null;
  await runSubscriberAction(context.store, { accountId, operation: action.operation, args: action.args, idempotencyKey }, () =>
    audited(context, { action: action.audit, login, subject }, async () => {
      await context.limits.subscriberAction(accountId);
      await run(reads);
      return true;
    }),
  );
  return reads.subscriber();
}

export const pauseResolvers: Resolvers = {
  Mutation: {
    startPause: async (_parent, args, context) => {
      requirePause(context);
      const period: PausePeriod = parseInput(pausePeriodSchema, { from: args.from, to: args.to }, 'to');
      const keyArgs = { from: period.from, to: period.to ?? '' };
      return pauseAction(context, { operation: 'startPause', audit: 'pause-start', args: keyArgs, idempotencyKey: args.idempotencyKey }, (reads) =>
        context.gateway.startPause(reads.session, period),
      );
    },
    endPause: async (_parent, args, context) => {
      requirePause(context);
      return pauseAction(context, { operation: 'endPause', audit: 'pause-end', args: {}, idempotencyKey: args.idempotencyKey }, (reads) =>
        context.gateway.endPause(reads.session),
      );
    },
  },
  Subscriber: {
    pause: (_parent, _args, context) => {
      if (!context.gateway.capabilities.pause) return null;
      const { session } = context.reads();
      return session.once('pause', () => context.gateway.getPause(session));
    },
  },
};
