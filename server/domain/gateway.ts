import type { BillingCreditor } from '../payments/creditor.js';
import type * as Domain from './types.js';

/**
 * Tells whether a password is the one the subscriber typed to open the session, from a salted,
 * slow fingerprint of it: the session never holds the password itself.
 */
export interface SignInPasswordCheck {
  matches(password: string): Promise<boolean>;
}

/**
 * The signed-in subscriber as an adapter sees it. When the billing's own session dies (a Carbon
 * suid is dropped when the subscriber signs in elsewhere) and the password it was opened with still
 * holds, the adapter opens a new one and calls `renew` so the BFF session keeps it.
 *
 * It also carries the request's one read cache: `once` runs a read once per request, however many
 * callers need it (the dashboard asks for get_user thrice; the GraphQL layer asks for the subscriber
 * from several fields), and `write` is the one place the cache is dropped.
 */
export interface SubscriberSession {
  readonly identity: Domain.BillingIdentity;
  /** Present when the session was opened with a password on a billing that asks for it (`keepsPasswordFingerprint`). */
  readonly signInPassword?: SignInPasswordCheck;
  renew(identity: Domain.BillingIdentity): Promise<void>;
  /** Runs a read once for this request; later callers share its answer until a write. */
  once<T>(key: string, read: () => Promise<T>): Promise<T>;
  /**
   * Runs a billing write. Whatever it returns or throws, every read of this request is forgotten
   * after it, since the billing may have changed them.
   */
  write<T>(run: () => Promise<T>): Promise<T>;
}

/** The session the BFF hands an adapter for one request, with that request's read cache. */
export class RequestSession implements SubscriberSession {
  private readonly reads = new Map<string, Promise<unknown>>();

  constructor(
    public identity: Domain.BillingIdentity,
    private readonly onRenew: (identity: Domain.BillingIdentity) => Promise<unknown> = async () => undefined,
    readonly signInPassword?: SignInPasswordCheck,
  ) {}

  async renew(identity: Domain.BillingIdentity): Promise<void> {
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

  async write<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } finally {
      this.reads.clear();
    }
  }
}

/**
 * The port every billing adapter implements. Adapters speak their billing's protocol and return
 * these domain types; they never see GraphQL. Operations a billing lacks throw NOT_SUPPORTED
 * and are false in `capabilities`.
 */
export interface BillingGateway extends BillingCreditor {
  readonly kind: Domain.BillingKind;
  readonly capabilities: Domain.Capabilities;
  /** ISO 4217 code of the money the billing counts in. */
  readonly currency: string;
  /**
   * True when the adapter keeps a session whose billing session ended by comparing the account's
   * current password with the one signed in with (Carbon 5): the BFF then keeps a fingerprint of
   * the password typed at sign-in, and hands it over as `SubscriberSession.signInPassword`.
   */
  readonly keepsPasswordFingerprint?: boolean;

  /** Throws INVALID_CREDENTIALS on a wrong login or password. */
  login(login: string, password: string): Promise<Domain.BillingIdentity>;
  /** The subscriber whose address this is, or null when the billing knows none. */
  autoLogin(clientIp: string): Promise<Domain.BillingIdentity | null>;

  /**
   * Whether the credential or the billing's own session this session was opened with still holds
   * (the password was not changed, the billing did not end its session). Never renews anything.
   * False ends the BFF session; a billing that does not answer throws, and the session stays.
   */
  verifySession(session: SubscriberSession): Promise<boolean>;

  getSubscriber(session: SubscriberSession): Promise<Domain.Subscriber>;
  getSpends(session: SubscriberSession): Promise<Domain.Spend[]>;
  getServices(session: SubscriberSession): Promise<Domain.Service[]>;
  getPromisePay(session: SubscriberSession): Promise<Domain.PromisePay>;
  /** Newest first. */
  getPayments(session: SubscriberSession): Promise<Domain.Payment[]>;
  /** Write-offs dated from `from` to `to` (YYYY-MM-DD, both included), newest first; NOT_SUPPORTED where capabilities.charges is false. */
  getCharges(session: SubscriberSession, from: string, to: string): Promise<Domain.Charge[]>;
  /** Invoices issued from `from` (YYYY-MM-DD) on, newest first; NOT_SUPPORTED where capabilities.invoices is false. */
  getInvoices(session: SubscriberSession, from: string): Promise<Domain.Invoice[]>;
  /** The lines of one of the invoices getInvoices gave for this session. */
  getInvoiceLines(session: SubscriberSession, invoice: Domain.Invoice): Promise<Domain.InvoiceLine[]>;
  /**
   * The ISP's contacts where the billing keeps them (Ubilling's contragent data); null otherwise.
   * A signed-in request passes its session, for billings that can only look them up through a subscriber.
   */
  getSupportContacts(session?: SubscriberSession): Promise<Domain.SupportContacts | null>;

