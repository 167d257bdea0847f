import type { z } from 'zod';
import { CabinetError, invalidCredentials, notAllowed, notSupported, upstreamError } from '../../domain/errors.js';
import type { BillingGateway, SubscriberSession } from '../../domain/gateway.js';
import type {
  BillingIdentity,
  Capabilities,
  Payment,
  PasswordResetStart,
  PromisePay,
  PushPlatform,
  Service,
  Spend,
  Subscriber,
  SupportContacts,
} from '../../domain/types.js';
import {
  CREDITOR_STATUS,
  createMemoryCreditLog,
  creditLimit,
  decideSelfCredit,
  refusalMessage,
  type CreditAccount,
  type CreditLog,
  type CreditRules,
} from './credit-rules.js';
import { isFloatText } from './decimal.js';
import {
  CREDIT_OFFER_ID,
  mapActiveCredit,
  mapContacts,
  mapCreditOffer,
  mapPayments,
  mapServices,
  mapSpends,
  mapSubscriber,
} from './mapper.js';
import { RemoteApi } from './remote-api.js';
import { md5, type ChargeLine, type UserRow } from './replies.js';
import { creditAmountSchema, ipv4Schema, ubillingLoginSchema, ubillingPasswordSchema, ymdSchema } from './validation.js';
import { XmlAgent, type UberCredentials } from './xml-agent.js';

export interface UbillingGatewayOptions {
  /** The Ubilling web root (BILLING_URL); RemoteAPI is `?module=remoteapi` there. */
  url: string;
  /** The RemoteAPI key (UBILLING_SERIAL). */
  serial: string;
  /** The subscriber cabinet root (UBILLING_USERSTATS_URL): XMLAgent and the creditor agent. */
  userstatsUrl?: string;
  timeoutMs: number;
  currency: string;
  /** The ISP enabled RemoteAPI `userbyip` (UBILLING_AUTO_LOGIN). */
  autoLogin: boolean;
  /** The rules the BFF enforces before RemoteAPI `sc` when there is no userstats URL. */
  creditRules: CreditRules;
  /** Where credits set through `sc` are remembered for the once-a-month rule; memory by default. */
  creditLog?: CreditLog;
  now?: () => Date;
}

const CONTACTS_TTL_MS = 60 * 60 * 1000;
const UBERPASSWORD = /^[0-9a-f]{32}$/;

/**
 * Abonent on Ubilling. Reads go to RemoteAPI (`asterisk` calls, keyed by the serial) and, when the
 * ISP gives its userstats URL, to XMLAgent, which authenticates each request with the subscriber's
 * login and md5(password). That md5 is the session's `secret`: it stays in the server-side session
 * store and never reaches a log, an error or a response. There is no billing session to renew.
 */
export class UbillingGateway implements BillingGateway {
  readonly kind = 'ubilling' as const;
  readonly capabilities: Capabilities;
  readonly currency: string;

  private readonly remoteApi: RemoteApi;
  private readonly xmlAgent: XmlAgent | null;
  private readonly creditLog: CreditLog;
  private readonly now: () => Date;
  /** getcontragentdata needs a subscriber; the public contacts are those of the last one seen. */
  private contacts: { value: SupportContacts | null; at: number } | null = null;

  constructor(private readonly options: UbillingGatewayOptions) {
    this.currency = options.currency;
    this.remoteApi = new RemoteApi({ url: options.url, serial: options.serial, timeoutMs: options.timeoutMs });
    this.xmlAgent = options.userstatsUrl
      ? new XmlAgent({ url: options.userstatsUrl, timeoutMs: options.timeoutMs, uberkey: md5(options.serial) })
      : null;
    this.creditLog = options.creditLog ?? createMemoryCreditLog();
    this.now = options.now ?? (() => new Date());
    this.capabilities = {
      passwordLogin: true,
      autoLogin: options.autoLogin,
      promisePay: this.xmlAgent !== null || options.creditRules.enabled,
      services: true,
      serviceConnect: false,
      serviceDisconnect: false,
      passwordReset: false,
      pushToken: true,
      payments: this.xmlAgent !== null,
    };
  }

  async login(login: string, password: string): Promise<BillingIdentity> {
    const account = validInput(ubillingLoginSchema, login);
    if (!ubillingPasswordSchema.safeParse(password).success) throw invalidCredentials();
    const identity = this.xmlAgent ? await this.justauth(this.xmlAgent, account, password) : await this.checkPassword(account, password);
    await this.rememberContacts(identity.login);
    return identity;
  }

