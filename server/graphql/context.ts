import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AbuseLimits } from '../auth/abuse-limits.js';
import type { Session, SessionManager } from '../auth/sessions.js';
import type { Config } from '../config.js';
import { RequestSession, type BillingGateway } from '../domain/gateway.js';
import { PendingServiceChanges } from '../domain/pending-service-changes.js';
import type { Payment, PromisePay, Service, Spend, Subscriber } from '../domain/types.js';
import type { Logger } from '../logger.js';
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

export class SubscriberReads {
  private readonly memo = new Map<string, Promise<unknown>>();

  readonly session: RequestSession;

  constructor(
    private readonly cabinet: CabinetServices,
    readonly sessionId: string,
    session: RequestSession,
  ) {
    this.session = session;
  }

  subscriber(): Promise<Subscriber> {
    return this.once('subscriber', () => this.cabinet.gateway.getSubscriber(this.session));
  }

  spends(): Promise<Spend[]> {
    return this.once('spends', () => this.cabinet.gateway.getSpends(this.session));
  }

  services(): Promise<Service[]> {
    return this.once('services', async () =>
      this.cabinet.pendingServiceChanges.apply(this.session.identity.accountId, await this.cabinet.gateway.getServices(this.session)),
    );
  }

  promisePay(): Promise<PromisePay> {
    return this.once('promisePay', () => this.cabinet.gateway.getPromisePay(this.session));
  }

  payments(): Promise<Payment[]> {
    return this.once('payments', () => this.cabinet.gateway.getPayments(this.session));
  }

  /** Forgets what was read, after a write changed it. */
  invalidate(): void {
    this.memo.clear();
    this.session.forget();
  }

  private once<T>(name: string, read: () => Promise<T>): Promise<T> {
    let pending = this.memo.get(name) as Promise<T> | undefined;
    if (!pending) {
      pending = read();
      this.memo.set(name, pending);
    }
    return pending;
  }
}

/** The adapter's view of a BFF session: a renewed billing identity is saved to the session store. */
export function subscriberSession(sessions: SessionManager, session: Session): RequestSession {
  return new RequestSession(session.identity, (identity) => sessions.updateIdentity(session, identity));
}
