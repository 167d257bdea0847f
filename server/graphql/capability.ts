import { notSupported } from '../domain/errors.js';
import type { Capabilities } from '../domain/types.js';
import type { GraphQLContext } from './context.js';

/** How a NOT_SUPPORTED error names the call refused, for each capability a mutation needs. */
const ACTIONS = {
  autoLogin: 'Automatic sign-in',
  passwordReset: 'Password reset',
  promisePay: 'Promised payment',
  serviceConnect: 'Connecting services',
  serviceDisconnect: 'Disconnecting services',
  tickets: 'Support conversations',
  pause: 'Pausing the service',
  tariffChange: 'Changing the tariff',
} as const satisfies Partial<Record<keyof Capabilities, string>>;

/** Refuses, as NOT_SUPPORTED, a call the billing behind this cabinet cannot make. */
export function requireCapability(context: Pick<GraphQLContext, 'gateway'>, capability: keyof typeof ACTIONS): void {
  if (!context.gateway.capabilities[capability]) throw notSupported(ACTIONS[capability]);
}
