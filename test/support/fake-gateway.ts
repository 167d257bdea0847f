import type { BillingGateway, SubscriberSession } from '../../server/domain/gateway.js';
import type { CreditReceipt } from '../../server/payments/creditor.js';
import { invalidCredentials, notAllowed, notSupported } from '../../server/domain/errors.js';
import type {
  Announcement,
  BillingIdentity,
  Charge,
  Invoice,
  InvoiceLine,
  PauseInfo,
  TariffChoice,
  Capabilities,
  Payment,
  PasswordResetStart,
  PromisePay,
  PushPlatform,
  Service,
  Spend,
  Subscriber,
  SupportContacts,
  Ticket,
  TicketMessage,
} from '../../server/domain/types.js';
import { capabilitiesOf } from '../../server/domain/types.js';
import { subscriberWith } from './subscribers.js';

/** One subscriber as the fake billing keeps it. */
export interface FakeAccount {
  password: string;
  accountId: string;
  /** Client addresses the billing knows as this subscriber's, for automatic sign-in. */
  addresses: string[];
  subscriber: Subscriber;
  spends: Spend[];
  services: Service[];
  promisePay: PromisePay;
  payments: Payment[];
}

const money = (amount: string) => ({ amount, currency: 'UAH' });

/** A plausible subscriber named `login`, password `<login>-pw`; `changes` overrides any part. */
export function seedSubscriber(login: string, changes: Partial<FakeAccount> = {}): FakeAccount {
  return {
    password: `${login}-pw`,
    accountId: `acc-${login}`,
    addresses: [],
    subscriber: subscriberWith({
      login,
      fullName: `Subscriber ${login}`,
      balance: money('120.00'),
      status: 'ACTIVE',
      tariff: { name: 'Home 100', fee: money('250.00'), period: 'MONTH', speedIn: 100_000, speedOut: 100_000, includedTrafficMb: null },
      daysLeft: 14,
    }),
    spends: [{ name: 'Home 100', price: money('250.00'), period: 'MONTH' }],
    services: [
      { id: '11', name: 'Static IP', description: null, price: money('50.00'), connected: false, canConnect: true, canDisconnect: false, pending: false },
      { id: '12', name: 'TV', description: null, price: money('90.00'), connected: true, canConnect: false, canDisconnect: true, pending: false },
    ],
    promisePay: { active: null, offers: [{ id: '7', amount: money('100.00'), days: 3, fee: null, description: null }], refusal: null },
    payments: [],
    ...changes,
  };
}

export type FakeMethod = Exclude<keyof BillingGateway, 'kind' | 'capabilities' | 'currency'>;

/** What the fake billing can do where a test does not say otherwise. */
const DEFAULT_CAPABILITIES = capabilitiesOf(['passwordLogin', 'autoLogin', 'promisePay', 'services', 'serviceConnect', 'serviceDisconnect', 'payments']);

/**
 * An in-memory billing for fast tests of the GraphQL layer. It counts every port call, can be told
 * to fail a call, and like Carbon it may queue service changes (`queueServiceChanges`) until
 * `applyQueue()`. Writes go through `session.write`, as the real adapters' do.
 */
export class FakeGateway implements BillingGateway {
  readonly kind = 'carbon5' as const;
  readonly currency = 'UAH';
  readonly capabilities: Capabilities;
  readonly calls: { method: FakeMethod; login: string | null }[] = [];
  private readonly accounts = new Map<string, FakeAccount>();
  private readonly failures = new Map<FakeMethod, () => unknown>();
  private readonly queue: { account: FakeAccount; serviceId: string; connected: boolean }[] = [];
  private readonly queueServiceChanges: boolean;

  constructor(options: { accounts?: FakeAccount[]; capabilities?: Partial<Capabilities>; queueServiceChanges?: boolean } = {}) {
    this.capabilities = { ...DEFAULT_CAPABILITIES, ...options.capabilities };
    this.queueServiceChanges = options.queueServiceChanges ?? false;
    for (const account of options.accounts ?? [seedSubscriber('alice')]) this.accounts.set(account.subscriber.login, account);
  }

