import { loginSchema, passwordSchema } from '../../../shared/validation.js';
import { contains } from '../../auth/client-address.js';
import type { SignInMethod } from '../../auth/sessions.js';
import { CabinetError } from '../../domain/errors.js';
import type { BillingIdentity, Subscriber } from '../../domain/types.js';
import { audited } from '../audit.js';
import { requireCapability } from '../capability.js';
import type { GraphQLContext } from '../context.js';
import { parseInput } from '../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';

/**
 * A fresh session id at every sign-in, so an id planted before sign-in is worthless after it. The
 * typed password is kept only as a fingerprint, and only for a billing that asks for one.
 */
async function signIn(context: GraphQLContext, identity: BillingIdentity, via: SignInMethod, password?: string): Promise<{ subscriber: Subscriber }> {
  if (context.session) await context.sessions.close(context.session.id);
  const session = await context.sessions.open(identity, via, context.gateway.keepsPasswordFingerprint ? password : undefined);
  context.session = session;
  context.setSessionCookie(context.sessions.setCookie(session.id));
  return { subscriber: await context.reads().subscriber() };
}

export const authResolvers: Resolvers = {
  Mutation: {
    login: async (_parent, args, context) => {
      const login = parseInput(loginSchema, args.login, 'login');
      const password = parseInput(passwordSchema, args.password, 'password');
      return audited(context, { action: 'sign-in', login }, async () => {
        await context.limits.signInAttempt(login, context.clientAddress);
        const identity = await context.gateway.login(login, password);
        await context.limits.signInSucceeded(login, context.clientAddress);
        return signIn(context, identity, 'password', password);
      });
    },

    autoLogin: async (_parent, _args, context) => {
      requireCapability(context, 'autoLogin');
      return audited(context, { action: 'auto-sign-in', login: null }, async () => {
        if (!contains(context.autoLoginNetworks, context.clientAddress)) {
          throw new CabinetError('NOT_ALLOWED', "Automatic sign-in works only when you are connected to your provider's network.");
        }
        await context.limits.autoLoginAttempt(context.clientAddress);
        const identity = await context.gateway.autoLogin(context.clientAddress);
        if (!identity) throw new CabinetError('NOT_ALLOWED', 'We could not recognise your connection. Please sign in with your login and password.');
        return signIn(context, identity, 'address');
      });
    },

    /**
     * Step-up: a session opened by address may read and take a promised payment; before it changes
     * services the subscriber proves who they are with the password, counted like any sign-in.
     */
    confirmPassword: async (_parent, args, context) => {
      const password = parseInput(passwordSchema, args.password, 'password');
      const { login } = context.session.identity;
      return audited(context, { action: 'password-confirm', login }, async () => {
        await context.limits.signInAttempt(login, context.clientAddress);
        const identity = await context.gateway.login(login, password);
        await context.limits.signInSucceeded(login, context.clientAddress);
        await signIn(context, identity, 'password', password);
        return true;
      });
    },

    logout: async (_parent, _args, context) => {
      const session = context.session;
      if (session) {
        await audited(context, { action: 'sign-out', login: session.identity.login }, () => context.sessions.close(session.id));
      }
      context.session = null;
      context.setSessionCookie(context.sessions.clearCookie());
      return true;
    },
  },
};
