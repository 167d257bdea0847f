import type { Plugin } from 'graphql-yoga';
import { CabinetError } from '../domain/errors.js';
import type { BillingGateway } from '../domain/gateway.js';
import { subscriberSession } from '../graphql/context.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import type { Session, SessionManager } from './sessions.js';

export interface SessionCheckParts {
  sessions: SessionManager;
  gateway: BillingGateway;
  store: Store;
  logger: Logger;
}

/**
 * The session, or null when the billing no longer accepts what it was opened with. Every
 * RECHECK_INTERVAL_MS of use the billing is asked (`verifySession`: on Carbon 5 whether the account's
 * password is still the one signed in with, or for a session opened by address whether its suid still
 * answers); a billing that does not answer leaves the session as it is, since nothing can be read
 * through it meanwhile anyway.
 */
export async function stillValid(parts: SessionCheckParts, session: Session): Promise<Session | null> {
  if (!parts.sessions.recheckDue(session)) return session;
  let valid: boolean;
  try {
    valid = await parts.gateway.verifySession(subscriberSession(parts.sessions, session));
  } catch (error) {
    if (!(error instanceof CabinetError && error.code === 'UNAUTHENTICATED')) {
      parts.logger.warn({ code: error instanceof CabinetError ? error.code : undefined, detail: error instanceof CabinetError ? error.detail : undefined }, 'session re-check not answered');
      return session;
    }
    valid = false;
  }
  if (valid) {
    await parts.sessions.markVerified(session);
    return session;
  }
  await endRefusedSession(parts, session);
  return null;
}

/**
 * Ends a session the billing refused (its password was changed, its billing session ended), and
 * withdraws the trust of the account's push registrations: a device that held the old password
 * stops receiving the account's messages until it signs in again.
 */
export async function endRefusedSession(parts: Pick<SessionCheckParts, 'sessions' | 'store'>, session: Session): Promise<void> {
  await parts.sessions.close(session.id);
  await parts.store.push.removeAllOf(session.identity.accountId);
}

interface WithSession {
  session: Session | null;
  setSessionCookie(value: string): void;
}

/** A billing that answers UNAUTHENTICATED in the middle of a request ends the session there and then. */
export function useEndRefusedSessions(parts: SessionCheckParts): Plugin {
  return {
    onExecute() {
      return {
        async onExecuteDone({ args, result }) {
          const context = args.contextValue as Partial<WithSession>;
          const session = context.session;
          if (!session || !('errors' in result) || !result.errors) return;
          const refused = result.errors.some((error) => {
            const original: unknown = error.originalError;
            return original instanceof CabinetError ? original.code === 'UNAUTHENTICATED' : error.extensions?.code === 'UNAUTHENTICATED';
          });
          if (!refused) return;
          await endRefusedSession(parts, session);
          context.setSessionCookie?.(parts.sessions.clearCookie());
        },
      };
    },
  };
}
