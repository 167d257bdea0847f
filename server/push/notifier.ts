import { RequestSession, type BillingGateway } from '../domain/gateway.js';
import type { PromisePay, Subscriber } from '../domain/types.js';
import type { Logger } from '../logger.js';
import { pushSends } from '../observability/metrics.js';
import type { Store } from '../store/store.js';
import { reminderMessage, toLocale, type PushLocale, type PushMessage, type Reminder } from './messages.js';
import type { WebPushSender } from './web-push-sender.js';

export interface NotifierSettings {
  /** Hours in `timeZone`: no reminder from `from` until `to` (22 and 8 by default). */
  quietHours: { from: number; to: number };
  /** Days left at which a reminder goes out (3 and 1 by default). */
  daysLeftAt: number[];
  timeZone: string;
}

export interface PassReport {
  skipped: 'quiet-hours' | 'another-pass-running' | null;
  checked: number;
  sent: number;
  removed: number;
}

const LOCK_NAME = 'push-notifier';
const LOCK_TTL_SECONDS = 5 * 60;
const REMINDED_TTL_SECONDS = 36 * 60 * 60;

/**
 * The scheduled pass over subscribers with push registrations: reminds them before service stops
 * ("N days left"), when it stopped, and the day before a promised payment ends. At most one
 * reminder a day per subscriber, none in quiet hours, one pass at a time across instances.
 */
export class Notifier {
  constructor(
    private readonly deps: {
      gateway: BillingGateway;
      store: Pick<Store, 'push' | 'ephemeral' | 'withLock'>;
      sender: WebPushSender;
      settings: NotifierSettings;
      logger: Logger;
      now?: () => Date;
    },
  ) {}

  async runPass(): Promise<PassReport> {
    const report: PassReport = { skipped: null, checked: 0, sent: 0, removed: 0 };
    const now = this.now();
    if (isQuiet(now, this.deps.settings)) return { ...report, skipped: 'quiet-hours' };
    const outcome = await this.deps.store.withLock(LOCK_NAME, LOCK_TTL_SECONDS, async (lockLost) => {
      const today = localDate(now, this.deps.settings.timeZone);
      for (const account of await this.deps.store.push.accounts()) {
        if (lockLost.aborted) break;
        report.checked += 1;
        try {
          const reminder = await this.reminderFor(account, now);
          if (!reminder) continue;
          if (!(await this.deps.store.ephemeral.setIfAbsent(`push-reminded:${account.accountId}:${today}`, reminder.kind, REMINDED_TTL_SECONDS))) continue;
          const delivered = await deliverTo(this.deps.store, this.deps.sender, account.accountId, (locale) => reminderMessage(reminder, locale, this.deps.gateway.capabilities.promisePay));
          report.sent += delivered.sent;
          report.removed += delivered.removed;
        } catch (error) {
          this.deps.logger.warn({ err: error, accountId: account.accountId }, 'push reminder skipped: the billing did not answer');
        }
      }
      return report;
    });
    return outcome.ran ? outcome.value : { ...report, skipped: 'another-pass-running' };
  }

  private async reminderFor(account: { accountId: string; login: string }, now: Date): Promise<Reminder | null> {
    // No live session here: the adapter opens its own (Carbon's dynamic session, Ubilling's RemoteAPI by login).
    const session = new RequestSession({ login: account.login, accountId: account.accountId });
    const [subscriber, promisePay] = await Promise.all([this.deps.gateway.getSubscriber(session), this.deps.gateway.getPromisePay(session)]);
    return decideReminder(subscriber, promisePay, localDate(new Date(now.getTime() + 86_400_000), this.deps.settings.timeZone), this.deps.settings.daysLeftAt);
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

export function decideReminder(subscriber: Subscriber, promisePay: PromisePay, tomorrow: string, daysLeftAt: number[]): Reminder | null {
  if (subscriber.status === 'BLOCKED') return { kind: 'blocked' };
  if (promisePay.active?.until === tomorrow) return { kind: 'promise-ends' };
  if (subscriber.daysLeft !== null && daysLeftAt.includes(subscriber.daysLeft)) return { kind: 'days-left', days: subscriber.daysLeft };
  return null;
}

export function isQuiet(now: Date, settings: Pick<NotifierSettings, 'quietHours' | 'timeZone'>): boolean {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: settings.timeZone }).format(now));
  const { from, to } = settings.quietHours;
  return from > to ? hour >= from || hour < to : hour >= from && hour < to;
}

function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export interface Delivery {
  sent: number;
  removed: number;
}

/**
 * Sends a message to every Web Push registration of one subscriber (reminders, operators'
 * messages), each in the language it registered with; registrations the push service says are
 * gone are removed. Native tokens (FCM, APNs) belong to third-party apps and Carbon's own sender.
 */
export async function deliverTo(
  store: Pick<Store, 'push'>,
  sender: WebPushSender,
  accountId: string,
  message: (locale: PushLocale) => PushMessage,
): Promise<Delivery> {
  const delivery: Delivery = { sent: 0, removed: 0 };
  for (const entry of await store.push.listFor(accountId)) {
    if (entry.registration.kind !== 'webpush') continue;
    const outcome = await sender.send(entry.registration, message(toLocale(entry.locale)));
    pushSends.inc({ kind: 'webpush', result: outcome });
    if (outcome === 'sent') delivery.sent += 1;
    if (outcome === 'gone') {
      await store.push.remove(accountId, entry.registration.endpoint);
      delivery.removed += 1;
    }
  }
  return delivery;
}
