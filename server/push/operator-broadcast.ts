import type { Config } from '../config.js';
import type { Store } from '../store/store.js';
import type { PushMessage } from '../../shared/push.js';
import { deliverTo, forEachAtOnce, type Delivery } from './notifier.js';
import { pushEndpointPolicy, vapidKeys } from './setup.js';
import { WebPushSender } from './web-push-sender.js';

/** Subscribers sent to at once: one whose devices' push service is slow holds one of these. */
const SUBSCRIBERS_AT_ONCE = 8;

/**
 * Runs `send` with the sender an operator's command uses (the cabinet's VAPID keys, the ISP's
 * contact as the push subject, the same push-service policy as the running cabinet), then closes it.
 */
export async function withOperatorSender<T>(config: Config, store: Store, send: (sender: WebPushSender) => Promise<T>): Promise<T> {
  const keys = await vapidKeys(config, store);
  const sender = new WebPushSender({ ...keys, subject: config.VAPID_SUBJECT ?? `mailto:${config.CABINET_SUPPORT_EMAIL ?? 'noc@localhost'}` }, pushEndpointPolicy(config));
  try {
    return await send(sender);
  } finally {
    sender.close();
  }
}

/** One message to every device of each account, a few subscribers at a time, counted by outcome. */
export async function broadcast(store: Store, sender: WebPushSender, accountIds: readonly string[], message: PushMessage): Promise<Delivery> {
  const report: Delivery = { sent: 0, removed: 0, failed: 0 };
  await forEachAtOnce(accountIds, SUBSCRIBERS_AT_ONCE, () => false, async (accountId) => {
    const delivery = await deliverTo(store, sender, accountId, () => message);
    report.sent += delivery.sent;
    report.removed += delivery.removed;
    report.failed += delivery.failed;
  });
  return report;
}
