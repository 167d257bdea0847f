import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { CabinetError } from '../domain/errors.js';
import type { BillingGateway } from '../domain/gateway.js';
import type { PasswordResetStart } from '../domain/types.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { AbuseLimits } from './abuse-limits.js';
import type { SessionManager } from './sessions.js';

export interface PasswordResetParts {
  gateway: BillingGateway;
  store: Store;
  limits: AbuseLimits;
  sessions: SessionManager;
  logger: Logger;
}

/**
 * `start` is absent while the billing is still asked, null when no code was sent (no such login,
 * no phone or e-mail, the account's limit reached): the ticket then fails like a wrong code.
 */
interface ResetTicket {
  typed: string;
  start?: PasswordResetStart | null;
}

const TICKET_TTL_SECONDS = 15 * 60;
const MAX_CODE_TRIES = 5;
/** Which account a typed login or e-mail reached, so both count as one for the account's limit. */
const ACCOUNT_OF_TTL_SECONDS = 60 * 60;
const SENDING_WAIT_MS = 15_000;
const SENDING_POLL_MS = 100;

const ticketKey = (ticket: string) => `reset:${createHash('sha256').update(ticket).digest('hex')}`;
const accountOfKey = (typed: string) => `reset-account-of:${createHash('sha256').update(typed.toLowerCase()).digest('hex')}`;
const expired = () => new CabinetError('NOT_ALLOWED', 'This reset request has expired or was used up. Please ask for a new code.');
const wrongCode = () => new CabinetError('NOT_ALLOWED', 'The code is not right. Please check it and try again.');

/**
 * Asks the billing for a code in the background and answers at once with a ticket, so neither the
 * answer nor its time says whether the login exists: a real login, an unknown one and one whose
 * account used up its limit all get the same ticket in the same time, and their codes fail alike.
 * Call after the visible limits (per address, per typed text) were taken.
 */
export async function startPasswordReset(parts: PasswordResetParts, typed: string): Promise<string> {
  const ticket = randomBytes(24).toString('base64url');
  const key = ticketKey(ticket);
  await parts.store.ephemeral.set(key, { typed } satisfies ResetTicket, TICKET_TTL_SECONDS);
  // Recording the billing's answer can fail too (the store went away meanwhile): caught with the rest.
  void sendCode(parts, typed)
    .then((start) => parts.store.ephemeral.set(key, { typed, start } satisfies ResetTicket, TICKET_TTL_SECONDS))
    .catch((error: unknown) => parts.logger.error({ err: error }, 'password reset: the request could not be recorded'));
  return ticket;
}

async function sendCode(parts: PasswordResetParts, typed: string): Promise<PasswordResetStart | null> {
  const knownAccount = await parts.store.ephemeral.get<string>(accountOfKey(typed));
  if (knownAccount !== null && !(await parts.limits.passwordResetForAccount(knownAccount))) return null;
  let start: PasswordResetStart;
  try {
    start = await parts.gateway.requestPasswordReset(typed);
  } catch (error) {
    if (!(error instanceof CabinetError && (error.code === 'NOT_ALLOWED' || error.code === 'INVALID_CREDENTIALS'))) {
      parts.logger.warn({ code: error instanceof CabinetError ? error.code : undefined, detail: error instanceof CabinetError ? error.detail : undefined }, 'password reset: the billing did not send a code');
    }
    return null;
  }
  if (knownAccount === null) {
    await parts.store.ephemeral.set(accountOfKey(typed), start.accountId, ACCOUNT_OF_TTL_SECONDS);
    await parts.limits.passwordResetForAccount(start.accountId);
  }
  return start;
}

/**
 * Sets the new password with the code. A wrong code gets the same answer whether the account
 * exists or not. On success every session of the account ends, on every device, and its push
 * registrations lose their trust; returns the account whose password changed.
 */
export async function finishPasswordReset(parts: PasswordResetParts, ticket: string, code: string, newPassword: string, audit: (typed: string, run: () => Promise<void>) => Promise<void>): Promise<string> {
  const key = ticketKey(ticket);
  let record = await parts.store.ephemeral.get<ResetTicket>(key);
  if (!record) throw expired();
  const tries = await parts.store.ephemeral.increment(`${key}:tries`, TICKET_TTL_SECONDS);
  if (tries > MAX_CODE_TRIES) {
    await parts.store.ephemeral.delete(key);
    throw expired();
  }
  for (let waited = 0; record && record.start === undefined && waited < SENDING_WAIT_MS; waited += SENDING_POLL_MS) {
    await sleep(SENDING_POLL_MS);
    record = await parts.store.ephemeral.get<ResetTicket>(key);
  }
  if (!record) throw expired();
  const start = record.start ?? null;
  await audit(record.typed, async () => {
    if (!start) throw wrongCode();
    try {
      await parts.gateway.confirmPasswordReset(start, code.toUpperCase(), newPassword);
    } catch (error) {
      if (error instanceof CabinetError && error.code === 'NOT_ALLOWED') throw wrongCode();
      throw error;
    }
  });
  await parts.store.ephemeral.delete(key);
  await parts.sessions.closeAllOf(start!.accountId);
  await parts.store.push.removeAllOf(start!.accountId);
  return start!.accountId;
}
