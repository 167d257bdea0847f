import type { Subscriber } from '../../domain/types.js';
import { open } from '../auth-rules.js';
import type { GraphQLContext } from '../context.js';

export const subscriberResolvers = {
  Query: {
    me: open(async (_parent, _args, context): Promise<Subscriber | null> => (context.session ? context.reads().subscriber() : null)),
  },
  Subscriber: {
    spends: (_parent: Subscriber, _args: unknown, context: GraphQLContext) => context.reads().spends(),
    services: (_parent: Subscriber, _args: unknown, context: GraphQLContext) => context.reads().services(),
    promisePay: (_parent: Subscriber, _args: unknown, context: GraphQLContext) => context.reads().promisePay(),
    payments: (_parent: Subscriber, _args: unknown, context: GraphQLContext) => context.reads().payments(),
  },
};
