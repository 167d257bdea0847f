import { addDays, ymd } from '../../shared/dates.js';
import { CabinetError } from '../domain/errors.js';
import { RequestSession, type BillingGateway } from '../domain/gateway.js';
import type { PromisePay, Subscriber } from '../domain/types.js';
import type { Logger } from '../logger.js';
import { pushSends } from '../observability/metrics.js';
import type { Store } from '../store/store.js';
import type { PushMessage } from '../../shared/push.js';
import { reminderMessage, supportReplyMessage, toLocale, type PushLocale, type Reminder } from './messages.js';
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
  /** Subscribers not reached because the pass ran out of time; the next pass starts over. */
  unfinished: number;
}

const LOCK_NAME = 'push-notifier';
/** Open conversations looked into per subscriber and pass (Carbon needs a call for each). */
const CONVERSATIONS_CHECKED = 5;
const SUPPORT_SEEN_TTL_SECONDS = 90 * 24 * 60 * 60;
const LOCK_TTL_SECONDS = 5 * 60;
/** A pass stops starting new work after this, well inside its lock, whatever the push services do. */
const PASS_DEADLINE_MS = 4 * 60_000;
/** Subscribers checked at once: a slow push service or billing answer holds one of these, not the pass. */
const SUBSCRIBERS_AT_ONCE = 8;
/** Sends to one subscriber's devices at once. */
const SENDS_AT_ONCE = 10;
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
      passDeadlineMs?: number;
    },
  ) {}

  async runPass(): Promise<PassReport> {
    const report: PassReport = { skipped: null, checked: 0, sent: 0, removed: 0, unfinished: 0 };
    const now = this.now();
    if (isQuiet(now, this.deps.settings)) return { ...report, skipped: 'quiet-hours' };
    const outcome = await this.deps.store.withLock(LOCK_NAME, LOCK_TTL_SECONDS, async (lockLost) => {
      const today = ymd(now, this.deps.settings.timeZone);
      const deadline = performance.now() + (this.deps.passDeadlineMs ?? PASS_DEADLINE_MS);
      const accounts = await this.deps.store.push.accounts();
      const reached = await forEachAtOnce(accounts, SUBSCRIBERS_AT_ONCE, () => lockLost.aborted || performance.now() >= deadline, async (account) => {
        report.checked += 1;
        try {
          const reminder = await this.reminderFor(account, now);
          if (reminder && (await this.deps.store.ephemeral.setIfAbsent(`push-reminded:${account.accountId}:${today}`, reminder.kind, REMINDED_TTL_SECONDS))) {
            const delivered = await deliverTo(this.deps.store, this.deps.sender, account.accountId, (locale) =>
              reminderMessage(reminder, locale, this.deps.gateway.capabilities.promisePay),
            );
            report.sent += delivered.sent;
            report.removed += delivered.removed;
          }
        } catch (error) {
          this.deps.logger.warn({ err: error, accountId: account.accountId }, 'push reminder skipped: the billing did not answer');
        }
        try {
          const reply = await this.supportReplyFor(account);
          if (!reply) return;
          const delivered = await deliverTo(this.deps.store, this.deps.sender, account.accountId, (locale) => supportReplyMessage(reply.ticketId, locale));
          report.sent += delivered.sent;
          report.removed += delivered.removed;
        } catch (error) {
          if (!(error instanceof CabinetError && error.code === 'NOT_SUPPORTED')) {
            this.deps.logger.warn({ err: error, accountId: account.accountId }, 'support replies not checked: the billing did not answer');
          }
        }
      });
      report.unfinished = accounts.length - reached;
      return report;
    });
    return outcome.ran ? outcome.value : { ...report, skipped: 'another-pass-running' };
  }

  private async reminderFor(account: { accountId: string; login: string }, now: Date): Promise<Reminder | null> {
    // No live session here: the adapter opens its own (Carbon's dynamic session, Ubilling's RemoteAPI by login).
    const session = new RequestSession({ login: account.login, accountId: account.accountId });
    const [subscriber, promisePay] = await Promise.all([this.deps.gateway.getSubscriber(session), this.deps.gateway.getPromisePay(session)]);
    return decideReminder(subscriber, promisePay, addDays(ymd(now, this.deps.settings.timeZone), 1), this.deps.settings.daysLeftAt);
  }

  /**
   * The conversation with the ISP's newest answer, when that answer is newer than the last one this
   * subscriber was told about. The first look only notes where things stand, so old answers are not
   * announced. Ubilling's conversations need the subscriber's own password hash, which a pass without
   * a session does not have: there it is NOT_SUPPORTED and skipped.
   */
  private async supportReplyFor(account: { accountId: string; login: string }): Promise<{ ticketId: string } | null> {
    if (!this.deps.gateway.capabilities.tickets) return null;
    const session = new RequestSession({ login: account.login, accountId: account.accountId });
    const open = (await this.deps.gateway.getTickets(session)).filter((ticket) => ticket.status === 'OPEN').slice(0, CONVERSATIONS_CHECKED);
    let newest: { at: string; ticketId: string } | null = null;
    for (const ticket of open) {
      const answer = (await this.deps.gateway.getTicketMessages(session, ticket.id)).filter((message) => message.from === 'ISP').at(-1);
      if (answer && (!newest || answer.at > newest.at)) newest = { at: answer.at, ticketId: ticket.id };
    }
    // "" once looked and no answer yet: the first answer after that is news.
    const key = `support-answer-seen:${account.accountId}`;
    const seen = await this.deps.store.ephemeral.get<string>(key);
    const latest = newest?.at ?? '';
    if (seen === null || latest > seen) await this.deps.store.ephemeral.set(key, latest, SUPPORT_SEEN_TTL_SECONDS);
    return seen !== null && newest && newest.at > seen ? { ticketId: newest.ticketId } : null;
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

export interface Delivery {
  sent: number;
  removed: number;
  failed: number;
}

/**
 * Runs `work` over `items`, at most `limit` at a time, starting no new item once `stop()` says so.
 * Returns how many items were started.
 */
export async function forEachAtOnce<T>(items: readonly T[], limit: number, stop: () => boolean, work: (item: T) => Promise<void>): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !stop()) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return next;
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
  const delivery: Delivery = { sent: 0, removed: 0, failed: 0 };
  const targets = (await store.push.listFor(accountId)).flatMap((entry) => (entry.registration.kind === 'webpush' ? [{ registration: entry.registration, locale: entry.locale }] : []));
  await forEachAtOnce(targets, SENDS_AT_ONCE, () => false, async ({ registration, locale }) => {
    const outcome = await sender.send(registration, message(toLocale(locale)));
    pushSends.inc({ kind: 'webpush', result: outcome });
    if (outcome === 'sent') delivery.sent += 1;
    if (outcome === 'failed') delivery.failed += 1;
    // Gone, or an endpoint kept from before the push services were checked: it can never be delivered.
    if (outcome === 'gone' || outcome === 'refused') {
      await store.push.remove(accountId, registration.endpoint);
      delivery.removed += 1;
    }
  });
  return delivery;
}
