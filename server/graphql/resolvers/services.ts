import { billingIdSchema, idempotencyKeySchema } from '../../../shared/validation.js';
import { CabinetError, notSupported } from '../../domain/errors.js';
import { runOnce } from '../../domain/idempotency.js';
import type { Service } from '../../domain/types.js';
import { audited } from '../audit.js';
import { signedIn, type SignedInContext } from '../auth-rules.js';
import { parseInput } from '../errors.js';

type ServiceArgs = { serviceId: string; idempotencyKey?: string | null };

async function changeService(context: SignedInContext, args: ServiceArgs, connect: boolean): Promise<Service> {
  const { capabilities } = context.gateway;
  if (!(connect ? capabilities.serviceConnect : capabilities.serviceDisconnect)) {
    throw notSupported(connect ? 'Connecting services' : 'Disconnecting services');
  }
  const serviceId = parseInput(billingIdSchema, args.serviceId, 'serviceId');
  const key = args.idempotencyKey == null ? null : parseInput(idempotencyKeySchema, args.idempotencyKey, 'idempotencyKey');
  if (context.session.via === 'address') {
    throw new CabinetError('NOT_ALLOWED', 'Please confirm your password to change services.', { reason: 'PASSWORD_REQUIRED' });
  }
  const reads = context.reads();
  const { accountId, login } = context.session.identity;
  const operation = connect ? 'connectService' : 'disconnectService';
  const service = await runOnce(context.store.ephemeral, key && `${accountId}:${operation}:${key}`, () =>
    audited(context, { action: connect ? 'connect-service' : 'disconnect-service', login, subject: serviceId }, async () => {
      await context.limits.subscriberAction(accountId);
      return connect ? context.gateway.connectService(reads.session, serviceId) : context.gateway.disconnectService(reads.session, serviceId);
    }),
  );
  reads.invalidate();
  if (service.connected === connect) return { ...service, pending: false };
  await context.pendingServiceChanges.record(accountId, serviceId, connect);
  return { ...service, pending: true, canConnect: false, canDisconnect: false };
}

export const servicesResolvers = {
  Mutation: {
    connectService: signedIn((_parent, args: ServiceArgs, context) => changeService(context, args, true)),
    disconnectService: signedIn((_parent, args: ServiceArgs, context) => changeService(context, args, false)),
  },
};
