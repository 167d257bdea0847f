import type { z } from 'zod';
import { addDays, firstOfNextMonth, ymd } from '../../../shared/dates.js';
import type { Money } from '../../../shared/money.js';
import { creditCallFailure, CreditRefused, type CreditedAccount, type CreditReceipt } from '../../payments/creditor.js';
import { CabinetError, invalidCredentials, notAllowed, notSupported, upstreamError } from '../../domain/errors.js';
import type { BillingGateway, SubscriberSession } from '../../domain/gateway.js';
import type * as Domain from '../../domain/types.js';
import {
  CREDITOR_STATUS,
  PROMISE_PAY_REFUSAL,
  createMemoryCreditLog,
  creditLimit,
  decideSelfCredit,
  refusalMessage,
  type CreditLog,
  type CreditRules,
} from './credit-rules.js';
import { compareDecimals, isFloatText } from '../../../shared/money.js';
import {
  CREDIT_OFFER_ID,
  mapActiveCredit,
  mapAnnouncements,
  mapContacts,
  mapConversations,
  mapCreditOffer,
  mapFeeCharges,
  mapPayments,
  mapServices,
  mapSpends,
  mapSubscriber,
  type UbillingConversations,
} from './mapper.js';
import { checkPauseEnd, checkPauseRequest } from '../../domain/pause-rules.js';
import { mapFreeze } from './freeze.js';
import { mapTariffOptions, type TariffChangeRules } from './tariff-change.js';
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
  /** The cash type card top-ups are booked under (`usercash` ct). */
  topUpCashTypeId?: number;
  /** The ISP lets subscribers unfreeze themselves (userstats XMLAGENT_SELF_UNFREEZE_ALLOWED=1). */
  selfUnfreeze?: boolean;
  /** The ISP enabled userstats' tariff changer (TC_ENABLED=1) with these settings; absent: no tariff change. */
  tariffChange?: TariffChangeRules;
  now?: () => Date;
}

/** The tariff booked for next month; userdata says "No" when there is none. */
function bookedTariff(userdata: { tariffnm: string | null }): string | null {
  return userdata.tariffnm && userdata.tariffnm !== 'No' ? userdata.tariffnm : null;
}

/** `usercash` replies that say nothing was booked (modules/remoteapi/usercash.php and the RemoteAPI key checks). */
const USERCASH_REFUSALS = /^ERROR:/;

const CONTACTS_TTL_MS = 60 * 60 * 1000;
/** After no contacts (a subscriber without an address, a billing that did not answer), asked again this soon. */
const CONTACTS_RETRY_MS = 60 * 1000;
const UBERPASSWORD = /^[0-9a-f]{32}$/;

/**
 * Abonent on Ubilling. Reads go to RemoteAPI (`asterisk` calls, keyed by the serial) and, when the
 * ISP gives its userstats URL, to XMLAgent, which authenticates each request with the subscriber's
 * login and md5(password). That md5 is the session's `secret`: it stays in the server-side session
 * store and never reaches a log, an error or a response. There is no billing session to renew.
 */
export class UbillingGateway implements BillingGateway {
  readonly kind = 'ubilling' as const;
  readonly capabilities: Domain.Capabilities;
  readonly currency: string;

