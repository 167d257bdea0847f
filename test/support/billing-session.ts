import type { SignInPasswordCheck, SubscriberSession } from '../../server/domain/gateway.js';
import type { BillingIdentity } from '../../server/domain/types.js';

/**
 * A BFF session as an adapter test needs it: it lives across many gateway calls (each its own
 * "request"), so nothing is shared between reads, and it keeps what `renew` hands it. With a
 * `signInPassword` it is a session opened with that password (a plain comparison: the test's own).
 */
export function billingSession(
  identity: BillingIdentity,
  onRenew: (identity: BillingIdentity) => unknown = () => undefined,
  signInPassword?: string,
): SubscriberSession {
  const check: SignInPasswordCheck | undefined = signInPassword === undefined ? undefined : { matches: async (password) => password === signInPassword };
  const session: SubscriberSession = {
    identity,
    ...(check ? { signInPassword: check } : {}),
    async renew(next) {
      (session as { identity: BillingIdentity }).identity = next;
      await onRenew(next);
    },
    once: (_key, read) => read(),
    write: (run) => run(),
  };
  return session;
}
