import { setTimeout as sleep } from 'node:timers/promises';
import { loginSchema, newPasswordSchema, resetCodeSchema, ticketSchema } from '../../../shared/validation.js';
import { finishPasswordReset, startPasswordReset } from '../../auth/password-reset.js';
import { audited } from '../audit.js';
import { requireCapability } from '../capability.js';
import { parseInput } from '../errors.js';
import type { Resolvers } from '../resolvers-types.generated.js';

/**
 * A refused code answers no sooner than this: for a real account the billing is asked, for an
 * unknown one it is not, and the time of the answer must not tell them apart. Longer than Carbon's
 * or Ubilling's answer to a wrong code usually takes.
 */
export const REFUSED_RESET_MIN_MS = 1000;

export const passwordResetResolvers: Resolvers = {
  Mutation: {
    /** The channel is always UNKNOWN: naming SMS or e-mail would tell which logins exist. */
    requestPasswordReset: async (_parent, args, context) => {
      requireCapability(context, 'passwordReset');
      const login = parseInput(loginSchema, args.login, 'login');
      await audited(context, { action: 'password-reset-request', login }, () => context.limits.passwordResetRequest(login, context.clientAddress));
      return { ticket: await startPasswordReset(context, login), channel: 'UNKNOWN' };
    },

    confirmPasswordReset: async (_parent, args, context) => {
      requireCapability(context, 'passwordReset');
      const ticket = parseInput(ticketSchema, args.ticket, 'ticket');
      const code = parseInput(resetCodeSchema, args.code, 'code');
      const newPassword = parseInput(newPasswordSchema, args.newPassword, 'newPassword');
      const started = performance.now();
      const accountId = await finishPasswordReset(context, ticket, code, newPassword, (login, run) => audited(context, { action: 'password-reset', login }, run)).catch(
        async (error: unknown) => {
          await sleep(Math.max(0, REFUSED_RESET_MIN_MS - (performance.now() - started)));
          throw error;
        },
      );
      if (context.session?.identity.accountId === accountId) {
        context.session = null;
        context.setSessionCookie(context.sessions.clearCookie());
      }
      return true;
    },
  },
};