  account(login: string): FakeAccount {
    const account = this.accounts.get(login);
    if (!account) throw new Error(`no fake account ${login}`);
    return account;
  }

  /** From now on `method` throws what `failure` makes, until `heal`. */
  fail(method: FakeMethod, failure: () => unknown): void {
    this.failures.set(method, failure);
  }

  heal(method: FakeMethod): void {
    this.failures.delete(method);
  }

  callsOf(method: FakeMethod): number {
    return this.calls.filter((call) => call.method === method).length;
  }

  /** The billing applies the service changes it queued. */
  applyQueue(): void {
    for (const { account, serviceId, connected } of this.queue.splice(0)) {
      account.services = account.services.map((service) =>
        service.id === serviceId ? { ...service, connected, canConnect: !connected, canDisconnect: connected } : service,
      );
    }
  }

  async login(login: string, password: string): Promise<BillingIdentity> {
    this.enter('login', login);
    const account = this.accounts.get(login);
    if (!account || account.password !== password) throw invalidCredentials();
    return { login, accountId: account.accountId };
  }

  async autoLogin(clientIp: string): Promise<BillingIdentity | null> {
    this.enter('autoLogin', null);
    const account = [...this.accounts.values()].find((candidate) => candidate.addresses.includes(clientIp));
    return account ? { login: account.subscriber.login, accountId: account.accountId } : null;
  }

  /** The session holds while the account exists; a test that wants it ended uses `fail`. */
  async verifySession(session: SubscriberSession): Promise<boolean> {
    this.enter('verifySession', session.identity.login);
    return this.accounts.has(session.identity.login);
  }

  async getSubscriber(session: SubscriberSession): Promise<Subscriber> {
    return structuredClone(this.signedIn('getSubscriber', session).subscriber);
  }

  async getSpends(session: SubscriberSession): Promise<Spend[]> {
    return structuredClone(this.signedIn('getSpends', session).spends);
  }

  async getServices(session: SubscriberSession): Promise<Service[]> {
    return structuredClone(this.signedIn('getServices', session).services);
  }

  async getPromisePay(session: SubscriberSession): Promise<PromisePay> {
    return structuredClone(this.signedIn('getPromisePay', session).promisePay);
  }

  async getPayments(session: SubscriberSession): Promise<Payment[]> {
    return structuredClone(this.signedIn('getPayments', session).payments);
  }

  async getCharges(session: SubscriberSession): Promise<Charge[]> {
    return this.unsupported('getCharges', session, 'The list of charges');
  }

  async getInvoices(session: SubscriberSession): Promise<Invoice[]> {
    return this.unsupported('getInvoices', session, 'The list of invoices');
  }

  async getInvoiceLines(session: SubscriberSession): Promise<InvoiceLine[]> {
    return this.unsupported('getInvoiceLines', session, 'The list of invoices');
  }

  async creditTopUp(): Promise<CreditReceipt> {
    this.enter('creditTopUp', null);
    throw new Error('the fake billing takes no top-ups');
  }

  async getPause(session: SubscriberSession): Promise<PauseInfo> {
    return this.unsupported('getPause', session, 'Pausing the service');
  }

  async startPause(session: SubscriberSession): Promise<void> {
    return this.unsupported('startPause', session, 'Pausing the service');
  }

  async endPause(session: SubscriberSession): Promise<void> {
    return this.unsupported('endPause', session, 'Pausing the service');
  }

  async getTariffChoice(session: SubscriberSession): Promise<TariffChoice> {
    return this.unsupported('getTariffChoice', session, 'Changing the tariff');
  }

  async changeTariff(session: SubscriberSession): Promise<void> {
    return this.unsupported('changeTariff', session, 'Changing the tariff');
  }

  async cancelTariffChange(session: SubscriberSession): Promise<void> {
    return this.unsupported('cancelTariffChange', session, 'Changing the tariff');
  }

