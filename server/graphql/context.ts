import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AbuseLimits } from '../auth/abuse-limits.js';
import type { Session, SessionManager } from '../auth/sessions.js';
import type { Config } from '../config.js';
import { RequestSession, type BillingGateway } from '../domain/gateway.js';
import { PendingServiceChanges } from '../domain/pending-service-changes.js';
import type { Charge, Invoice, InvoiceLine, Payment, PromisePay, Service, Spend, Subscriber } from '../domain/types.js';
import type { Logger } from '../logger.js';
import type { Payments } from '../payments/setup.js';
import type { Store } from '../store/store.js';
import type { BlockList } from 'node:net';

/** What lives as long as the server: built once in app.ts and shared by every request. */
export interface CabinetServices {
  config: Config;
  gateway: BillingGateway;
  store: Store;
  sessions: SessionManager;
  limits: AbuseLimits;
  pendingServiceChanges: PendingServiceChanges;
  autoLoginNetworks: BlockList;
  logger: Logger;
  demo: boolean;
  /** The public half of the VAPID key pair the PWA subscribes with. */
  vapidPublicKey: string | null;
  /** Top-ups, when an acquirer or a pay-by-link service is configured; their webhooks are at /payments/<acquirer>. */
  payments?: Payments;
}

export interface GraphQLContext extends CabinetServices {
  clientAddress: string;
  session: Session | null;
  /** Replaces the session cookie (sign-in) or clears it (sign-out). */
  setSessionCookie(value: string): void;
  /** The signed-in subscriber's billing reads for this request; throws UNAUTHENTICATED without a session. */
  reads(this: GraphQLContext): SubscriberReads;
}

export interface ServerContext {
  req: IncomingMessage;
  res: ServerResponse;
}

/** The context of a field under @signedIn or @passwordConfirmed: the directive guarantees the session. */
export type SignedIn<TContext = GraphQLContext> = TContext & { session: Session };

/**
 * The signed-in subscriber's billing reads, as the GraphQL fields ask for them. They share the
 * request's one cache in `session` with the adapter's own reads, so a write (which goes through
 * `session.write`) makes all of them read afresh.
 */
export class SubscriberReads {
  constructor(
    private readonly cabinet: CabinetServices,
    readonly sessionId: string,
    readonly session: RequestSession,
  ) {}

  subscriber(): Promise<Subscriber> {
    return this.session.once('gateway getSubscriber', () => this.cabinet.gateway.getSubscriber(this.session));
  }

  spends(): Promise<Spend[]> {
    return this.session.once('gateway getSpends', () => this.cabinet.gateway.getSpends(this.session));
  }

  services(): Promise<Service[]> {
    return this.session.once('gateway getServices', async () =>
      this.cabinet.pendingServiceChanges.apply(this.session.identity.accountId, await this.cabinet.gateway.getServices(this.session)),
    );
  }

  promisePay(): Promise<PromisePay> {
    return this.session.once('gateway getPromisePay', () => this.cabinet.gateway.getPromisePay(this.session));
  }

  payments(): Promise<Payment[]> {
    return this.session.once('gateway getPayments', () => this.cabinet.gateway.getPayments(this.session));
  }

  /** Empty where the billing cannot list them, so a screen needs no second path. */
  charges(from: string, to: string): Promise<Charge[]> {
    if (!this.cabinet.gateway.capabilities.charges) return Promise.resolve([]);
    return this.session.once(`gateway getCharges ${from} ${to}`, () => this.cabinet.gateway.getCharges(this.session, from, to));
  }

  /** Empty where the billing issues none. */
  invoices(from: string): Promise<Invoice[]> {
    if (!this.cabinet.gateway.capabilities.invoices) return Promise.resolve([]);
    return this.session.once(`gateway getInvoices ${from}`, () => this.cabinet.gateway.getInvoices(this.session, from));
  }

  invoiceLines(invoice: Invoice): Promise<InvoiceLine[]> {
    return this.session.once(`gateway getInvoiceLines ${invoice.id}`, () => this.cabinet.gateway.getInvoiceLines(this.session, invoice));
  }
}

/** The adapter's view of a BFF session: a renewed billing identity is saved to the session store. */
export function subscriberSession(sessions: SessionManager, session: Session): RequestSession {
  return new RequestSession(
    session.identity,
    (identity) => sessions.updateIdentity(session, identity),
    session.passwordFingerprint ? { matches: (password) => sessions.signedInWith(session, password) } : undefined,
  );
}