  /** Money-changing: called once per request, never retried. */
  takePromisePay(session: SubscriberSession, offerId: string): Promise<void>;
  /** Returns the service as it stands after the billing accepted the request. */
  connectService(session: SubscriberSession, serviceId: string): Promise<Domain.Service>;
  disconnectService(session: SubscriberSession, serviceId: string): Promise<Domain.Service>;

  requestPasswordReset(login: string): Promise<Domain.PasswordResetStart>;
  confirmPasswordReset(reset: Domain.PasswordResetStart, code: string, newPassword: string): Promise<void>;

  // Support conversations and notices (capabilities.tickets, capabilities.announcements).
  /** The subscriber's conversations, newest first. */
  getTickets(session: SubscriberSession): Promise<Domain.Ticket[]>;
  /** The messages of one of the subscriber's conversations, oldest first; NOT_ALLOWED when it is not theirs. */
  getTicketMessages(session: SubscriberSession, ticketId: string): Promise<Domain.TicketMessage[]>;
  /** Sent once, never retried; returns the conversation it opened. */
  createTicket(session: SubscriberSession, ticket: Domain.NewTicket): Promise<Domain.Ticket>;
  /** Sent once; NOT_ALLOWED when the conversation is not the subscriber's or is closed. */
  replyToTicket(session: SubscriberSession, ticketId: string, text: string): Promise<void>;
  /** The billing's own notices, newest first; empty where it keeps none. */
  getAnnouncements(session: SubscriberSession): Promise<Domain.Announcement[]>;
  markAnnouncementsRead(session: SubscriberSession): Promise<void>;

  // Pausing the service (capabilities.pause).
  /** The pause and its terms, read from the billing; NOT_SUPPORTED without capabilities.pause. */
  getPause(session: SubscriberSession): Promise<Domain.PauseInfo>;
  /**
   * Service-changing and possibly charging: called once, never retried. The adapter checks every rule
   * the billing states (some billings' calls check none) and refuses with NOT_ALLOWED before calling it.
   */
  startPause(session: SubscriberSession, period: Domain.PausePeriod): Promise<void>;
  /** Ends the running pause; NOT_ALLOWED where the billing does not let the cabinet end it. */
  endPause(session: SubscriberSession): Promise<void>;

  // Changing the tariff (capabilities.tariffChange).
  /** The tariffs the subscriber may change to and whether a booked change may be cancelled; NOT_SUPPORTED without the capability. */
  getTariffChoice(session: SubscriberSession): Promise<Domain.TariffChoice>;
  /**
   * Books the change to one of the options (it may charge a fee): called once, never retried. The
   * adapter refuses with NOT_ALLOWED a tariff that is not an option, or a change while one is booked.
   */
  changeTariff(session: SubscriberSession, tariffId: string): Promise<void>;
  /** Cancels the booked change; NOT_ALLOWED where it is not `cancellable`. */
  cancelTariffChange(session: SubscriberSession): Promise<void>;

  // Profile: only where the billing has a call for it (then capabilities.passwordChange and
  // capabilities.contactsChange are true); an adapter without one leaves the method out.
  /**
   * Sets a new password for the signed-in subscriber (the resolver has checked the current one).
   * Returns the identity later calls must use (a billing whose credential is derived from the password).
   */
  changePassword?(session: SubscriberSession, newPassword: string): Promise<Domain.BillingIdentity>;
  /** Sets the given contacts; sent once, never retried. */
  updateContacts?(session: SubscriberSession, contacts: Domain.ContactsChange): Promise<void>;

  /** Hands a native push token to the billing's own sender, where it has one. */
  registerPushToken(session: SubscriberSession, token: string, platform: Domain.PushPlatform): Promise<void>;

  /** True when the billing answers; for readiness checks. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
