import { pushAddressSchema, pushTokenSchema, webPushSubscriptionSchema } from '../../../shared/validation.js';
import type { PushPlatform } from '../../domain/types.js';
import { signedIn } from '../auth-rules.js';
import { parseInput } from '../errors.js';
import { z } from 'zod';

type WebPushArgs = { subscription: { endpoint: string; keys: { p256dh: string; auth: string } }; locale?: string | null };

const localeSchema = z.enum(['uk', 'ru', 'en']).nullish();

export const pushResolvers = {
  Mutation: {
    registerPushSubscription: signedIn(async (_parent, args: WebPushArgs, context) => {
      const subscription = parseInput(webPushSubscriptionSchema, args.subscription, 'subscription');
      const { identity } = context.session;
      await context.store.push.save({
        accountId: identity.accountId,
        login: identity.login,
        registration: { kind: 'webpush', endpoint: subscription.endpoint, keys: subscription.keys },
        locale: parseInput(localeSchema, args.locale, 'locale') ?? null,
      });
      return true;
    }),

    registerPushToken: signedIn(async (_parent, args: { token: string; platform: PushPlatform; locale?: string | null }, context) => {
      const token = parseInput(pushTokenSchema, args.token, 'token');
      const locale = parseInput(localeSchema, args.locale, 'locale') ?? null;
      const { identity } = context.session;
      await context.store.push.save({ accountId: identity.accountId, login: identity.login, registration: { kind: 'native', token, platform: args.platform }, locale });
      await context.gateway.registerPushToken(context.reads().session, token, args.platform);
      return true;
    }),

    unregisterPush: signedIn(async (_parent, args: { endpointOrToken: string }, context) => {
      const address = parseInput(pushAddressSchema, args.endpointOrToken, 'endpointOrToken');
      return context.store.push.remove(context.session.identity.accountId, address);
    }),
  },
};
