import type { Logger } from '../logger.js';
import type { ShortLivedState } from '../store/store.js';
import { AcquirerUnavailable, type Acquirer } from './acquirer.js';
import type { TopUpMethod } from './ledger.js';
import type { TopUps } from './top-ups.js';

export interface SweepSettings {
  /** A CREATED top-up older than this is expired once the acquirer says it was not paid. */
  expireMinutes: number;
  /** A CREDITING top-up unchanged for this long lost its crediter (a crash, a hang): an operator decides. */
  reviewAfterMinutes: number;
}

export interface SweepReport {
  skipped: 'another-sweep-running' | null;
  /** CREDITING too long, handed to an operator. */
  toReview: number;
  /** PAID top-ups whose crediting was tried. */
  credited: number;
  /** CREATED top-ups whose status was asked. */
  checked: number;
  expired: number;
}

const LOCK_NAME = 'payments-sweep';
const LOCK_TTL_SECONDS = 5 * 60;
/** A webhook normally arrives within seconds; the sweep asks about an order only after this. */
const STATUS_CHECK_AFTER_MS = 2 * 60_000;

/**
 * The periodic pass that finishes what webhooks did not: hands stale creditings to an operator,
 * credits PAID top-ups whose crediting did not reach the billing, asks the acquirer about orders
 * whose webhook never came and expires the ones never paid. One pass at a time across instances.
 */
export class PaymentSweep {
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly deps: {
      topUps: TopUps;
      acquirers: Partial<Record<TopUpMethod, Acquirer>>;
      store: Pick<ShortLivedState, 'withLock'>;
      settings: SweepSettings;
      logger: Logger;
      now?: () => Date;
    },
  ) {}

  async runPass(): Promise<SweepReport> {
    const report: SweepReport = { skipped: null, toReview: 0, credited: 0, checked: 0, expired: 0 };
    const outcome = await this.deps.store.withLock(LOCK_NAME, LOCK_TTL_SECONDS, async (lockLost) => {
      const { ledger } = this.deps.topUps;
      const now = this.deps.now?.() ?? new Date();
      const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

      // First, so that a crediting whose crediter died is never mistaken for one that can go on.
      for (const stale of await ledger.list({ states: ['CREDITING'], updatedBefore: minutesAgo(this.deps.settings.reviewAfterMinutes) })) {
        const moved = await ledger.transition(stale.id, ['CREDITING'], 'NEEDS_REVIEW', {
          note: `no answer from the billing after ${this.deps.settings.reviewAfterMinutes} minutes: check the billing for a payment with this order id before settling`,
        });
        if (moved) {
          report.toReview += 1;
          this.deps.logger.error({ orderId: stale.id }, 'top-up crediting has no outcome: needs review');
        }
      }
      for (const paid of await ledger.list({ states: ['PAID'] })) {
        if (lockLost.aborted) return report;
        if (await this.deps.topUps.creditOnce(paid.id)) report.credited += 1;
      }
      for (const open of await ledger.list({ states: ['CREATED'], updatedBefore: new Date(now.getTime() - STATUS_CHECK_AFTER_MS) })) {
        if (lockLost.aborted) return report;
        const acquirer = this.deps.acquirers[open.method];
        if (!acquirer) continue;
        report.checked += 1;
        try {
          const status = await acquirer.status(open);
          if (status.outcome === 'not-found' || status.outcome === 'pending') {
            if (new Date(open.createdAt) < minutesAgo(this.deps.settings.expireMinutes)) {
              if (await ledger.transition(open.id, ['CREATED'], 'EXPIRED', { note: `not paid in ${this.deps.settings.expireMinutes} minutes (${open.method}: ${status.status})` })) report.expired += 1;
            }
            continue;
          }
          const result = await this.deps.topUps.confirm(open.method, status);
          if (!result.accepted) this.deps.logger.error({ orderId: open.id, reason: result.reason }, 'acquirer status does not match the order');
        } catch (error) {
          // The acquirer is down: the order stays as it is and the next pass asks again.
          if (!(error instanceof AcquirerUnavailable)) throw error;
          this.deps.logger.warn({ orderId: open.id, reason: error.message }, 'top-up status check failed');
        }
      }
      return report;
    });
    return outcome.ran ? outcome.value : { ...report, skipped: 'another-sweep-running' };
  }

  /** Runs a pass every `intervalMinutes` (the first soon after start) until `stop`. */
  start(intervalMinutes: number): void {
    const pass = () =>
      this.runPass().then(
        (report) => this.deps.logger.info({ ...report }, 'payments sweep'),
        (error: unknown) => this.deps.logger.error({ err: error }, 'payments sweep failed'),
      );
    this.timers.push(setInterval(pass, intervalMinutes * 60_000).unref(), setTimeout(pass, 20_000).unref());
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }
}
