import { billingIdSchema, idempotencyKeySchema } from '../../../shared/validation.js';
import { runSubscriberAction } from '../../domain/subscriber-actions.js';
import type { Service } from '../../domain/types.js';
import { audited } from '../audit.js';
import { requireCapability } from '../capability.js';
import type { SignedIn } from '../context.js';
import { parseInput } from '../errors.js';
import type { MutationConnectServiceArgs, Resolvers } from '../resolvers-types.generated.js';

async function changeService(context: SignedIn, args: MutationConnectServiceArgs, connect: boolean): Promise<Service> {
  requireCapability(context, connect ? 'serviceConnect' : 'serviceDisconnect');
  const serviceId = parseInput(billingIdSchema, args.serviceId, 'serviceId');
  const key = args.idempotencyKey == null ? null : parseInput(idempotencyKeySchema, args.idempotencyKey, 'idempotencyKey');
  const reads = context.reads();
  const { accountId, login } = context.session.identity;
  const operation = connect ? 'connectService' : 'disconnectService';
  const service = await runSubscriberAction(context.store, { accountId, operation, args: { serviceId }, idempotencyKey: key }, () =>
    audited(context, { action: connect ? 'connect-service' : 'disconnect-service', login, subject: serviceId }, async () => {
      await context.limits.subscriberAction(accountId);
      return connect ? context.gateway.connectService(reads.session, serviceId) : context.gateway.disconnectService(reads.session, serviceId);
    }),
  );
  if (service.connected === connect) return { ...service, pending: false };
  await context.pendingServiceChanges.record(accountId, serviceId, connect);
  return { ...service, pending: true, canConnect: false, canDisconnect: false };
}

/** Both need a confirmed password (@passwordConfirmed in the contract): an address session confirms it first. */
export const servicesResolvers: Resolvers = {
  Mutation: {
    connectService: (_parent, args, context) => changeService(context, args, true),
    disconnectService: (_parent, args, context) => changeService(context, args, false),
  },
};
