import { contactsChangeSchema, newPasswordSchema, passwordSchema } from '../../../shared/validation.js';
import { CabinetError, notSupported } from '../../domain/errors.js';
import { RequestSession } from '../../domain/gateway.js';
import { runSubscriberAction } from '../../domain/subscriber-actions.js';
import { audited } from '../audit.js';
import { parseInput } from '../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';

/**
 * The subscriber's own password and contacts. Neither password is ever logged, audited or echoed:
 * the audit log says who changed it and from where, never to what.
 */
export const profileResolvers: Resolvers = {
  Mutation: {
    /**
     * The current password is checked with the billing's own sign-in, counted like one, so a
     * session left open on someone else's phone cannot take the account over. Then every session of
     * the account ends, and this client goes on with a new one.
     */
    changePassword: async (_parent, args, context) => {
      const { gateway } = context;
      if (!gateway.capabilities.passwordChange || !gateway.changePassword) throw notSupported('Changing the password');
      const current = parseInput(passwordSchema, args.current, 'current');
      const newPassword = parseInput(newPasswordSchema, args.newPassword, 'newPassword');
      if (newPassword === current) throw new CabinetError('BAD_USER_INPUT', 'newPassword: The new password is the same as the current one');
      const session = context.session;
      const { accountId, login } = session.identity;
      await runSubscriberAction(context.store, { accountId, operation: 'changePassword', args: {}, idempotencyKey: null }, () =>
        audited(context, { action: 'password-change', login }, async () => {
          await context.limits.signInAttempt(login, context.clientAddress);
          const proven = await context.gateway.login(login, current);
          await context.limits.signInSucceeded(login, context.clientAddress);
          if (proven.accountId !== accountId) throw new CabinetError('INVALID_CREDENTIALS', 'Wrong login or password');
          const identity = await gateway.changePassword!(new RequestSession(proven), newPassword);
          const fresh = await context.sessions.replaceAllOf(session, identity, context.gateway.keepsPasswordFingerprint ? newPassword : undefined);
          context.session = fresh;
          context.setSessionCookie(context.sessions.setCookie(fresh.id));
        }),
      );
      return true;
    },

    updateContacts: async (_parent, args, context) => {
      const { gateway } = context;
      if (!gateway.capabilities.contactsChange || !gateway.updateContacts) throw notSupported('Changing contacts');
      const contacts = parseInput(contactsChangeSchema, { phone: args.phone, email: args.email }, 'contacts');
      const reads = context.reads();
      const { accountId, login } = context.session.identity;
      await runSubscriberAction(context.store, { accountId, operation: 'updateContacts', args: {}, idempotencyKey: null }, () =>
        audited(context, { action: 'contacts-change', login, subject: [contacts.phone && 'phone', contacts.email && 'email'].filter(Boolean).join('+') }, async () => {
          await context.limits.subscriberAction(accountId);
          await gateway.updateContacts!(reads.session, contacts);
        }),
      );
      return reads.subscriber();
    },
  },
};
