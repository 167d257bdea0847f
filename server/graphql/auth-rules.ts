import type { GraphQLResolveInfo, GraphQLSchema } from 'graphql';
import type { Session } from '../auth/sessions.js';
import type { GraphQLContext } from './context.js';
import { unauthenticated } from './errors.js';

/**
 * Every root field declares who may call it, Redwood style: `open` (anyone) or `signedIn` (a live
 * session). Building the schema fails if a root field has no rule, so a new field cannot ship
 * unprotected by omission.
 */
export type AuthRule = 'open' | 'signedIn';

const RULE = Symbol('authRule');

type Resolver<TArgs, TResult, TContext> = (parent: unknown, args: TArgs, context: TContext, info: GraphQLResolveInfo) => TResult;
type Tagged = { [RULE]?: AuthRule };

export type SignedInContext = GraphQLContext & { session: Session };

export function open<TArgs, TResult>(resolve: Resolver<TArgs, TResult, GraphQLContext>): Resolver<TArgs, TResult, GraphQLContext> {
  return Object.assign(resolve, { [RULE]: 'open' as const });
}

export function signedIn<TArgs, TResult>(
  resolve: Resolver<TArgs, Promise<TResult> | TResult, SignedInContext>,
): Resolver<TArgs, Promise<TResult>, GraphQLContext> {
  const guarded = async (parent: unknown, args: TArgs, context: GraphQLContext, info: GraphQLResolveInfo) => {
    if (!context.session) throw unauthenticated();
    return resolve(parent, args, context as SignedInContext, info);
  };
  return Object.assign(guarded, { [RULE]: 'signedIn' as const });
}

export function authRuleOf(resolver: unknown): AuthRule | undefined {
  return typeof resolver === 'function' ? (resolver as Tagged)[RULE] : undefined;
}

/** Root fields of the schema without a rule in the resolver map, as "Type.field". */
export function rootFieldsWithoutRule(schema: GraphQLSchema, resolvers: Record<string, object>): string[] {
  const missing: string[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!root) continue;
    for (const field of Object.keys(root.getFields())) {
      if (!authRuleOf((resolvers[root.name] as Record<string, unknown> | undefined)?.[field])) missing.push(`${root.name}.${field}`);
    }
  }
  return missing;
}