  async changePassword(session: SubscriberSession): Promise<BillingIdentity> {
    return this.unsupported('changePassword', session, 'Changing the password');
  }

  async updateContacts(session: SubscriberSession): Promise<void> {
    return this.unsupported('updateContacts', session, 'Changing contacts');
  }

  async getSupportContacts(): Promise<SupportContacts | null> {
    this.enter('getSupportContacts', null);
    return null;
  }

  async takePromisePay(session: SubscriberSession, offerId: string): Promise<void> {
    const account = this.signedIn('takePromisePay', session);
    await session.write(async () => {
      const offer = account.promisePay.offers.find((candidate) => candidate.id === offerId);
      if (!offer) throw notAllowed('This offer is no longer available.');
      if (account.promisePay.active) throw notAllowed('A promised payment is already active.');
      account.promisePay = { active: { amount: offer.amount, until: null }, offers: [], refusal: null };
      const balance = (Number(account.subscriber.balance.amount) + Number(offer.amount.amount)).toFixed(2);
      account.subscriber = { ...account.subscriber, balance: money(balance) };
    });
  }

  connectService(session: SubscriberSession, serviceId: string): Promise<Service> {
    return this.changeService('connectService', session, serviceId, true);
  }

  disconnectService(session: SubscriberSession, serviceId: string): Promise<Service> {
    return this.changeService('disconnectService', session, serviceId, false);
  }

  async requestPasswordReset(login: string): Promise<PasswordResetStart> {
    this.enter('requestPasswordReset', login);
    throw notSupported('Password reset');
  }

  async confirmPasswordReset(): Promise<void> {
    this.enter('confirmPasswordReset', null);
    throw notSupported('Password reset');
  }

  async registerPushToken(session: SubscriberSession, _token: string, _platform: PushPlatform): Promise<void> {
    this.signedIn('registerPushToken', session);
  }

  async getTickets(session: SubscriberSession): Promise<Ticket[]> {
    this.signedIn('getTickets', session);
    return [];
  }

  async getTicketMessages(session: SubscriberSession): Promise<TicketMessage[]> {
    this.signedIn('getTicketMessages', session);
    return [];
  }

  async createTicket(session: SubscriberSession): Promise<Ticket> {
    return this.unsupported('createTicket', session, 'Support conversations');
  }

  async replyToTicket(session: SubscriberSession): Promise<void> {
    return this.unsupported('replyToTicket', session, 'Support conversations');
  }

  async getAnnouncements(session: SubscriberSession): Promise<Announcement[]> {
    this.signedIn('getAnnouncements', session);
    return [];
  }

  async markAnnouncementsRead(session: SubscriberSession): Promise<void> {
    this.signedIn('markAnnouncementsRead', session);
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {}

  private async changeService(method: 'connectService' | 'disconnectService', session: SubscriberSession, serviceId: string, connected: boolean): Promise<Service> {
    const account = this.signedIn(method, session);
    const service = account.services.find((candidate) => candidate.id === serviceId);
    if (!service) throw notAllowed('This service is not offered to you.');
    if (service.connected === connected) throw notAllowed(connected ? 'This service is already connected.' : 'This service is not connected.');
    return session.write(async () => {
      this.queue.push({ account, serviceId, connected });
      if (!this.queueServiceChanges) this.applyQueue();
      return structuredClone(account.services.find((candidate) => candidate.id === serviceId)!);
    });
  }

  /** Counts the call of a signed-in subscriber, then refuses it as a billing without `what` does. */
  private unsupported(method: FakeMethod, session: SubscriberSession, what: string): never {
    this.signedIn(method, session);
    throw notSupported(what);
  }

  private signedIn(method: FakeMethod, session: SubscriberSession): FakeAccount {
    this.enter(method, session.identity.login);
    return this.account(session.identity.login);
  }

  private enter(method: FakeMethod, login: string | null): void {
    this.calls.push({ method, login });
    const failure = this.failures.get(method);
    if (failure) throw failure();
  }
}
