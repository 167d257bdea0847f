import type { Cabinet } from './cabinet-state.js';

type Capabilities = Cabinet['capabilities'];

/**
 * Every screen of a signed-in subscriber and when the billing lets it show: one list for the router,
 * the bottom bar and More, so an entry appears exactly when its screen can open.
 */
const SIGNED_IN_SCREENS: Record<string, (capabilities: Capabilities) => boolean> = {
  '/': () => true,
  // Every billing can be credited; without a way to pay configured, the screen says how else to pay.
  '/top-up': () => true,
  '/services': (capabilities) => capabilities.services,
  '/promise-pay': (capabilities) => capabilities.promisePay,
  '/payments': (capabilities) => capabilities.payments,
  // Where the money went; on a billing that lists no charges it still shows the payments and says why.
  '/history': (capabilities) => capabilities.charges || capabilities.payments,
  '/connection': () => true,
  '/more': () => true,
  '/support': (capabilities) => capabilities.tickets,
  '/notices': (capabilities) => capabilities.announcements,
  '/pause': (capabilities) => capabilities.pause,
  '/tariff': (capabilities) => capabilities.tariffChange,
  '/profile': (capabilities) => capabilities.passwordChange || capabilities.contactsChange,
};

/** A path is a screen only once it is listed above; the bar leaves out what is not there yet (say, /top-up). */
export function screenShown(path: string, capabilities: Capabilities): boolean {
  return SIGNED_IN_SCREENS[path]?.(capabilities) ?? false;
}
