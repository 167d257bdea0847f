import type { SubscriberSession } from '../../server/domain/gateway.js';
import type { BillingIdentity } from '../../server/domain/types.js';

/**
 * A BFF session as an adapter test needs it: it lives across many gateway calls (each its own
 * "request"), so nothing is shared between reads, and it keeps what `renew` hands it.
 */
export function billingSession(identity: BillingIdentity, onRenew: (identity: BillingIdentity) => unknown = () => undefined): SubscriberSession {
  const session: SubscriberSession = {
    identity,
    async renew(next) {
      (session as { identity: BillingIdentity }).identity = next;
      await onRenew(next);
    },
    once: (_key, read) => read(),
    forget: () => undefined,
  };
  return session;
}
