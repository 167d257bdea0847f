import { createHash, randomBytes } from 'node:crypto';
import { loginSchema, newPasswordSchema, resetCodeSchema, ticketSchema } from '../../../shared/validation.js';
import { CabinetError, notSupported } from '../../domain/errors.js';
import type { PasswordResetStart, ResetChannel } from '../../domain/types.js';
import { audited } from '../audit.js';
import { open } from '../auth-rules.js';
import { parseInput } from '../errors.js';

interface ResetTicket {
  login: string;
  /** Null when the billing refused to send a code: the ticket then fails like a wrong code, so nobody learns which logins exist. */
  start: PasswordResetStart | null;
}

const TICKET_TTL_SECONDS = 15 * 60;
const MAX_CODE_TRIES = 5;

const ticketKey = (ticket: string) => `reset:${createHash('sha256').update(ticket).digest('hex')}`;
const expired = () => new CabinetError('NOT_ALLOWED', 'This reset request has expired or was used up. Please ask for a new code.');

export const passwordResetResolvers = {
  Mutation: {
    requestPasswordReset: open(async (_parent, args: { login: string }, context): Promise<{ ticket: string; channel: ResetChannel }> => {
      if (!context.gateway.capabilities.passwordReset) throw notSupported('Password reset');
      const login = parseInput(loginSchema, args.login, 'login');
      const start = await audited(context, { action: 'password-reset-request', login }, async (): Promise<PasswordResetStart | null> => {
        await context.limits.passwordResetRequest(login, context.clientAddress);
        try {
          return await context.gateway.requestPasswordReset(login);
        } catch (error) {
          if (error instanceof CabinetError && (error.code === 'NOT_ALLOWED' || error.code === 'INVALID_CREDENTIALS')) return null;
          throw error;
        }
      });
      const ticket = randomBytes(24).toString('base64url');
      const record: ResetTicket = { login, start };
      await context.store.ephemeral.set(ticketKey(ticket), record, TICKET_TTL_SECONDS);
      return { ticket, channel: start?.channel ?? 'UNKNOWN' };
    }),

    confirmPasswordReset: open(async (_parent, args: { ticket: string; code: string; newPassword: string }, context) => {
      if (!context.gateway.capabilities.passwordReset) throw notSupported('Password reset');
      const ticket = parseInput(ticketSchema, args.ticket, 'ticket');
      const code = parseInput(resetCodeSchema, args.code, 'code');
      const newPassword = parseInput(newPasswordSchema, args.newPassword, 'newPassword');
      const key = ticketKey(ticket);
      const record = await context.store.ephemeral.get<ResetTicket>(key);
      if (!record) throw expired();
      const tries = await context.store.ephemeral.increment(`${key}:tries`, TICKET_TTL_SECONDS);
      if (tries > MAX_CODE_TRIES) {
        await context.store.ephemeral.delete(key);
        throw expired();
      }
      const start = record.start;
      await audited(context, { action: 'password-reset', login: record.login }, async () => {
        if (!start) throw new CabinetError('NOT_ALLOWED', 'The code is not right. Please check it and try again.');
        await context.gateway.confirmPasswordReset(start, code.toUpperCase(), newPassword);
      });
      await context.store.ephemeral.delete(key);
      await context.sessions.closeAllOf(record.login);
      if (context.session?.identity.login === record.login) {
        context.session = null;
        context.setSessionCookie(context.sessions.clearCookie());
      }
      return true;
    }),
  },
};
