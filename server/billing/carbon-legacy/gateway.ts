import { createHash, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { addDays, ymd } from '../../../shared/dates.js';
import { toMinorUnits, type Money } from '../../../shared/money.js';
import { creditCallFailure, CreditNotSent, CreditRefused, type CreditedAccount, type CreditReceipt } from '../../payments/creditor.js';
import { loginSchema, passwordSchema } from '../../../shared/validation.js';
import { CabinetError, invalidCredentials, notAllowed, notSupported, upstreamError } from '../../domain/errors.js';
import { parseUpstreamShape } from '../upstream.js';
import type { BillingGateway, SubscriberSession } from '../../domain/gateway.js';
import type * as Domain from '../../domain/types.js';
import { capabilitiesOf } from '../../domain/types.js';
import { dottedDate } from '../carbon-dates.js';
import { CarbonLegacyClient, type CarbonLegacyClientOptions, type Procedure, type ProcedureArgs } from './client.js';
import { bindingOf, CHARGE_OP_TYPE, mapCharges, mapPayments, mapPromisePay, mapServices, mapSpends, mapSubscriber, PAYMENT_OP_TYPE, promisePayOffers } from './mapper.js';
import {
  authLoginRow,
  billingReason,
  finOperRow,
  isSessionExpired,
  uslugaRow,
  usrFindRow,
  usrGetPassword,
  usrGetRow,
  usrUslugaRow,
  type ApiPhpAnswer,
  type ApiPhpRow,
  type UsrGetRow,
} from './responses.js';

export interface CarbonLegacyGatewayOptions extends CarbonLegacyClientOptions {
  /** The dedicated API administrator the vendor recommends: CARBON_LEGACY_LOGIN and CARBON_LEGACY_PASSWORD. */
  operator: { login: string; password: string };
  /** ISO 4217 code of the money Carbon counts in. */
  currency: string;
  /** The term the billing gives a promised payment (its own setting, which api.php does not tell); shown with the offer. */
  promisePayDays?: number;
  /** "Now", for today's date in status and days left; tests fix it. */
  clock?: () => Date;
}

/**
 * What api.php's documented procedures let the cabinet do. They edit neither a subscriber's tariff
 * nor their password or contacts, and know no sign-in by address, password reset, invoices,
 * traffic, tickets, notices or pause.
 */
const CAPABILITIES = capabilitiesOf(['passwordLogin', 'promisePay', 'services', 'serviceConnect', 'serviceDisconnect', 'pushToken', 'payments', 'charges']);

const DEFAULT_PROMISE_PAY_DAYS = 3;
const PAY_LOG_DAYS = 365;
/** What WEB_USER_PROMISE_PAY and CLN_USR_USLUGA_EDIT write to Carbon's audit: HOST varchar(15), COMMENT varchar(64). */
const AUDIT_NOTE = 'abonent';
const CARBON_PK = /^\d{1,10}$/;
const OFFER_ID = /^\d{1,7}\.\d{2}$/;

/**
 * Logins as api.php can be asked for them: the shared rule, within LOGIN varchar(32), and never the
 * word the seen clients send for NULL.
 */
const legacyLoginSchema = loginSchema.max(32, 'A login is at most 32 characters').refine((login) => login.toLowerCase() !== 'null', 'Not a valid login');

/** GEN_PWD is varchar(32): a longer password cannot be the subscriber's. */
const legacyPasswordSchema = passwordSchema.max(32);

/**
 * The Carbon legacy (api.php) adapter. api.php has no subscriber session: every procedure runs
 * under the operator's SUID, which this adapter opens with CLN_AUTH_LOGIN, keeps, and opens anew
 * when Carbon says it expired. The subscriber is bound by the USER_ID in the BFF session; every call
 * carries it, and nothing a client sends chooses another. Signing in compares the typed password
 * with GEN_PWD in constant time, here, so the typed password never reaches the billing or a log.
 */
export class CarbonLegacyGateway implements BillingGateway {
  readonly kind = 'carbon-legacy' as const;
  readonly capabilities = CAPABILITIES;
  readonly currency: string;
  private readonly client: CarbonLegacyClient;
  private readonly operator: OperatorSession;
  private readonly clock: () => Date;
  private readonly promisePayDays: number;

  constructor(options: CarbonLegacyGatewayOptions) {
    this.client = new CarbonLegacyClient(options);
    this.operator = new OperatorSession(this.client, options.operator);
    this.currency = options.currency;
    this.clock = options.clock ?? (() => new Date());
    this.promisePayDays = options.promisePayDays ?? DEFAULT_PROMISE_PAY_DAYS;
  }

  /** CLN_USR_FIND_2 by login, then CLN_USR_GET; the typed password is compared with GEN_PWD, never sent. */
  async login(login: string, password: string): Promise<Domain.BillingIdentity> {
    const parsedLogin = legacyLoginSchema.safeParse(login);
    if (!parsedLogin.success) throw new CabinetError('BAD_USER_INPUT', parsedLogin.error.issues[0]?.message ?? 'Not a valid login');
    if (!legacyPasswordSchema.safeParse(password).success) throw invalidCredentials();
    const typed = parsedLogin.data;

    // CLN_USR_FIND_2 matches a part of the login [inferred]; only the account with exactly this one counts.
    const found = (await this.rows('CLN_USR_FIND_2', { LOGIN_IN: typed }, usrFindRow)).filter(
      (row) => row.login?.toLowerCase() === typed.toLowerCase() && row.end_user !== false && row.deleted !== true,
    );
    if (found.length > 1) throw upstreamError(`carbon-legacy CLN_USR_FIND_2: ${found.length} accounts answer to one login`);
    const userId = found[0]?.id;
    // An unknown login costs the same two calls as a known one, so the answer's time tells nothing.
    const [raw] = await this.rawRows('CLN_USR_GET', { SELECT_ID: userId ?? 0 });
    if (userId === undefined || raw === undefined) throw invalidCredentials();
    const row = parseUpstreamShape('carbon-legacy CLN_USR_GET', usrGetRow, raw);
    const stored = parseUpstreamShape('carbon-legacy CLN_USR_GET', usrGetPassword, raw).gen_pwd;
    const passwordMatches = samePassword(password, stored);
    if (!passwordMatches || row.user_id !== userId || row.deleted === true || row.end_user === false || row.isStaff) throw invalidCredentials();
    return { login: row.login, accountId: row.user_id, secret: passwordFingerprint(row.user_id, stored) };
  }

  /** The account still exists and its stored password is the one the session was opened with. */
  async verifySession(session: SubscriberSession): Promise<boolean> {
    const userId = subscriberId(session);
    const [raw] = await this.rawRows('CLN_USR_GET', { SELECT_ID: userId });
    if (raw === undefined) return false;
    const row = parseUpstreamShape('carbon-legacy CLN_USR_GET', usrGetRow, raw);
    const stored = parseUpstreamShape('carbon-legacy CLN_USR_GET', usrGetPassword, raw).gen_pwd;
    const fingerprint = session.identity.secret ?? '';
    const expected = passwordFingerprint(userId, stored);
    return row.user_id === userId && row.deleted !== true && fingerprint.length === expected.length && timingSafeEqual(Buffer.from(fingerprint), Buffer.from(expected));
  }

  async autoLogin(_clientIp: string): Promise<Domain.BillingIdentity | null> {
    return null;
  }

  async getSubscriber(session: SubscriberSession): Promise<Domain.Subscriber> {
    return mapSubscriber(await this.subscriberRow(session), this.today(), this.currency);
  }

  async getSpends(session: SubscriberSession): Promise<Domain.Spend[]> {
    subscriberId(session);
    const [row, catalogue, bindings] = await Promise.all([this.subscriberRow(session), this.catalogue(session), this.bindings(session)]);
    return mapSpends(row, catalogue, bindings, this.currency);
  }

  async getServices(session: SubscriberSession): Promise<Domain.Service[]> {
    subscriberId(session);
    const [catalogue, bindings] = await Promise.all([this.catalogue(session), this.bindings(session)]);
    return mapServices(catalogue, bindings, this.currency);
  }

  async getPromisePay(session: SubscriberSession): Promise<Domain.PromisePay> {
    return mapPromisePay(await this.subscriberRow(session), this.today(), this.currency, this.promisePayDays);
  }

  /** CLN_FIN_OPER of the last year, payments only (OP_TYPE_IN 2). */
  async getPayments(session: SubscriberSession): Promise<Domain.Payment[]> {
    const userId = subscriberId(session);
    const today = this.today();
    const rows = await this.shared(
      session,
      'CLN_FIN_OPER',
      { USER_ID: userId, DATEL: dottedDate(addDays(today, -PAY_LOG_DAYS)), DATEH: dottedDate(addDays(today, 1)), OP_TYPE_IN: PAYMENT_OP_TYPE },
      finOperRow,
    );
    return mapPayments(rows, userId, this.currency);
  }

  /** The older Carbon's API has no call for invoices. */
  async getInvoices(): Promise<Domain.Invoice[]> {
    throw notSupported('Invoices');
  }

  async getInvoiceLines(): Promise<Domain.InvoiceLine[]> {
    throw notSupported('Invoices');
  }

  /** CLN_FIN_OPER of the period, write-offs only (OP_TYPE_IN 1). */
  async getCharges(session: SubscriberSession, from: string, to: string): Promise<Domain.Charge[]> {
    const userId = subscriberId(session);
    const rows = await this.shared(session, 'CLN_FIN_OPER', { USER_ID: userId, DATEL: dottedDate(from), DATEH: dottedDate(addDays(to, 1)), OP_TYPE_IN: CHARGE_OP_TYPE }, finOperRow);
    return mapCharges(rows, userId, this.currency);
  }

  /** api.php keeps no contacts of the ISP. */
  async getSupportContacts(): Promise<Domain.SupportContacts | null> {
    return null;
  }

  /** WEB_USER_PROMISE_PAY with the amount of the offer shown; the billing applies its own rules and says why it refuses. */
  async takePromisePay(session: SubscriberSession, offerId: string): Promise<void> {
    if (!OFFER_ID.test(offerId)) throw new CabinetError('BAD_USER_INPUT', 'Not a valid offer id');
    const row = await this.subscriberRow(session);
    const offer = promisePayOffers(row, this.today(), this.currency, this.promisePayDays).find((candidate) => candidate.id === offerId);
    if (!offer) throw notAllowed('This offer is no longer available. Please look at the offers again.');
    const answer = await session.write(() => this.operator.execute('WEB_USER_PROMISE_PAY', { USER_ID: row.user_id, PROMISE_PAY: offer.amount.amount, HOST: AUDIT_NOTE }));
    if ('refused' in answer) throw notAllowed(billingReason(answer.refused));
  }

  /**
   * CLN_USR_USLUGA_EDIT with UK 1. It is an administrator's procedure that adds any service to
   * anyone, so the cabinet's rules are kept here: only a service the cabinet shows, not yet
   * connected, on an enabled account with the month's price on it.
   */
  async connectService(session: SubscriberSession, serviceId: string): Promise<Domain.Service> {
    const uslugaId = carbonPk(serviceId);
    subscriberId(session);
    const [row, catalogue, bindings] = await Promise.all([this.subscriberRow(session), this.catalogue(session), this.bindings(session)]);
    const service = catalogue.find((candidate) => candidate.id === uslugaId && candidate.is_show_web === true);
    if (!service) throw notAllowed('This service is not offered to you.');
    if (bindingOf(service, bindings)) throw notAllowed('This service is already connected.');
    if (row.enabled === false) throw notAllowed('Your account is switched off. Please contact your provider.');
    if (service.summa !== null && (toMinorUnits(row.balance) ?? 0n) < (toMinorUnits(service.summa) ?? 0n)) {
      throw notAllowed('There is not enough money on the account to connect this service.');
    }
    const answer = await session.write(() => this.operator.execute('CLN_USR_USLUGA_EDIT', {
      ID: null,
      USER_ID: row.user_id,
      USLUGA_ID: uslugaId,
      ENABLED: 1,
      COUNTT: 1,
      UK: 1,
      COMMENT: AUDIT_NOTE,
    }));
    if ('refused' in answer) throw notAllowed(billingReason(answer.refused));
    return this.serviceNow(session, uslugaId);
  }

  /**
   * CLN_USR_USLUGA_EDIT with UK 2 and the binding's ID, for a connected service the subscriber may
   * disconnect (WEB_ALLOW_DISABLE). The vendor's "null если удаление" for ID is copied from
   * CLN_SWITCH_EDIT; a delete needs the row. [inferred]
   */
  async disconnectService(session: SubscriberSession, serviceId: string): Promise<Domain.Service> {
    const uslugaId = carbonPk(serviceId);
    subscriberId(session);
    const [catalogue, bindings] = await Promise.all([this.catalogue(session), this.bindings(session)]);
    const service = catalogue.find((candidate) => candidate.id === uslugaId && candidate.is_show_web === true);
    if (!service) throw notAllowed('This service is not offered to you.');
    const binding = bindingOf(service, bindings);
    if (!binding) throw notAllowed('This service is not connected.');
    if (service.web_allow_disable !== true) throw notAllowed('This service cannot be disconnected in the cabinet. Please contact your provider.');
    const answer = await session.write(() => this.operator.execute('CLN_USR_USLUGA_EDIT', {
      ID: binding.id,
      USER_ID: binding.user_id,
      USLUGA_ID: uslugaId,
      UK: 2,
      COMMENT: AUDIT_NOTE,
    }));
    if ('refused' in answer) throw notAllowed(billingReason(answer.refused));
    return this.serviceNow(session, uslugaId);
  }

  async requestPasswordReset(_login: string): Promise<Domain.PasswordResetStart> {
    throw notSupported('Password reset');
  }

  async confirmPasswordReset(_reset: Domain.PasswordResetStart, _code: string, _newPassword: string): Promise<void> {
    throw notSupported('Password reset');
  }

  /** The old XML API has no support conversations: the PWA shows the ISP's contacts instead. */
  async getTickets(_session: SubscriberSession): Promise<Domain.Ticket[]> {
    throw notSupported('Support conversations');
  }

  async getTicketMessages(_session: SubscriberSession, _ticketId: string): Promise<Domain.TicketMessage[]> {
    throw notSupported('Support conversations');
  }

  async createTicket(): Promise<Domain.Ticket> {
    throw notSupported('Support conversations');
  }

  async replyToTicket(): Promise<void> {
    throw notSupported('Support conversations');
  }

  /** No notices of its own: only the cabinet's. */
  async getAnnouncements(_session: SubscriberSession): Promise<Domain.Announcement[]> {
    return [];
  }

  async markAnnouncementsRead(_session: SubscriberSession): Promise<void> {}

  /**
   * CLN_FIN_OPER_ADD, an income (type 2) of `amount` today, with our order id in DESCR and its
   * first ten characters in NUMBER (varchar 10), so an operator finds the payment in Carbon. The
   * operator's session is opened first: a failure there means nothing was sent.
   */
  async creditTopUp(account: CreditedAccount, amount: Money, orderId: string): Promise<CreditReceipt> {
    if (!CARBON_PK.test(account.accountId)) throw new CreditRefused('the account id is not a Carbon USER_ID');
    try {
      await this.operator.ready();
    } catch (error) {
      throw new CreditNotSent(error instanceof Error ? error.message : 'the operator session did not open', { cause: error });
    }
    let answer: ApiPhpAnswer;
    try {
      answer = await this.operator.execute('CLN_FIN_OPER_ADD', {
        USER_ID: account.accountId,
        OP_DATE: timestampArg(this.clock()),
        SUMMA: amount.amount,
        DESCR: `Abonent top-up ${orderId}`,
        NUMBER: orderId.replace(/-/g, '').slice(0, 10),
        OP_TYPE: Number(PAYMENT_OP_TYPE),
        RESERVED: null,
      });
    } catch (error) {
      throw creditCallFailure(error);
    }
    if ('refused' in answer) throw new CreditRefused(`Carbon: ${billingReason(answer.refused)}`);
    const id = answer.rows[0]?.id;
    return { reference: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
  }

  /** api.php has no procedure for a voluntary block. */
  async getPause(_session: SubscriberSession): Promise<Domain.PauseInfo> {
    throw notSupported('Pausing the service');
  }

  async startPause(_session: SubscriberSession, _period: Domain.PausePeriod): Promise<void> {
    throw notSupported('Pausing the service');
  }

  async endPause(_session: SubscriberSession): Promise<void> {
    throw notSupported('Pausing the service');
  }

  /** api.php documents no procedure that changes a subscriber's tariff, password or contacts. */
  async getTariffChoice(_session: SubscriberSession): Promise<Domain.TariffChoice> {
    throw notSupported('Changing the tariff');
  }

  async changeTariff(_session: SubscriberSession, _tariffId: string): Promise<void> {
    throw notSupported('Changing the tariff');
  }

  async cancelTariffChange(_session: SubscriberSession): Promise<void> {
    throw notSupported('Changing the tariff');
  }

  /** api.php keeps no push tokens; the BFF's own registry has them. */
  async registerPushToken(_session: SubscriberSession, _token: string, _platform: Domain.PushPlatform): Promise<void> {}

  /** True when api.php admits our certificate and runs a procedure under the operator's session. */
  async ping(): Promise<boolean> {
    try {
      await this.operator.execute('CLN_USR_GET', { SELECT_ID: 0 });
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.client.close();
  }

  /** Today in the BFF's zone, which is taken as the billing's. */
  private today(): string {
    return ymd(this.clock());
  }

  /** The session's subscriber as CLN_USR_GET has them; an account that is gone ends the session. */
  private async subscriberRow(session: SubscriberSession): Promise<UsrGetRow> {
    const userId = subscriberId(session);
    const [row] = await this.shared(session, 'CLN_USR_GET', { SELECT_ID: userId }, usrGetRow);
    if (row === undefined || row.deleted === true) throw new CabinetError('UNAUTHENTICATED', 'Please sign in again.', { detail: 'carbon-legacy CLN_USR_GET: no such account' });
    if (row.user_id !== userId) throw upstreamError('carbon-legacy CLN_USR_GET: the answer is about another account');
    return row;
  }

  private catalogue(session: SubscriberSession) {
    return this.shared(session, 'CLN_USLUGA_LIST', { P_ID: null }, uslugaRow);
  }

  private async bindings(session: SubscriberSession) {
    const userId = subscriberId(session);
    const rows = await this.shared(session, 'CLN_USR_USLUGA_LIST', { USER_ID: userId }, usrUslugaRow);
    return rows.filter((binding) => binding.user_id === userId);
  }

  /** The service as the billing lists it right after a write. */
  private async serviceNow(session: SubscriberSession, uslugaId: string): Promise<Domain.Service> {
    const service = (await this.getServices(session)).find((candidate) => candidate.id === uslugaId);
    if (!service) throw upstreamError('carbon-legacy CLN_USLUGA_LIST: the service is gone after the change');
    return service;
  }

  /** A read shared by every port call of one request. */
  private shared<P extends Procedure, T>(session: SubscriberSession, procedure: P, args: Omit<ProcedureArgs<P>, 'SUID'>, schema: z.ZodType<T>): Promise<T[]> {
    return session.once(`carbon-legacy ${procedure} ${JSON.stringify(args)}`, () => this.rows(procedure, args, schema));
  }

  /** A read in the expected shape. */
  private async rows<P extends Procedure, T>(procedure: P, args: Omit<ProcedureArgs<P>, 'SUID'>, schema: z.ZodType<T>): Promise<T[]> {
    return (await this.rawRows(procedure, args)).map((row) => parseUpstreamShape(`carbon-legacy ${procedure}`, schema, row));
  }

  /** A read's rows as they came. A refusal is not something the subscriber can act on. */
  private async rawRows<P extends Procedure>(procedure: P, args: Omit<ProcedureArgs<P>, 'SUID'>): Promise<ApiPhpRow[]> {
    const answer = await this.operator.execute(procedure, args);
    if ('refused' in answer) throw upstreamError(`carbon-legacy ${procedure}: refused (${billingReason(answer.refused)})`);
    return answer.rows;
  }
}

export function createCarbonLegacyGateway(options: CarbonLegacyGatewayOptions): CarbonLegacyGateway {
  return new CarbonLegacyGateway(options);
}

/**
 * The operator's api.php session: one SUID for the whole adapter, opened on first use and opened
 * anew when Carbon answers that it expired. Calls that find the same SUID dead share one new one.
 * Repeating the refused call is safe for writes too: the procedure raised its exception before it
 * changed anything, and Firebird undoes the rest.
 */
class OperatorSession {
  private session: OpenedSession | undefined;

  constructor(
    private readonly client: CarbonLegacyClient,
    private readonly credentials: { login: string; password: string },
  ) {}

  async execute<P extends Procedure>(procedure: P, args: Omit<ProcedureArgs<P>, 'SUID'>): Promise<ApiPhpAnswer> {
    const suid = await this.current();
    const answer = await this.client.execute(procedure, { ...args, SUID: suid } as ProcedureArgs<P>);
    if (!('refused' in answer) || !isSessionExpired(answer.refused)) return answer;
    const fresh = await this.renew(suid);
    const retried = await this.client.execute(procedure, { ...args, SUID: fresh } as ProcedureArgs<P>);
    if ('refused' in retried && isSessionExpired(retried.refused)) throw upstreamError(`carbon-legacy ${procedure}: a freshly opened operator session was refused too`);
    return retried;
  }

  /** Opens the operator's session unless one is open. */
  async ready(): Promise<void> {
    await this.current();
  }

  private current(): Promise<string> {
    this.session ??= this.open();
    return this.session.suid;
  }

  /** A new SUID, unless another call already replaced the dead one (or is replacing it). */
  private renew(dead: string): Promise<string> {
    if (this.session && this.session.value !== dead) return this.session.suid;
    this.session = this.open();
    return this.session.suid;
  }

  private open(): OpenedSession {
    const session: OpenedSession = {
      suid: this.authLogin().then((suid) => {
        session.value = suid;
        return suid;
      }),
    };
    session.suid.catch(() => {
      if (this.session === session) this.session = undefined;
    });
    return session;
  }

  /** CLN_AUTH_LOGIN; its refusal is a misconfiguration, reported without the billing's text (it may quote what was sent). */
  private async authLogin(): Promise<string> {
    const label = 'carbon-legacy CLN_AUTH_LOGIN';
    const answer = await this.client.execute('CLN_AUTH_LOGIN', { LOGIN: this.credentials.login, PASSWORD: this.credentials.password, FLAG: 0 });
    if ('refused' in answer) throw upstreamError(`${label}: the billing refused the operator account (check CARBON_LEGACY_LOGIN and CARBON_LEGACY_PASSWORD)`);
    return parseUpstreamShape(label, authLoginRow, answer.rows[0]).suid;
  }
}

/** A SUID being opened, and once it is, its value: what `renew` compares a dead one with. */
interface OpenedSession {
  suid: Promise<string>;
  value?: string;
}

/** "dd.mm.yyyy hh:mm:ss" in local time, as api.php takes a timestamp. */
function timestampArg(now: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(now.getDate())}.${two(now.getMonth() + 1)}.${now.getFullYear()} ${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`;
}

/** The session's USER_ID; a session that holds anything else was tampered with, and ends before any request. */
function subscriberId(session: SubscriberSession): string {
  const userId = session.identity.accountId;
  if (!CARBON_PK.test(userId)) throw new CabinetError('UNAUTHENTICATED', 'Please sign in again.');
  return userId;
}

/** Carbon ids are integer primary keys; anything else never reaches it. */
function carbonPk(id: string): string {
  if (!CARBON_PK.test(id)) throw new CabinetError('BAD_USER_INPUT', 'Not a valid service id');
  return id;
}

/** Both sides hashed to one length first, so neither the comparison nor its length tells anything. An empty GEN_PWD matches nothing. */
/**
 * What the session keeps of the account's stored password, to notice a change: a one-way digest
 * bound to the account, never the password itself.
 */
function passwordFingerprint(userId: string, stored: string): string {
  return createHash('sha256').update(`abonent session ${userId}\u0000${stored}`, 'utf8').digest('hex');
}

function samePassword(typed: string, stored: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(typed), digest(stored)) && stored !== '';
}