  private readonly remoteApi: RemoteApi;
  private readonly xmlAgent: XmlAgent | null;
  private readonly creditLog: CreditLog;
  private readonly now: () => Date;
  /** getcontragentdata needs a subscriber; the public contacts are those of the last one seen. */
  private contacts: { value: Domain.SupportContacts | null; until: number } | null = null;

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
      charges: this.xmlAgent !== null,
      invoices: false,
      traffic: this.xmlAgent !== null,
      tickets: this.xmlAgent !== null,
      announcements: this.xmlAgent !== null,
      pause: this.xmlAgent !== null,
      tariffChange: this.xmlAgent !== null && options.tariffChange !== undefined,
      // Userstats changes the password only in its HTML form (PASSWORD_CHANGE), which writes the new
      // password in plain text to its log, and RemoteAPI would keep accepting the old one for up to a
      // day; contacts have no subscriber call at all.
      passwordChange: false,
      contactsChange: false,
    };
  }

  async login(login: string, password: string): Promise<Domain.BillingIdentity> {
    const account = validInput(ubillingLoginSchema, login);
    if (!ubillingPasswordSchema.safeParse(password).success) throw invalidCredentials();
    const identity = this.xmlAgent ? await this.justauth(this.xmlAgent, account, password) : await this.checkPassword(account, password);
    await this.rememberContacts(identity.login);
    return identity;
  }

  async autoLogin(clientIp: string): Promise<Domain.BillingIdentity | null> {
    if (!this.options.autoLogin) return null;
    const ip = ipv4Schema.safeParse(clientIp.replace(/^::ffff:/i, ''));
    if (!ip.success) return null;
    const found = await this.remoteApi.userbyip(ip.data);
    if (!found || !ubillingLoginSchema.safeParse(found.login).success) return null;
    return { login: found.login, accountId: found.login, secret: found.uberpassword };
  }

  /**
   * The password the session was opened with is still the subscriber's: XMLAgent `justauth` with
   * its md5, or, without userstats, the md5 of the live users table's password (RemoteAPI's own
   * password check reads a cache that keeps an old password for up to a day). With XMLAgent the pair
   * must also still resolve to this subscriber, not to another account on the same address.
   */
  async verifySession(session: SubscriberSession): Promise<boolean> {
    const { login, credentials } = this.signedIn(session);
    if (credentials && this.xmlAgent) {
      const auth = await this.xmlAgent.justauth(credentials);
      return auth !== null && auth.login.toLowerCase() === login.toLowerCase();
    }
    const reply = await this.remoteApi.getuserdatabylogin(login);
    return reply.kind === 'user' && reply.passwordMd5 !== null && reply.passwordMd5 === session.identity.secret;
  }

  async getSubscriber(session: SubscriberSession): Promise<Domain.Subscriber> {
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

  async getSpends(session: SubscriberSession): Promise<Domain.Spend[]> {
    return mapSpends(await this.chargeLines(session), this.currency);
  }

  async getServices(session: SubscriberSession): Promise<Domain.Service[]> {
    return mapServices(await this.chargeLines(session), this.currency);
  }

  async getPromisePay(session: SubscriberSession): Promise<Domain.PromisePay> {
    const { login, credentials } = this.signedIn(session);
    const now = this.now();
    const user = await this.userRow(session, login);
    const active = mapActiveCredit(user, this.currency);
    if (credentials && this.xmlAgent) {
      await this.boundToSubscriber(this.xmlAgent, credentials);
      const check = await this.xmlAgent.agentcredit(credentials, { justcheck: true });
      if (check.status !== 0) return { active, offers: [], refusal: PROMISE_PAY_REFUSAL[CREDITOR_STATUS[check.status] ?? 'refused'] };
      const fee = check.creditprice !== undefined && isFloatText(check.creditprice) ? check.creditprice : '0';
      const days = termOf(check.creditintro) ?? Number(check.creditterm ?? 0);
      // Not creditintro: that is userstats' sentence in userstats' language; the app says it in the subscriber's own from these fields.
      const offer = { creditLimit: creditLimit(user, fee, now), fee, days, description: null };
      return { active, offers: [mapCreditOffer(offer, this.currency)], refusal: null };
    }
    const rules = this.options.creditRules;
    if (!rules.enabled) return { active, offers: [], refusal: 'NOT_OFFERED' };
    const decision = decideSelfCredit(user, rules, { now, usedThisMonth: await this.creditLog.usedInMonth(login, now) });
    if (!decision.allowed) return { active, offers: [], refusal: PROMISE_PAY_REFUSAL[decision.refusal] };
    const offer = { creditLimit: decision.creditLimit, fee: decision.fee, days: decision.termDays, description: null };
    return { active, offers: [mapCreditOffer(offer, this.currency)], refusal: null };
  }

  /**
   * XMLAgent `feecharges` for the days from..to. Its `dateto` ends at that day's midnight, so the
   * day after is asked for and the mapper drops what is dated on it.
   */
  async getCharges(session: SubscriberSession, from: string, to: string): Promise<Domain.Charge[]> {
    const { credentials, xmlAgent } = this.userstats(session, 'The list of charges');
    const rows = await xmlAgent.feecharges(credentials, validInput(ymdSchema, from), validInput(ymdSchema, addDays(to, 1)));
    return mapFeeCharges(rows, { from, to }, this.currency);
  }

  /** Ubilling issues no invoices to subscribers through its APIs. */
  async getInvoices(): Promise<Domain.Invoice[]> {
    throw notSupported('Invoices');
  }

  async getInvoiceLines(): Promise<Domain.InvoiceLine[]> {
    throw notSupported('Invoices');
  }

  async getPayments(session: SubscriberSession): Promise<Domain.Payment[]> {
    const { credentials } = this.signedIn(session);
    if (!credentials || !this.xmlAgent) return [];
    return mapPayments(await this.xmlAgent.payments(credentials), this.currency);
  }

  /** With a signed-in subscriber's session, fills the contacts when none are known (e.g. after a restart). */
  async getSupportContacts(session?: SubscriberSession): Promise<Domain.SupportContacts | null> {
    if (session) await this.rememberContacts(this.signedIn(session).login);
    return this.contacts?.value ?? null;
  }

  async takePromisePay(session: SubscriberSession, offerId: string): Promise<void> {
    const { login, credentials } = this.signedIn(session);
    if (offerId !== CREDIT_OFFER_ID) throw new CabinetError('BAD_USER_INPUT', 'There is no such offer.');
    const xmlAgent = this.xmlAgent;
    if (credentials && xmlAgent) {
      // The creditor agent decides on the account of the address the pair resolves to: it must be this subscriber's.
      await this.boundToSubscriber(xmlAgent, credentials);
      // The cabinet checks its own SC_* rules and calls `sc` itself; its refusal is the answer.
      const reply = await session.write(() => xmlAgent.agentcredit(credentials, { justcheck: false }));
      if (reply.status !== 0) {
        const refusal = CREDITOR_STATUS[reply.status] ?? 'refused';
        throw notAllowed(refusalMessage(refusal, reply.minday && reply.maxday ? { minDay: reply.minday, maxDay: reply.maxday } : undefined));
      }
      await this.confirmCreditSet(session, login, 'ubilling creditor agentcredit');
      return;
    }
    const rules = this.options.creditRules;
    if (!rules.enabled) throw notSupported('A promised payment');
    const now = this.now();
    const user = await this.userRow(session, login);
    const decision = decideSelfCredit(user, rules, { now, usedThisMonth: await this.creditLog.usedInMonth(login, now) });
    if (!decision.allowed) throw notAllowed(decision.message);
    await session.write(() => this.remoteApi.sc({
      login,
      cr: validInput(creditAmountSchema, decision.creditLimit),
      end: validInput(ymdSchema, decision.expires),
      fee: validInput(creditAmountSchema, decision.fee),
      ct: rules.cashTypeId,
    }));
    // `sc` answers SC:OK and books the fee even when the core did not set the credit: only the account says.
    await this.confirmCreditSet(session, login, 'ubilling remoteapi sc');
    await this.creditLog.record(login, now);
  }

  /** RemoteAPI `usercash&op=add` with the ISP's cash type and our order id as the payment's note. */
  async creditTopUp(account: CreditedAccount, amount: Money, orderId: string): Promise<CreditReceipt> {
    const login = ubillingLoginSchema.safeParse(account.login);
    const summ = creditAmountSchema.safeParse(amount.amount);
    if (!login.success || !summ.success) throw new CreditRefused('the login or the amount is not one Ubilling takes');
    let reply: string;
    try {
      reply = await this.remoteApi.usercash({ login: login.data, summ: summ.data, ct: this.options.topUpCashTypeId ?? 1, note: orderId });
    } catch (error) {
      throw creditCallFailure(error);
    }
    if (reply === 'OK:USERCASH') return { reference: null };
    if (USERCASH_REFUSALS.test(reply)) throw new CreditRefused(`Ubilling: ${reply.slice(0, 60)}`);
    throw upstreamError(`ubilling remoteapi usercash: unexpected reply (${reply.length} bytes)`);
  }

  async connectService(_session: SubscriberSession, _serviceId: string): Promise<Domain.Service> {
    throw notSupported('Connecting a service');
  }

  async disconnectService(_session: SubscriberSession, _serviceId: string): Promise<Domain.Service> {
    throw notSupported('Disconnecting a service');
  }

  async requestPasswordReset(_login: string): Promise<Domain.PasswordResetStart> {
    throw notSupported('Password reset');
  }

  async confirmPasswordReset(_reset: Domain.PasswordResetStart, _code: string, _newPassword: string): Promise<void> {
    throw notSupported('Password reset');
  }

  async getTickets(session: SubscriberSession): Promise<Domain.Ticket[]> {
    return (await this.conversations(session)).tickets;
  }

  async getTicketMessages(session: SubscriberSession, ticketId: string): Promise<Domain.TicketMessage[]> {
    const messages = (await this.conversations(session)).messages.get(ticketId);
    if (!messages) throw notAllowed('There is no such conversation.');
    return messages;
  }

  /** Ubilling keeps no subject: it becomes the first line of the text. */
  async createTicket(session: SubscriberSession, ticket: Domain.NewTicket): Promise<Domain.Ticket> {
    const { credentials, xmlAgent } = this.ticketing(session);
    const id = await session.write(() => this.sendTicketText(xmlAgent, credentials, ticket.subject ? `${ticket.subject}\n\n${ticket.text}` : ticket.text, null));
    const created = (await this.conversations(session)).tickets.find((candidate) => candidate.id === id);
    return created ?? { id, subject: ticket.subject, status: 'OPEN', createdAt: this.now().toISOString() };
  }

  /** XMLAgent posts a reply into any conversation, closed or someone else's; only the subscriber's open ones get here. */
  async replyToTicket(session: SubscriberSession, ticketId: string, text: string): Promise<void> {
    const { credentials, xmlAgent } = this.ticketing(session);
    const ticket = (await this.conversations(session)).tickets.find((candidate) => candidate.id === ticketId);
    if (!ticket) throw notAllowed('There is no such conversation.');
    if (ticket.status === 'CLOSED') throw notAllowed('This conversation is closed. Please start a new one.');
    await session.write(() => this.sendTicketText(xmlAgent, credentials, text, ticketId));
  }

  async getAnnouncements(session: SubscriberSession): Promise<Domain.Announcement[]> {
    const { credentials } = this.signedIn(session);
    if (!credentials || !this.xmlAgent) return [];
    return mapAnnouncements(await this.xmlAgent.announcements(credentials));
  }

  async markAnnouncementsRead(session: SubscriberSession): Promise<void> {
    const { credentials } = this.signedIn(session);
    const xmlAgent = this.xmlAgent;
    if (!credentials || !xmlAgent) return;
    await session.write(() => xmlAgent.annreadall(credentials));
  }

  async getPause(session: SubscriberSession): Promise<Domain.PauseInfo> {
    const { credentials, xmlAgent } = this.userstats(session, 'Pausing the service');
    await this.boundToSubscriber(xmlAgent, credentials);
    return this.freezeOf(xmlAgent, credentials);
  }

  /**
   * `dofreeze` freezes and charges whatever the rules say, so they are read fresh and applied first;
   * then the account is read back: a freeze userstats reports but the account does not show is an
   * unknown outcome for the operator, never a second call.
   */
  async startPause(session: SubscriberSession, period: Domain.PausePeriod): Promise<void> {
    const { login, credentials, xmlAgent } = this.userstats(session, 'Pausing the service');
    await this.boundToSubscriber(xmlAgent, credentials);
    checkPauseRequest(await this.freezeOf(xmlAgent, credentials), period);
    const reply = await session.write(() => xmlAgent.dofreeze(credentials));
    if (!reply.done) throw notAllowed('The billing did not pause your service. Please contact your provider.');
    if (!(await this.freezeOf(xmlAgent, credentials)).active) {
      throw new CabinetError('UPSTREAM_ERROR', 'The billing did not confirm the pause. Please do not ask again; your provider has been told and will check it.', {
        detail: `ubilling xmlagent dofreeze: reported success but the account is not frozen (login ${login}); check the account and its AFFEE_XMLAGENT payment`,
      });
    }
  }

  async endPause(session: SubscriberSession): Promise<void> {
    const { credentials, xmlAgent } = this.userstats(session, 'Pausing the service');
    await this.boundToSubscriber(xmlAgent, credentials);
    checkPauseEnd(await this.freezeOf(xmlAgent, credentials));
    const reply = await session.write(() => xmlAgent.dounfreeze(credentials));
    if (!reply.done) throw notAllowed('The billing did not end the pause. Please contact your provider.');
  }

  /**
   * XMLAgent `tarifftoswitchallowed` (names) with the price list `activetariffsvservices` (fees),
   * and the changer's fee and start from the ISP's settings. Userstats' changer cannot cancel a
   * booked change: only the ISP can.
   */
  async getTariffChoice(session: SubscriberSession): Promise<Domain.TariffChoice> {
    const { credentials, xmlAgent } = this.userstats(session, 'Changing the tariff');
    const rules = this.options.tariffChange;
    if (!rules) throw notSupported('Changing the tariff');
    await this.boundToSubscriber(xmlAgent, credentials);
    const [userdata, allowed, priceList] = await Promise.all([
      xmlAgent.userdata(credentials),
      xmlAgent.tarifftoswitchallowed(credentials),
      xmlAgent.activetariffsvservices(credentials),
    ]);
    const today = ymd(this.now());
    const from = rules.rightNow ? today : firstOfNextMonth(today);
    return { options: mapTariffOptions({ allowed, priceList, currentTariff: userdata.tariff, rules, from, currency: this.currency }), cancellable: false };
  }

  /**
   * The changer charges its fee and books the tariff whatever is booked already, and answers with a
   * page: so the cabinet refuses while a change is booked, sends the form once, and reads the account
   * back. A change userstats does not show after the form is an unknown outcome for the operator
   * (the fee may have been charged), never a second form.
   */
  async changeTariff(session: SubscriberSession, tariffId: string): Promise<void> {
    const { login, credentials, xmlAgent } = this.userstats(session, 'Changing the tariff');
    const option = (await this.getTariffChoice(session)).options.find((candidate) => candidate.id === tariffId);
    if (!option) throw notAllowed('This tariff is not offered to you.');
    if (bookedTariff(await xmlAgent.userdata(credentials)) !== null) throw notAllowed('A tariff change is already booked. Only your provider can change it now.');
    await session.write(() => xmlAgent.tariffchanger(credentials, option.id));
    const after = await xmlAgent.userdata(credentials);
    const done = this.options.tariffChange?.rightNow ? after.tariff === option.id : bookedTariff(after) === option.id;
    if (!done) {
      throw new CabinetError('UPSTREAM_ERROR', 'The billing did not confirm the tariff change. Please do not ask again; your provider has been told and will check it.', {
        detail: `ubilling userstats tariffchanger: sent ${option.id}, but the account shows tariff ${after.tariff ?? 'none'}, next ${after.tariffnm ?? 'none'} (login ${login}); check it and its TCHANGE payment`,
      });
    }
  }

  async cancelTariffChange(session: SubscriberSession): Promise<void> {
    this.userstats(session, 'Changing the tariff');
    throw notAllowed('A booked tariff change can only be cancelled by your provider. Please contact them.');
  }

  /** Ubilling keeps no push tokens; the BFF's own registry has them. */
  async registerPushToken(_session: SubscriberSession, _token: string, _platform: Domain.PushPlatform): Promise<void> {}

  /** RemoteAPI with its Asterisk module, and userstats where the cabinet reads through it: each read path the cabinet uses. */
  async ping(): Promise<boolean> {
    const answers = await Promise.all([this.remoteApi.ping(), this.xmlAgent?.ping() ?? true]);
    return answers.every(Boolean);
  }

  async close(): Promise<void> {}

  /** XMLAgent `justauth` reads the live users table: a changed password counts at once. */
  private async justauth(xmlAgent: XmlAgent, login: string, password: string): Promise<Domain.BillingIdentity> {
    const uberpassword = md5(password);
    const auth = await xmlAgent.justauth({ login, uberpassword });
    if (!auth) throw invalidCredentials();
    // XMLAgent finds the subscriber by the IP of the pair it checked, and two accounts on one IP
    // resolve to the first: then every later XMLAgent answer would be about someone else.
    if (auth.login.toLowerCase() !== login.toLowerCase()) throw sharedAddress();
    // Userstats checks the login in any letter case, as Ubilling's own cabinet does, and names the
    // account as Ubilling spells it: that spelling is the one RemoteAPI's case-sensitive lookups need.
    return { login: auth.login, accountId: auth.login, secret: uberpassword };
  }

  /** RemoteAPI `getuserdatabylogin&userpass=…`: see RemoteApi.getuserdatabylogin for its cache of up to a day. */
  private async checkPassword(login: string, password: string): Promise<Domain.BillingIdentity> {
    const reply = await this.remoteApi.getuserdatabylogin(login, password);
    // The cache may still accept a password the live table no longer has.
    const uberpassword = md5(password);
    if (reply.kind !== 'user' || reply.passwordMd5 !== uberpassword) throw invalidCredentials();
    return { login: reply.user.login, accountId: reply.user.login, secret: uberpassword };
  }

  /** Refuses when the subscriber's pair no longer opens this subscriber's account in userstats. */
  private async boundToSubscriber(xmlAgent: XmlAgent, credentials: UberCredentials): Promise<void> {
    const auth = await xmlAgent.justauth(credentials);
    if (!auth) throw new CabinetError('UNAUTHENTICATED', 'Your password was changed. Please sign in again.');
    if (auth.login.toLowerCase() !== credentials.login.toLowerCase()) throw sharedAddress();
  }

  /**
   * Reads the account back after a credit was reported taken. A credit that is not there is an
   * unknown outcome (the fee may have been booked): the subscriber is told the truth and the detail
   * goes to the operator's log, never a retry.
   */
  private async confirmCreditSet(session: SubscriberSession, login: string, call: string): Promise<void> {
    const user = await this.userRow(session, login);
    if (compareDecimals(user.Credit, '0') > 0 && user.CreditExpire !== 0) return;
    throw new CabinetError('UPSTREAM_ERROR', 'The billing did not confirm the promised payment. Please do not take it again; your provider has been told and will check it.', {
      detail: `${call}: reported success but the account has no credit (login ${login}); check the account and its SCFEE payment`,
    });
  }

  /**
   * Best effort: the contacts are a courtesy, never a reason to fail a request. Found contacts are
   * kept for an hour; none found (this subscriber has no address, or the billing did not answer)
   * keeps what was known and asks again a minute later, with the next subscriber seen.
   */
  private async rememberContacts(login: string): Promise<void> {
    const now = this.now().getTime();
    if (this.contacts && now < this.contacts.until) return;
    const value = await this.remoteApi.getcontragentdata(login).then(mapContacts, () => null);
    this.contacts = value ? { value, until: now + CONTACTS_TTL_MS } : { value: this.contacts?.value ?? null, until: now + CONTACTS_RETRY_MS };
  }

  private signedIn(session: SubscriberSession): { login: string; credentials: UberCredentials | null } {
    const parsed = ubillingLoginSchema.safeParse(session.identity.login);
    if (!parsed.success || parsed.data !== session.identity.login) throw new CabinetError('UNAUTHENTICATED', 'Please sign in again.');
    const secret = session.identity.secret;
    const credentials = this.xmlAgent && secret && UBERPASSWORD.test(secret) ? { login: parsed.data, uberpassword: secret } : null;
    return { login: parsed.data, credentials };
  }

  /** Calls that exist in userstats only, behind the subscriber's own login and md5. */
  private userstats(session: SubscriberSession, what: string): { login: string; credentials: UberCredentials; xmlAgent: XmlAgent } {
    const { login, credentials } = this.signedIn(session);
    if (!credentials || !this.xmlAgent) throw notSupported(what);
    return { login, credentials, xmlAgent: this.xmlAgent };
  }

  private async freezeOf(xmlAgent: XmlAgent, credentials: UberCredentials): Promise<Domain.PauseInfo> {
    const data = await xmlAgent.freezedata(credentials);
    return mapFreeze(data, { today: ymd(this.now()), currency: this.currency, selfUnfreeze: this.options.selfUnfreeze ?? false });
  }

  /** Tickets live in userstats only, behind the subscriber's own login and md5. */
  private ticketing(session: SubscriberSession): { login: string; credentials: UberCredentials; xmlAgent: XmlAgent } {
    const { login, credentials } = this.signedIn(session);
    if (!credentials || !this.xmlAgent) throw notSupported('Support conversations');
    return { login, credentials, xmlAgent: this.xmlAgent };
  }

  private conversations(session: SubscriberSession): Promise<UbillingConversations> {
    const { login, credentials, xmlAgent } = this.ticketing(session);
    return session.once(`ubilling tickets ${login}`, async () => mapConversations(await xmlAgent.tickets(credentials), login));
  }

  private async sendTicketText(xmlAgent: XmlAgent, credentials: UberCredentials, text: string, replyTo: string | null): Promise<string> {
    const id = await xmlAgent.ticketcreate(credentials, text, replyTo);
    if (id === null) throw new CabinetError('UPSTREAM_ERROR', 'The billing did not take your message. Please try again later or call your provider.', { detail: 'ubilling xmlagent ticketcreate: created=error' });
    return id;
  }

  /**
   * The profile and the promised payment of one request read the subscriber once. A credit seen on
   * the account marks its month in the credit log, so the once-a-month rule also counts credits
   * taken in Ubilling's own cabinet, which `sc` callers cannot read otherwise.
   */
  private async userRow(session: SubscriberSession, login: string): Promise<UserRow> {
    const reply = await session.once(`ubilling getuserdatabylogin ${login}`, () => this.remoteApi.getuserdatabylogin(login));
    if (reply.kind !== 'user') throw new CabinetError('UNAUTHENTICATED', 'The billing no longer knows this account. Please sign in again.');
    const rules = this.options.creditRules;
    if (!this.xmlAgent && rules.enabled && reply.user.CreditExpire !== 0) {
      await this.creditLog.record(login, new Date((reply.user.CreditExpire - rules.termDays * 86_400) * 1000));
    }
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

const sharedAddress = () =>
  notAllowed('This account shares its network address with another one, so the cabinet cannot tell them apart. Please contact your provider.');

export function createUbillingGateway(options: UbillingGatewayOptions): UbillingGateway {
  return new UbillingGateway(options);
}

function validInput<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new CabinetError('BAD_USER_INPUT', parsed.error.issues[0]?.message ?? 'Invalid input');
  return parsed.data;
}

/**
 * The creditor agent reports SC_MAXDAY as `creditterm` on success (a Ubilling quirk); its intro
 * text, "…you can get credit for <SC_TERM> days…", carries the real term as its first number.
 */
function termOf(intro: string | undefined): number | null {
  const match = intro ? /\d+/.exec(intro) : null;
  return match ? Number(match[0]) : null;
}