  async autoLogin(clientIp: string): Promise<BillingIdentity | null> {
    if (!this.options.autoLogin) return null;
    const ip = ipv4Schema.safeParse(clientIp.replace(/^::ffff:/i, ''));
    if (!ip.success) return null;
    const found = await this.remoteApi.userbyip(ip.data);
    if (!found || !ubillingLoginSchema.safeParse(found.login).success) return null;
    return { login: found.login, accountId: found.login, secret: this.xmlAgent ? found.uberpassword : undefined };
  }

  async getSubscriber(session: SubscriberSession): Promise<Subscriber> {
    const { login, credentials } = this.signedIn(session);
    const [user, daysLeftCode, userdata] = await Promise.all([
      this.userRow(session, login),
      this.remoteApi.getonlinedaysleft(login),
      credentials && this.xmlAgent ? this.xmlAgent.userdata(credentials) : null,
    ]);
    if (userdata && userdata.login.toLowerCase() !== login.toLowerCase()) {
      throw upstreamError('ubilling xmlagent userdata: the reply is about another subscriber');
    }
    return mapSubscriber({ user, daysLeftCode, userdata, currency: this.currency, now: this.now() });
  }

  async getSpends(session: SubscriberSession): Promise<Spend[]> {
    return mapSpends(await this.chargeLines(session), this.currency);
  }

  async getServices(session: SubscriberSession): Promise<Service[]> {
    return mapServices(await this.chargeLines(session), this.currency);
  }

  async getPromisePay(session: SubscriberSession): Promise<PromisePay> {
    const { login, credentials } = this.signedIn(session);
    const now = this.now();
    const user = await this.userRow(session, login);
    const active = mapActiveCredit(user, this.currency);
    if (credentials && this.xmlAgent) {
      const check = await this.xmlAgent.agentcredit(credentials, { justcheck: true });
      if (check.status !== 0) return { active, offers: [] };
      const fee = check.creditprice !== undefined && isFloatText(check.creditprice) ? check.creditprice : '0';
      const days = termOf(check.creditintro) ?? Number(check.creditterm ?? 0);
      const offer = { creditLimit: creditLimit(creditAccount(user), fee, now), fee, days, description: check.creditintro ?? null };
      return { active, offers: [mapCreditOffer(offer, this.currency)] };
    }
    const rules = this.options.creditRules;
    if (!rules.enabled) return { active, offers: [] };
    const decision = decideSelfCredit(creditAccount(user), rules, { now, usedThisMonth: await this.creditLog.usedInMonth(login, now) });
    if (!decision.allowed) return { active, offers: [] };
    const offer = { creditLimit: decision.creditLimit, fee: decision.fee, days: decision.termDays, description: null };
    return { active, offers: [mapCreditOffer(offer, this.currency)] };
  }

  async getPayments(session: SubscriberSession): Promise<Payment[]> {
    const { credentials } = this.signedIn(session);
    if (!credentials || !this.xmlAgent) return [];
    return mapPayments(await this.xmlAgent.payments(credentials), this.currency);
  }

  async getSupportContacts(): Promise<SupportContacts | null> {
    return this.contacts?.value ?? null;
  }

  async takePromisePay(session: SubscriberSession, offerId: string): Promise<void> {
    const { login, credentials } = this.signedIn(session);
    if (offerId !== CREDIT_OFFER_ID) throw new CabinetError('BAD_USER_INPUT', 'There is no such offer.');
    if (credentials && this.xmlAgent) {
      // The cabinet checks its own SC_* rules and calls `sc` itself; its refusal is the answer.
      const reply = await this.xmlAgent.agentcredit(credentials, { justcheck: false });
      session.forget();
      if (reply.status === 0) return;
      const refusal = CREDITOR_STATUS[reply.status] ?? 'refused';
      throw notAllowed(refusalMessage(refusal, reply.minday && reply.maxday ? { minDay: reply.minday, maxDay: reply.maxday } : undefined));
    }
    const rules = this.options.creditRules;
    if (!rules.enabled) throw notSupported('A promised payment');
    const now = this.now();
    const user = await this.userRow(session, login);
    const decision = decideSelfCredit(creditAccount(user), rules, { now, usedThisMonth: await this.creditLog.usedInMonth(login, now) });
    if (!decision.allowed) throw notAllowed(decision.message);
    await this.remoteApi.sc({
      login,
      cr: validInput(creditAmountSchema, decision.creditLimit),
      end: validInput(ymdSchema, decision.expires),
      fee: validInput(creditAmountSchema, decision.fee),
      ct: rules.cashTypeId,
    });
    session.forget();
    await this.creditLog.record(login, now);
  }

  async connectService(_session: SubscriberSession, _serviceId: string): Promise<Service> {
    throw notSupported('Connecting a service');
  }

  async disconnectService(_session: SubscriberSession, _serviceId: string): Promise<Service> {
    throw notSupported('Disconnecting a service');
  }

