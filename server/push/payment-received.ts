import type { Money } from '../../shared/money.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { paymentReceivedMessage } from './messages.js';
import { deliverTo } from './notifier.js';
import type { WebPushSender } from './web-push-sender.js';

export interface CreditedTopUp {
  id: string;
  accountId: string;
  amount: Money;
}

/**
 * Tells the subscriber's devices that a top-up was credited. It is called once per top-up, right
 * after the ledger records CREDITED; it does not wait for the push services and never throws, so
 * a push service that is slow or down cannot hold up or undo a crediting: a failure is only logged.
 */
export function paymentReceivedAnnouncer(deps: { store: Pick<Store, 'push'>; sender: WebPushSender; logger: Logger }): (topUp: CreditedTopUp) => void {
  return (topUp) => {
    deliverTo(deps.store, deps.sender, topUp.accountId, (locale) => paymentReceivedMessage(topUp, locale)).then(
      (delivery) => {
        if (delivery.failed > 0) deps.logger.warn({ orderId: topUp.id, ...delivery }, 'payment received push not delivered to every device');
      },
      (error: unknown) => deps.logger.warn({ err: error, orderId: topUp.id }, 'payment received push not sent'),
    );
  };
}
