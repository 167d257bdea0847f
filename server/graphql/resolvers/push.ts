import { pushAddressSchema, pushTokenSchema, webPushSubscriptionSchema } from '../../../shared/validation.js';
import { CabinetError } from '../../domain/errors.js';
import { endpointRefusal } from '../../push/endpoint-policy.js';
import { pushEndpointPolicy } from '../../push/setup.js';
import { MAX_PUSH_REGISTRATIONS_PER_ACCOUNT, type PushSaveOutcome } from '../../store/store.js';
import { z } from 'zod';
import { parseInput } from '../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';

const localeSchema = z.enum(['uk', 'ru', 'en']).nullish();

function refuseUnsaved(outcome: PushSaveOutcome): void {
  if (outcome === 'taken') throw new CabinetError('NOT_ALLOWED', 'This device already gets notifications for another account. Turn them off there first.');
  if (outcome === 'limit') {
    throw new CabinetError('NOT_ALLOWED', `Notifications are on for ${MAX_PUSH_REGISTRATIONS_PER_ACCOUNT} devices already. Turn them off on one you no longer use.`);
  }
}

export const pushResolvers: Resolvers = {
  Mutation: {
    registerPushSubscription: async (_parent, args, context) => {
      const subscription = parseInput(webPushSubscriptionSchema, args.subscription, 'subscription');
      const locale = parseInput(localeSchema, args.locale, 'locale') ?? null;
      // The BFF will POST to this URL: only a public push service, never an address of the ISP's network.
      if (endpointRefusal(subscription.endpoint, pushEndpointPolicy(context.config)) !== null) {
        throw new CabinetError('BAD_USER_INPUT', 'This browser’s push service is not supported.');
      }
      const { identity } = context.session;
      await context.limits.pushRegistration(identity.accountId);
      refuseUnsaved(
        await context.store.push.save({
          accountId: identity.accountId,
          login: identity.login,
          registration: { kind: 'webpush', endpoint: subscription.endpoint, keys: subscription.keys },
          locale,
        }),
      );
      return true;
    },

    registerPushToken: async (_parent, args, context) => {
      const token = parseInput(pushTokenSchema, args.token, 'token');
      const locale = parseInput(localeSchema, args.locale, 'locale') ?? null;
      const { identity } = context.session;
      await context.limits.pushRegistration(identity.accountId);
      refuseUnsaved(await context.store.push.save({ accountId: identity.accountId, login: identity.login, registration: { kind: 'native', token, platform: args.platform }, locale }));
      await context.gateway.registerPushToken(context.reads().session, token, args.platform);
      return true;
    },

    unregisterPush: async (_parent, args, context) => {
      const address = parseInput(pushAddressSchema, args.endpointOrToken, 'endpointOrToken');
      return context.store.push.remove(context.session.identity.accountId, address);
    },
  },
};
