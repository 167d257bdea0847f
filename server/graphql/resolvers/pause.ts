import { pausePeriodSchema } from '../../../shared/validation.js';
import type { PausePeriod } from '../../domain/types.js';
import { requireCapability } from '../capability.js';
import { parseInput } from '../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';
import { serviceChange } from '../service-change.js';

export const pauseResolvers: Resolvers = {
  Mutation: {
    startPause: async (_parent, args, context) => {
      requireCapability(context, 'pause');
      const period: PausePeriod = parseInput(pausePeriodSchema, { from: args.from, to: args.to }, 'to');
      const keyArgs = { from: period.from, to: period.to ?? '' };
      const subject = `${period.from}..${period.to ?? ''}`;
      return serviceChange(context, { operation: 'startPause', audit: 'pause-start', args: keyArgs, subject, idempotencyKey: args.idempotencyKey }, (reads) =>
        context.gateway.startPause(reads.session, period),
      );
    },
    endPause: async (_parent, args, context) => {
      requireCapability(context, 'pause');
      return serviceChange(context, { operation: 'endPause', audit: 'pause-end', args: {}, subject: null, idempotencyKey: args.idempotencyKey }, (reads) =>
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
