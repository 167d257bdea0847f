import { pushAddressSchema, pushTokenSchema, webPushSubscriptionSchema } from '../../../shared/validation.js';
import type { PushPlatform } from '../../domain/types.js';
import { signedIn } from '../auth-rules.js';
import { parseInput } from '../errors.js';

type WebPushArgs = { subscription: { endpoint: string; keys: { p256dh: string; auth: string } } };

export const pushResolvers = {
  Mutation: {
    registerPushSubscription: signedIn(async (_parent, args: WebPushArgs, context) => {
      const subscription = parseInput(webPushSubscriptionSchema, args.subscription, 'subscription');
      const { identity } = context.session;
      await context.store.push.save({
        accountId: identity.accountId,
        login: identity.login,
        registration: { kind: 'webpush', endpoint: subscription.endpoint, keys: subscription.keys },
        locale: null,
      });
      return true;
    }),

    registerPushToken: signedIn(async (_parent, args: { token: string; platform: PushPlatform }, context) => {
      const token = parseInput(pushTokenSchema, args.token, 'token');
      const { identity } = context.session;
      await context.store.push.save({ accountId: identity.accountId, login: identity.login, registration: { kind: 'native', token, platform: args.platform }, locale: null });
      await context.gateway.registerPushToken(context.reads().session, token, args.platform);
      return true;
    }),

    unregisterPush: signedIn(async (_parent, args: { endpointOrToken: string }, context) => {
      const address = parseInput(pushAddressSchema, args.endpointOrToken, 'endpointOrToken');
      return context.store.push.remove(context.session.identity.accountId, address);
    }),
  },
};
