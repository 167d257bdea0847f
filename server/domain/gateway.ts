import type {
  BillingIdentity,
  BillingKind,
  Capabilities,
  Payment,
  PasswordResetStart,
  PromisePay,
  PushPlatform,
  Service,
  Spend,
  Subscriber,
  SupportContacts,
} from './types.js';

/**
 * The signed-in subscriber as an adapter sees it. When the billing's own session dies (a Carbon
 * suid is dropped when the subscriber signs in elsewhere), the adapter renews it and calls `renew`
 * so the BFF session keeps the new one.
 */
export interface SubscriberSession {
  readonly identity: BillingIdentity;
  renew(identity: BillingIdentity): Promise<void>;
  /** Runs a billing read once for this request, however many port calls need it (the dashboard asks for get_user thrice). */
  once<T>(key: string, read: () => Promise<T>): Promise<T>;
  /** Drops the shared reads; an adapter calls it after a write, which may have changed them. */
  forget(): void;
}

/** The session the BFF hands an adapter for one request; its shared reads last until `forget()`. */
export class RequestSession implements SubscriberSession {
  private readonly reads = new Map<string, Promise<unknown>>();

  constructor(
    public identity: BillingIdentity,
    private readonly onRenew: (identity: BillingIdentity) => Promise<unknown> = async () => undefined,
  ) {}

  async renew(identity: BillingIdentity): Promise<void> {
    this.identity = identity;
    await this.onRenew(identity);
  }

  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let pending = this.reads.get(key) as Promise<T> | undefined;
    if (!pending) {
      pending = read();
      this.reads.set(key, pending);
    }
    return pending;
  }

  forget(): void {
    this.reads.clear();
  }
}

/**
 * The port every billing adapter implements. Adapters speak their billing's protocol and return
 * these domain types; they never see GraphQL. Operations a billing lacks throw NOT_SUPPORTED
 * and are false in `capabilities`.
 */
export interface BillingGateway {
  readonly kind: BillingKind;
  readonly capabilities: Capabilities;
  /** ISO 4217 code of the money the billing counts in. */
  readonly currency: string;

  /** Throws INVALID_CREDENTIALS on a wrong login or password. */
  login(login: string, password: string): Promise<BillingIdentity>;
  /** The subscriber whose address this is, or null when the billing knows none. */
  autoLogin(clientIp: string): Promise<BillingIdentity | null>;

  getSubscriber(session: SubscriberSession): Promise<Subscriber>;
  getSpends(session: SubscriberSession): Promise<Spend[]>;
  getServices(session: SubscriberSession): Promise<Service[]>;
  getPromisePay(session: SubscriberSession): Promise<PromisePay>;
  /** Newest first. */
  getPayments(session: SubscriberSession): Promise<Payment[]>;
  /** The ISP's contacts where the billing keeps them (Ubilling's contragent data); null otherwise. */
  getSupportContacts(): Promise<SupportContacts | null>;

  /** Money-changing: called once per request, never retried. */
  takePromisePay(session: SubscriberSession, offerId: string): Promise<void>;
  /** Returns the service as it stands after the billing accepted the request. */
  connectService(session: SubscriberSession, serviceId: string): Promise<Service>;
  disconnectService(session: SubscriberSession, serviceId: string): Promise<Service>;

  requestPasswordReset(login: string): Promise<PasswordResetStart>;
  confirmPasswordReset(reset: PasswordResetStart, code: string, newPassword: string): Promise<void>;

  /** Hands a native push token to the billing's own sender, where it has one. */
  registerPushToken(session: SubscriberSession, token: string, platform: PushPlatform): Promise<void>;

  /** True when the billing answers; for readiness checks. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
