import { loginSchema, passwordSchema } from '../../../shared/validation.js';
import { contains } from '../../auth/client-address.js';
import type { SignInMethod } from '../../auth/sessions.js';
import { CabinetError, notSupported } from '../../domain/errors.js';
import type { BillingIdentity, Subscriber } from '../../domain/types.js';
import { open } from '../auth-rules.js';
import type { GraphQLContext } from '../context.js';
import { parseInput } from '../errors.js';

/** A fresh session id at every sign-in, so an id planted before sign-in is worthless after it. */
async function signIn(context: GraphQLContext, identity: BillingIdentity, via: SignInMethod): Promise<{ subscriber: Subscriber }> {
  if (context.session) await context.sessions.close(context.session.id);
  const session = await context.sessions.open(identity, via);
  context.session = session;
  context.setSessionCookie(context.sessions.setCookie(session.id));
  return { subscriber: await context.reads().subscriber() };
}

export const authResolvers = {
  Mutation: {
    login: open(async (_parent, args: { login: string; password: string }, context) => {
      const login = parseInput(loginSchema, args.login, 'login');
      const password = parseInput(passwordSchema, args.password, 'password');
      const identity = await context.gateway.login(login, password);
      return signIn(context, identity, 'password');
    }),

    autoLogin: open(async (_parent, _args, context) => {
      if (!context.gateway.capabilities.autoLogin) throw notSupported('Automatic sign-in');
      if (!contains(context.autoLoginNetworks, context.clientAddress)) {
        throw new CabinetError('NOT_ALLOWED', "Automatic sign-in works only when you are connected to your provider's network.");
      }
      const identity = await context.gateway.autoLogin(context.clientAddress);
      if (!identity) throw new CabinetError('NOT_ALLOWED', 'We could not recognise your connection. Please sign in with your login and password.');
      return signIn(context, identity, 'address');
    }),

    logout: open(async (_parent, _args, context) => {
      if (context.session) await context.sessions.close(context.session.id);
      context.session = null;
      context.setSessionCookie(context.sessions.clearCookie());
      return true;
    }),
  },
};
