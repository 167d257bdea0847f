import { idempotencyKeySchema } from '../../shared/validation.js';
import { runSubscriberAction, type SubscriberOperation } from '../domain/subscriber-actions.js';
import type { Subscriber } from '../domain/types.js';
import type { AuditAction } from '../store/store.js';
import { audited } from './audit.js';
import type { GraphQLContext, SignedIn } from './context.js';
import { parseInput } from './errors.js';

/**
 * A change to the subscriber's service that may cost money (a pause, a tariff change): once per key
 * (bound to `args`), under the subscriber's lock (the adapter reads the billing's rules again inside
 * it), counted against the subscriber's changes, audited, never retried. Answers with the subscriber
 * as the billing shows them after it.
 */
export async function serviceChange(
  context: SignedIn,
  change: { operation: SubscriberOperation; audit: AuditAction; args: Record<string, string>; subject: string | null; idempotencyKey: string },
  run: (reads: ReturnType<GraphQLContext['reads']>) => Promise<void>,
): Promise<Subscriber> {
  const idempotencyKey = parseInput(idempotencyKeySchema, change.idempotencyKey, 'idempotencyKey');
  const reads = context.reads();
  const { accountId, login } = context.session.identity;
  await runSubscriberAction(context.store, { accountId, operation: change.operation, args: change.args, idempotencyKey }, () =>
    audited(context, { action: change.audit, login, subject: change.subject }, async () => {
      await context.limits.subscriberAction(accountId);
      await run(reads);
      return true;
    }),
  );
  return reads.subscriber();
}