  async requestPasswordReset(_login: string): Promise<PasswordResetStart> {
    throw notSupported('Password reset');
  }

  async confirmPasswordReset(_reset: PasswordResetStart, _code: string, _newPassword: string): Promise<void> {
    throw notSupported('Password reset');
  }

  /** Ubilling keeps no push tokens; the BFF's own registry has them. */
  async registerPushToken(_session: SubscriberSession, _token: string, _platform: PushPlatform): Promise<void> {}

  ping(): Promise<boolean> {
    return this.remoteApi.ping();
  }

  async close(): Promise<void> {}

  /** XMLAgent `justauth` reads the live users table: a changed password counts at once. */
  private async justauth(xmlAgent: XmlAgent, login: string, password: string): Promise<BillingIdentity> {
    const uberpassword = md5(password);
    const auth = await xmlAgent.justauth({ login, uberpassword });
    if (!auth) throw invalidCredentials();
    // XMLAgent finds the subscriber by the IP of the pair it checked, and two accounts on one IP
    // resolve to the first: then every later XMLAgent answer would be about someone else.
    if (auth.login.toLowerCase() !== login.toLowerCase()) {
      throw notAllowed('This account shares its network address with another one, so the cabinet cannot tell them apart. Please contact your provider.');
    }
    return { login: auth.login, accountId: auth.login, secret: uberpassword };
  }

  /** RemoteAPI `getuserdatabylogin&userpass=…`: see RemoteApi.getuserdatabylogin for its cache of up to a day. */
  private async checkPassword(login: string, password: string): Promise<BillingIdentity> {
    const reply = await this.remoteApi.getuserdatabylogin(login, password);
    if (reply.kind !== 'user') throw invalidCredentials();
    return { login: reply.user.login, accountId: reply.user.login };
  }

  /** Best effort: the contacts are a courtesy, never a reason to fail a sign-in. */
  private async rememberContacts(login: string): Promise<void> {
    if (this.contacts && Date.now() - this.contacts.at < CONTACTS_TTL_MS) return;
    try {
      const value = mapContacts(await this.remoteApi.getcontragentdata(login));
      if (value || !this.contacts) this.contacts = { value, at: Date.now() };
    } catch {
      // The next sign-in tries again.
    }
  }

  private signedIn(session: SubscriberSession): { login: string; credentials: UberCredentials | null } {
    const parsed = ubillingLoginSchema.safeParse(session.identity.login);
    if (!parsed.success || parsed.data !== session.identity.login) throw new CabinetError('UNAUTHENTICATED', 'Please sign in again.');
    const secret = session.identity.secret;
    const credentials = this.xmlAgent && secret && UBERPASSWORD.test(secret) ? { login: parsed.data, uberpassword: secret } : null;
    return { login: parsed.data, credentials };
  }

  /** The profile and the promised payment of one request read the subscriber once. */
  private async userRow(session: SubscriberSession, login: string): Promise<UserRow> {
    const reply = await session.once(`ubilling getuserdatabylogin ${login}`, () => this.remoteApi.getuserdatabylogin(login));
    if (reply.kind !== 'user') throw new CabinetError('UNAUTHENTICATED', 'The billing no longer knows this account. Please sign in again.');
    return reply.user;
  }

  private async chargeLines(session: SubscriberSession): Promise<ChargeLine[]> {
    const { login, credentials } = this.signedIn(session);
    const xmlAgent = this.xmlAgent;
    if (credentials && xmlAgent) return session.once(`ubilling tariffvservices ${login}`, () => xmlAgent.tariffvservices(credentials));
    const lines = await session.once(`ubilling getuserspends ${login}`, () => this.remoteApi.getuserspends(login));
    if (!lines) throw new CabinetError('UNAUTHENTICATED', 'The billing no longer knows this account. Please sign in again.');
    return lines;
  }
}

export function createUbillingGateway(options: UbillingGatewayOptions): UbillingGateway {
  return new UbillingGateway(options);
}

function validInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CabinetError('BAD_USER_INPUT', parsed.error.issues[0]?.message ?? 'Invalid input');
  return parsed.data;
}

function creditAccount(user: UserRow): CreditAccount {
  return {
    cash: user.Cash,
    credit: user.Credit,
    creditExpire: user.CreditExpire,
    frozen: user.Passive,
    disabled: user.Down,
    tariff: user.Tariff,
    fee: user.Fee,
    period: user.period,
  };
}

/**
 * The creditor agent reports SC_MAXDAY as `creditterm` on success (a Ubilling quirk); its intro
 * text, "…you can get credit for <SC_TERM> days…", carries the real term as its first number.
 */
function termOf(intro: string | undefined): number | null {
  const match = intro ? /\d+/.exec(intro) : null;
  return match ? Number(match[0]) : null;
}
