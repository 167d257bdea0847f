import type { z } from 'zod';
import { addDays, firstOfNextMonth, ymd } from '../../../shared/dates.js';
import { CabinetError, invalidCredentials, notAllowed, notSupported, upstreamError } from '../../domain/errors.js';
import { checkPauseRequest, checkPauseEnd } from '../../domain/pause-rules.js';
import { parseUpstreamShape } from '../upstream.js';
import type { Money } from '../../../shared/money.js';
import { creditCallFailure, CreditRefused, type CreditedAccount, type CreditReceipt } from '../../payments/creditor.js';
import type { BillingGateway, SubscriberSession } from '../../domain/gateway.js';
import type * as Domain from '../../domain/types.js';
import { capabilitiesOf } from '../../domain/types.js';
import { dottedDate } from '../carbon-dates.js';
import { CarbonClient, type CarbonClientOptions } from './client.js';
import { CarbonSuids, type SignedInCabinet } from './suids.js';
import {
  mapPause,
  mapCharges,
  mapInvoiceLines,
  mapInvoices,
  mapPayments,
  mapPromisePay,
  mapServices,
  mapSpends,
  mapSubscriber,
  mapTicketMessages,
  mapTickets,
  resetChannel,
  ticketStatus,
  type CarbonDialog,
} from './mapper.js';
import {
  abonentTariffsResult,
  tarifResult,
  carbonRefusal,
  getUserAnswer,
  helpdeskCommentsAnswer,
  helpdeskDialogsAnswer,
  isNotAuthorized,
  loginAnswer,
  messageAnswer,
  parseCabinetAnswer,
  archAccountStackResult,
  invoiceLinesResult,
  invoicesResult,
  payLogAnswer,
  promisePayListAnswer,
  resetPasswordAnswer,
  userInfoAnswer,
  uslugaListAnswer,
} from './responses.js';

export interface Carbon5GatewayOptions extends CarbonClientOptions {
  /** ISO 4217 code of the money Carbon counts in. */
  currency: string;
  /** "Now", for today's date in status and days-left; tests fix it. */
  clock?: () => Date;
  /** act_pay's pay_operator: the name card top-ups are booked under. */
  payOperator?: string;
  /** The longest pause a subscriber may book, in days. */
  pauseMaxDays?: number;
  /** The Tarif ids a subscriber may book for the next period (CARBON_TARIFF_CHANGE_IDS); none turns tariff change off. */
  tariffChangeIds?: readonly string[];
}

/** FinanceOperations' op_type of an invoice. [seen: the vendor's REST v2 page] */
const INVOICE_OP_TYPE = 5;

/**
 * What Carbon 5's cabinet API lets the subscriber do; password and contacts through set_user_info
 * {user_password | sms | email}, seen in public clients. Tariff change is on when the ISP names the
 * tariffs to book; traffic and notices are not in the API.
 */
const CAPABILITIES: readonly Domain.Capability[] = [
  'passwordLogin', 'autoLogin', 'promisePay', 'services', 'serviceConnect', 'serviceDisconnect', 'passwordReset', 'pushToken',
  'payments', 'charges', 'invoices', 'tickets', 'pause', 'passwordChange', 'contactsChange',
];

/** Carbon's rule for submit_password: "одинаковые пароли длиннее 6 символов". */
const MIN_PASSWORD_LENGTH = 7;
const PAY_LOG_DAYS = 365;
const CARBON_PK = /^\d+$/;
const DEFAULT_PAUSE_MAX_DAYS = 30;

/**
 * The Carbon Billing 5 adapter. Every subscriber call carries the session's suid in arg1; when Carbon
 * ends a suid, `CarbonSuids` renews it while the password the session was opened with still holds.
 */
export class Carbon5Gateway implements BillingGateway {
  readonly kind = 'carbon5' as const;
  readonly capabilities: Domain.Capabilities;
  readonly keepsPasswordFingerprint = true;
  readonly currency: string;
  private readonly client: CarbonClient;
  private readonly clock: () => Date;
  private readonly payOperator: string;
  private readonly pauseMaxDays: number;
  private readonly tariffChangeIds: readonly string[];
  private readonly suids: CarbonSuids;

  constructor(options: Carbon5GatewayOptions) {
    this.client = new CarbonClient(options);
    this.suids = new CarbonSuids(this.client);
    this.currency = options.currency;
    this.clock = options.clock ?? (() => new Date());
    this.payOperator = options.payOperator ?? 'ABONENT';
    this.pauseMaxDays = options.pauseMaxDays ?? DEFAULT_PAUSE_MAX_DAYS;
    this.tariffChangeIds = options.tariffChangeIds ?? [];
    this.capabilities = capabilitiesOf(this.tariffChangeIds.length > 0 ? [...CAPABILITIES, 'tariffChange'] : CAPABILITIES);
  }

  async login(login: string, password: string): Promise<Domain.BillingIdentity> {
    const answer = parseCabinetAnswer('carbon5 web_cabinet.login', loginAnswer, await this.client.webCabinet('login', { login, passwd: password }));
    if ('refused' in answer) throw invalidCredentials();
    return signedIn(answer.value, login);
  }

  async autoLogin(clientIp: string): Promise<Domain.BillingIdentity | null> {
    const body = await this.client.webCabinet('try_auto_login', { src_ip: clientIp });
    const answer = parseCabinetAnswer('carbon5 web_cabinet.try_auto_login', loginAnswer, body);
    if ('refused' in answer) return null;
    const login = answer.value.user.login;
    if (login === null) throw upstreamError('carbon5 web_cabinet.try_auto_login: the answer names no login');
    return signedIn(answer.value, login);
  }

  /**
   * A session opened with a password: the account's password is still that one (its suid may have
   * ended meanwhile; the next call opens a new one). A session opened by address: its suid still
   * answers user_info, the cheapest call, refused "Необходимо авторизоваться" when it ended.
   */
  async verifySession(session: SubscriberSession): Promise<boolean> {
    if (session.signInPassword) return this.suids.passwordStillHolds(session.identity.accountId, session.signInPassword);
    const suid = session.identity.secret;
    if (!suid) return false;
    const answer = parseCabinetAnswer('carbon5 web_cabinet.user_info', userInfoAnswer, await this.client.webCabinet('user_info', { suid }));
    return !('refused' in answer && isNotAuthorized(answer.refused));
  }

  async getSubscriber(session: SubscriberSession): Promise<Domain.Subscriber> {
    const cabinet = this.suids.cabinet(session);
    const [{ user }, info] = await Promise.all([cabinet.read('get_user', {}, getUserAnswer), cabinet.read('user_info', {}, userInfoAnswer)]);
    return mapSubscriber(user, info, this.today(), this.currency, session.identity.login);
  }

  async getSpends(session: SubscriberSession): Promise<Domain.Spend[]> {
    const cabinet = this.suids.cabinet(session);
    const [{ user }, uslugas] = await Promise.all([cabinet.read('get_user', {}, getUserAnswer), this.uslugaList(cabinet)]);
    return mapSpends(user, uslugas, this.currency);
  }

  async getServices(session: SubscriberSession): Promise<Domain.Service[]> {
    return mapServices(await this.uslugaList(this.suids.cabinet(session)), this.currency);
  }

  async getPromisePay(session: SubscriberSession): Promise<Domain.PromisePay> {
    const cabinet = this.suids.cabinet(session);
    const [{ user }, offers] = await Promise.all([
      cabinet.read('get_user', {}, getUserAnswer),
      cabinet.read('get_promise_pay_list', {}, promisePayListAnswer),
    ]);
    return mapPromisePay(user, offers, this.currency);
  }

  /**
   * REST v2 ArchAccountStack objects.filter for the subscriber's abonent (its pk from get_user), the
   * days from..to whole, storno 0: what Carbon wrote off.
   */
  async getCharges(session: SubscriberSession, from: string, to: string): Promise<Domain.Charge[]> {
    const abonentPk = await this.abonentPk(session, 'ArchAccountStack');
    const label = 'carbon5 ArchAccountStack objects.filter';
    const answer = await this.client.restV2(
      'ArchAccountStack',
      [{ method: 'objects.filter', arg: { abonent_id: abonentPk, change_balance_time__range: [`${from} 00:00:00`, `${to} 23:59:59`], storno: 0 } }],
      { read: true },
    );
    if ('refused' in answer) throw upstreamError(`${label}: refused (${answer.refused})`);
    return mapCharges(parseUpstreamShape(label, archAccountStackResult, answer.result), this.currency);
  }

  /**
   * REST v2 FinanceOperations objects.filter {abonent_id, op_type: 5} with the fields the vendor's
   * page names: the invoices, of which those issued from `from` on are kept.
   */
  async getInvoices(session: SubscriberSession, from: string): Promise<Domain.Invoice[]> {
    const abonentPk = await this.abonentPk(session, 'FinanceOperations');
    const label = 'carbon5 FinanceOperations objects.filter';
    const answer = await this.client.restV2('FinanceOperations', [{ method: 'objects.filter', arg: { abonent_id: abonentPk, op_type: INVOICE_OP_TYPE } }], {
      read: true,
      fields: ['op_summa', 'op_date', 'number', 'period_end_date'],
    });
    if ('refused' in answer) throw upstreamError(`${label}: refused (${answer.refused})`);
    return mapInvoices(parseUpstreamShape(label, invoicesResult, answer.result), this.currency).filter((invoice) => invoice.date >= from);
  }

  /** REST v2 FinanceOperationsDetail objects.filter {finance_operation_id}: the lines of an invoice getInvoices gave this session. */
  async getInvoiceLines(_session: SubscriberSession, invoice: Domain.Invoice): Promise<Domain.InvoiceLine[]> {
    const label = 'carbon5 FinanceOperationsDetail objects.filter';
    const answer = await this.client.restV2('FinanceOperationsDetail', [{ method: 'objects.filter', arg: { finance_operation_id: Number(invoice.id) } }], {
      read: true,
      fields: ['usluga', 'unit', 'vv', 'price', 'name'],
    });
    if ('refused' in answer) throw upstreamError(`${label}: refused (${answer.refused})`);
    return mapInvoiceLines(parseUpstreamShape(label, invoiceLinesResult, answer.result), this.currency);
  }

  async getPayments(session: SubscriberSession): Promise<Domain.Payment[]> {
    const today = this.today();
    const log = await this.suids.cabinet(session).read(
      'get_pay_log',
      { start_date: dottedDate(addDays(today, -PAY_LOG_DAYS)), end_date: dottedDate(addDays(today, 1)), page_number: 1, per_page: 100 },
      payLogAnswer,
    );
    return mapPayments(log, this.currency);
  }

  /** Carbon's cabinet API has no call for the ISP's own contacts. */
  async getSupportContacts(): Promise<Domain.SupportContacts | null> {
    return null;
  }

  async takePromisePay(session: SubscriberSession, offerId: string): Promise<void> {
    const answer = await session.write(() => this.suids.cabinet(session).call('add_promise_pay', { promise_pay_id: carbonPk(offerId, 'offer') }, messageAnswer));
    if ('refused' in answer) throw notAllowed(answer.refused);
  }

  async connectService(session: SubscriberSession, serviceId: string): Promise<Domain.Service> {
    const cabinet = this.suids.cabinet(session);
    const uslugaId = carbonPk(serviceId, 'service');
    const service = await this.offeredService(cabinet, serviceId);
    if (service.connected) throw notAllowed('This service is already connected.');
    const answer = await session.write(() => cabinet.call('set_user_usluga', { usluga_id: uslugaId }, messageAnswer));
    if ('refused' in answer) throw notAllowed(answer.refused);
    return awaitingCarbon(service);
  }

  async disconnectService(session: SubscriberSession, serviceId: string): Promise<Domain.Service> {
    const cabinet = this.suids.cabinet(session);
    const uslugaId = carbonPk(serviceId, 'service');
    const service = await this.offeredService(cabinet, serviceId);
    if (!service.connected) throw notAllowed('This service is not connected.');
    if (!service.canDisconnect) throw notAllowed('This service cannot be disconnected in the cabinet. Please contact your provider.');
    const answer = await session.write(() => cabinet.call('remove_user_usluga', { usluga_id: uslugaId }, messageAnswer));
    if ('refused' in answer) throw notAllowed(answer.refused);
    return awaitingCarbon(service);
  }

  async requestPasswordReset(login: string): Promise<Domain.PasswordResetStart> {
    const body = await this.client.webCabinet('reset_password', { login, base_url: '' });
    const answer = parseCabinetAnswer('carbon5 web_cabinet.reset_password', resetPasswordAnswer, body);
    if ('refused' in answer) throw notAllowed(answer.refused);
    return { channel: resetChannel(answer.value.message), billingRef: answer.value.uid, accountId: answer.value.uid };
  }

  async confirmPasswordReset(reset: Domain.PasswordResetStart, code: string, newPassword: string): Promise<void> {
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      throw new CabinetError('BAD_USER_INPUT', `A new password has at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    const arg = { token: code.trim().toUpperCase(), uid: reset.billingRef, psw1: newPassword, psw2: newPassword };
    const answer = parseCabinetAnswer('carbon5 web_cabinet.submit_password', messageAnswer, await this.client.webCabinet('submit_password', arg));
    if ('refused' in answer) throw notAllowed(answer.refused);
  }

  async getTickets(session: SubscriberSession): Promise<Domain.Ticket[]> {
    return mapTickets(await this.dialogs(this.suids.cabinet(session)));
  }

  async getTicketMessages(session: SubscriberSession, ticketId: string): Promise<Domain.TicketMessage[]> {
    const cabinet = this.suids.cabinet(session);
    const dialog = await this.ownDialog(cabinet, ticketId);
    const comments = await cabinet.read('get_helpdesk_comments', { parent_id: carbonPk(ticketId, 'ticket') }, helpdeskCommentsAnswer);
    return mapTicketMessages(dialog, comments);
  }

  /**
   * create_ticket answers only {"message"}, without the new ticket's id: the new one is the ticket
   * listed after the call that was not listed before it.
   */
  async createTicket(session: SubscriberSession, ticket: Domain.NewTicket): Promise<Domain.Ticket> {
    const cabinet = this.suids.cabinet(session);
    const before = new Set((await this.dialogs(cabinet)).map((dialog) => dialog.id));
    const answer = await session.write(() => cabinet.call('create_ticket', { ticket_text: ticket.text, subj: ticket.subject ?? '', parent_id: null, status: 1 }, messageAnswer));
    if ('refused' in answer) throw notAllowed(answer.refused);
    const [created] = mapTickets((await this.dialogs(cabinet)).filter((dialog) => !before.has(dialog.id)));
    if (!created) {
      // Sent, and not to be sent again: saying it failed would invite a second copy.
      throw new CabinetError('UPSTREAM_ERROR', 'Your message was sent, but the billing does not list it yet. Please look at your conversations in a minute.', {
        detail: 'carbon5 web_cabinet.create_ticket: accepted, but no new ticket is listed',
      });
    }
    return created;
  }

  /** A reply is create_ticket with the conversation as parent_id. [inferred] */
  async replyToTicket(session: SubscriberSession, ticketId: string, text: string): Promise<void> {
    const cabinet = this.suids.cabinet(session);
    const dialog = await this.ownDialog(cabinet, ticketId);
    if (ticketStatus(dialog.status) === 'CLOSED') throw notAllowed('This conversation is closed. Please start a new one.');
    const answer = await session.write(() => cabinet.call(
      'create_ticket',
      { ticket_text: text, subj: dialog.subject ?? '', parent_id: carbonPk(ticketId, 'ticket'), status: 1 },
      messageAnswer,
    ));
    if ('refused' in answer) throw notAllowed(answer.refused);
  }

  /** Carbon's cabinet API has no notices: only the cabinet's own are shown. */
  async getAnnouncements(_session: SubscriberSession): Promise<Domain.Announcement[]> {
    return [];
  }

  async markAnnouncementsRead(_session: SubscriberSession): Promise<void> {}

  async getPause(session: SubscriberSession): Promise<Domain.PauseInfo> {
    const cabinet = this.suids.cabinet(session);
    const [{ user }, info] = await Promise.all([cabinet.read('get_user', {}, getUserAnswer), cabinet.read('user_info', {}, userInfoAnswer)]);
    return mapPause(user, info, this.today(), this.pauseMaxDays);
  }

  /**
   * web_cabinet.block_user {start_date, end_date} in dd.MM.yyyy, seen only in public clients; its
   * answer is inferred ({"message"} or Carbon's {"error"}). So the block is read back: one Carbon
   * accepted but does not show is an unknown outcome for the operator, never a second call.
   */
  async startPause(session: SubscriberSession, period: Domain.PausePeriod): Promise<void> {
    const to = period.to;
    checkPauseRequest(await this.getPause(session), period);
    if (to === null) throw new CabinetError('BAD_USER_INPUT', 'Choose the last day of the pause.');
    const cabinet = this.suids.cabinet(session);
    const answer = await session.write(() => cabinet.call('block_user', { start_date: dottedDate(period.from), end_date: dottedDate(to) }, messageAnswer));
    if ('refused' in answer) throw notAllowed(answer.refused);
    const { user } = await cabinet.read('get_user', {}, getUserAnswer);
    if (user.abonent.own_disabled_start !== period.from || user.abonent.own_disabled_end !== to) {
      throw new CabinetError('UPSTREAM_ERROR', 'The billing did not confirm the pause. Please do not ask again; your provider has been told and will check it.', {
        detail: `carbon5 web_cabinet.block_user: accepted, but the abonent shows no block ${period.from}..${to} (user ${session.identity.accountId})`,
      });
    }
  }

  /** Carbon's cabinet API has no call that lifts a voluntary block: only the ISP ends one. */
  async endPause(session: SubscriberSession): Promise<void> {
    checkPauseEnd(await this.getPause(session));
    throw notAllowed('A pause can only be ended by your provider. Please contact them.');
  }

  /**
   * Carbon's cabinet API has no tariff change; its REST v2 books one for the next period on the
   * abonent (tarif_next_id, tarif_next_date), as an operator would. So the cabinet offers only the
   * tariffs the ISP listed (CARBON_TARIFF_CHANGE_IDS), each named by REST v2 Tarif. REST v2 shows no
   * fee or speeds of a tariff: those are null. Booking is a field on the abonent and costs nothing;
   * the change starts with the next period, the day the next fee is charged (get_user's
   * abonent_pay_next_date), else the first day of the next month. A booked change may be cancelled
   * here only when it is one the cabinet could have booked: one the ISP booked stays the ISP's.
   */
  async getTariffChoice(session: SubscriberSession): Promise<Domain.TariffChoice> {
    if (!this.capabilities.tariffChange) throw notSupported('Changing the tariff');
    const { user } = await this.suids.cabinet(session).read('get_user', {}, getUserAnswer);
    const booking = await this.tariffBooking(session, abonentPkOf(user, 'tariff change'));
    const from = user.abonent_pay_next_date ?? firstOfNextMonth(this.today());
    const ids = this.tariffChangeIds.filter((id) => id !== booking.tarif_id);
    const names = await Promise.all(ids.map((id) => this.tariffName(session, id)));
    const options = ids.flatMap((id, index): Domain.TariffOption[] => {
      const name = names[index];
      if (name === null || name === undefined) return [];
      return [{ id, name, fee: null, period: null, speedIn: null, speedOut: null, changeFee: { amount: '0.00', currency: this.currency }, from }];
    });
    const cancellable = booking.tarif_next_id !== null && this.tariffChangeIds.includes(booking.tarif_next_id);
    return { options, cancellable };
  }

  async changeTariff(session: SubscriberSession, tariffId: string): Promise<void> {
    const { user } = await this.suids.cabinet(session).read('get_user', {}, getUserAnswer);
    const abonentPk = abonentPkOf(user, 'tariff change');
    const option = (await this.getTariffChoice(session)).options.find((candidate) => candidate.id === tariffId);
    if (!option) throw notAllowed('This tariff is not offered to you.');
    if ((await this.tariffBooking(session, abonentPk)).tarif_next_id !== null) {
      throw notAllowed('A tariff change is already booked. Cancel it first to choose another one.');
    }
    await this.bookTariff(session, abonentPk, { tarif_next_id: tariffId, tarif_next_date: option.from });
  }

  async cancelTariffChange(session: SubscriberSession): Promise<void> {
    const { user } = await this.suids.cabinet(session).read('get_user', {}, getUserAnswer);
    const abonentPk = abonentPkOf(user, 'tariff change');
    const booking = await this.tariffBooking(session, abonentPk);
    if (booking.tarif_next_id === null) throw notAllowed('No tariff change is booked.');
    if (!(await this.getTariffChoice(session)).cancellable) throw notAllowed('Your provider booked this tariff change. Please contact them to cancel it.');
    // [inferred] null clears a booking: the vendor's page shows setting the fields, not clearing them.
    await this.bookTariff(session, abonentPk, { tarif_next_id: null, tarif_next_date: null });
  }

  /**
   * web_cabinet.set_user_info {user_password}, seen in public clients; its answer is inferred (no
   * "error" is done). Carbon's own rule for passwords is the reset's: longer than 6 characters.
   */
  async changePassword(session: SubscriberSession, newPassword: string): Promise<Domain.BillingIdentity> {
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      throw new CabinetError('BAD_USER_INPUT', `A new password has at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    const cabinet = this.suids.cabinet(session);
    const answer = await session.write(() => cabinet.call('set_user_info', { user_password: newPassword }, messageAnswer));
    if ('refused' in answer) throw notAllowed(answer.refused);
    return session.identity;
  }

  /**
   * web_cabinet.set_user_info {sms} and {email}, one call each, as public clients send them; the
   * answers are inferred. The account is read back: a contact Carbon accepted but does not show is an
   * unknown outcome for the operator, never a second call.
   */
  async updateContacts(session: SubscriberSession, contacts: Domain.ContactsChange): Promise<void> {
    const cabinet = this.suids.cabinet(session);
    const changes: [field: 'sms' | 'email', value: string][] = [];
    if (contacts.phone !== null) changes.push(['sms', contacts.phone]);
    if (contacts.email !== null) changes.push(['email', contacts.email]);
    for (const [field, value] of changes) {
      const answer = await session.write(() => cabinet.call('set_user_info', { [field]: value }, messageAnswer));
      if ('refused' in answer) throw notAllowed(answer.refused);
    }
    const { user } = await cabinet.read('get_user', {}, getUserAnswer);
    const phone = user.abonent.sms ?? user.phone;
    const email = user.abonent.email ?? user.email;
    const phoneShown = contacts.phone === null || digitsOf(phone) === digitsOf(contacts.phone);
    const emailShown = contacts.email === null || email?.toLowerCase() === contacts.email.toLowerCase();
    if (!phoneShown || !emailShown) {
      throw new CabinetError('UPSTREAM_ERROR', 'The billing did not confirm the new contacts. Please look at your profile in a minute before trying again.', {
        detail: `carbon5 web_cabinet.set_user_info: accepted, but get_user does not show the new ${phoneShown ? 'e-mail' : 'phone'} (user ${session.identity.accountId})`,
      });
    }
  }

  /**
   * REST v2 Abonents objects.get + set {"push_token"} + save, as the vendor docs show. Carbon keeps one
   * token per abonent and no platform, so the platform is not sent.
   */
  async registerPushToken(session: SubscriberSession, token: string, _platform: Domain.PushPlatform): Promise<void> {
    const { user } = await this.suids.cabinet(session).read('get_user', {}, getUserAnswer);
    const abonentPk = user.abonent.pk;
    if (abonentPk == null) throw upstreamError('carbon5 web_cabinet.get_user: no abonent pk for push_token');
    const answer = await this.client.restV2('Abonents', [
      { method: 'objects.get', arg: { id: abonentPk } },
      { method: 'set', arg: { push_token: token } },
      { method: 'save', arg: {} },
    ]);
    if ('refused' in answer) throw upstreamError(`carbon5 Abonents push_token: refused (${answer.refused})`);
  }

  /**
   * system_api asr_fiscal_manager.act_pay, the call Carbon gives payment systems: contract_number
   * takes the login as well (the vendor's page says so), pay_id_str carries our order id. Carbon
   * documents no answer: an `error` field (or Carbon saying the context is not enabled, or a
   * refused psw) is a refusal, and anything else is taken as booked and logged whole.
   */
  async creditTopUp(account: CreditedAccount, amount: Money, orderId: string): Promise<CreditReceipt> {
    let body: string;
    try {
      body = await this.client.actPay({ contract_number: account.login, sum_in: amount.amount, pay_operator: this.payOperator, pay_id_str: orderId, act: 'PAY' });
    } catch (error) {
      if (error instanceof CabinetError && /: HTTP (401|403)$/.test(error.detail ?? '')) throw new CreditRefused('Carbon refused the asr_fiscal password (CARBON_FISCAL_PASSWORD)');
      throw creditCallFailure(error);
    }
    if (/^Context=\S+ is not defined/.test(body.trim())) throw new CreditRefused("the asr_fiscal context is not enabled in Carbon (network['api.context'])");
    let answer: unknown;
    try {
      answer = JSON.parse(body);
    } catch {
      answer = body;
    }
    const refusal = carbonRefusal.safeParse(answer);
    if (refusal.success) throw new CreditRefused(`Carbon: ${refusal.data.error}`);
    return { reference: referenceIn(answer), answer };
  }

  /** True when the cabinet API answers as Carbon does to a call without a session: reachable, context and psw accepted. */
  async ping(): Promise<boolean> {
    try {
      const refusal = carbonRefusal.safeParse(await this.client.systemApi('user_info', { suid: '' }));
      return refusal.success && isNotAuthorized(refusal.data.error);
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {}

  /** Today in the BFF's zone, which is taken as the billing's. */
  private today(): string {
    return ymd(this.clock());
  }

  /** The abonent's pk, from get_user, that REST v2 models are filtered by. */
  private async abonentPk(session: SubscriberSession, model: string): Promise<string> {
    const { user } = await this.suids.cabinet(session).read('get_user', {}, getUserAnswer);
    const abonentPk = user.abonent.pk;
    if (abonentPk == null) throw upstreamError(`carbon5 web_cabinet.get_user: no abonent pk for ${model}`);
    return abonentPk;
  }

  /** REST v2 Abonents objects.get: the current and the booked tariff ids, read once per request until a write. */
  private tariffBooking(session: SubscriberSession, abonentPk: string) {
    return session.once(`carbon5 Abonents tariffs ${abonentPk}`, async () => {
      const label = 'carbon5 Abonents objects.get';
      const answer = await this.client.restV2('Abonents', [{ method: 'objects.get', arg: { id: Number(abonentPk) } }], { read: true });
      if ('refused' in answer) throw upstreamError(`${label}: refused (${answer.refused})`);
      return parseUpstreamShape(label, abonentTariffsResult, answer.result).fields;
    });
  }

  /** A tariff's name from REST v2 Tarif; null when Carbon has no such tariff (a stale id in the configuration). */
  private tariffName(session: SubscriberSession, id: string): Promise<string | null> {
    return session.once(`carbon5 Tarif ${id}`, async () => {
      const answer = await this.client.restV2('Tarif', [{ method: 'objects.get', arg: { id: Number(id) } }], { read: true });
      if ('refused' in answer) return null;
      return parseUpstreamShape('carbon5 Tarif objects.get', tarifResult, answer.result).fields.name;
    });
  }

  /**
   * Abonents objects.get + set + save, sent once; then the abonent is read back. A booking Carbon
   * saved but does not show is an unknown outcome for the operator, never a second call.
   */
  private async bookTariff(session: SubscriberSession, abonentPk: string, booking: { tarif_next_id: string | null; tarif_next_date: string | null }): Promise<void> {
    const answer = await session.write(() =>
      this.client.restV2('Abonents', [
        { method: 'objects.get', arg: { id: Number(abonentPk) } },
        { method: 'set', arg: booking },
        { method: 'save', arg: {} },
      ]),
    );
    if ('refused' in answer) throw upstreamError(`carbon5 Abonents set tarif_next_id: refused (${answer.refused})`);
    const shown = await this.tariffBooking(session, abonentPk);
    if (shown.tarif_next_id !== booking.tarif_next_id || (booking.tarif_next_date !== null && shown.tarif_next_date !== booking.tarif_next_date)) {
      throw new CabinetError('UPSTREAM_ERROR', 'The billing did not confirm the tariff change. Please do not ask again; your provider has been told and will check it.', {
        detail: `carbon5 Abonents set tarif_next_id=${booking.tarif_next_id ?? 'null'}: saved, but the abonent shows ${shown.tarif_next_id ?? 'none'} (abonent ${abonentPk})`,
      });
    }
  }

  private async dialogs(cabinet: SignedInCabinet): Promise<CarbonDialog[]> {
    return (await cabinet.read('get_helpdesk_dialogs', { parent_id: null }, helpdeskDialogsAnswer)).items;
  }

  /** One of the subscriber's own tickets: an id Carbon does not list for them is never sent on. */
  private async ownDialog(cabinet: SignedInCabinet, ticketId: string): Promise<CarbonDialog> {
    const dialog = (await this.dialogs(cabinet)).find((candidate) => candidate.id === ticketId);
    if (!dialog) throw notAllowed('There is no such conversation.');
    return dialog;
  }

  private uslugaList(cabinet: SignedInCabinet) {
    return cabinet.read('get_usluga_list', { get_user_uslugas_all: 1 }, uslugaListAnswer);
  }

  /** The service as the cabinet shows it; one Carbon hides (is_show_web "0") or does not offer is refused. */
  private async offeredService(cabinet: SignedInCabinet, serviceId: string): Promise<Domain.Service> {
    const service = mapServices(await this.uslugaList(cabinet), this.currency).find((candidate) => candidate.id === serviceId);
    if (!service) throw notAllowed('This service is not offered to you.');
    return service;
  }
}

export function createCarbon5Gateway(options: Carbon5GatewayOptions): Carbon5Gateway {
  return new Carbon5Gateway(options);
}

/** An id in act_pay's answer, where it has one (the answer is not documented). */
function referenceIn(answer: unknown): string | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const record = answer as Record<string, unknown>;
  for (const key of ['pay_id', 'id', 'pk', 'result']) {
    const value = record[key];
    if ((typeof value === 'string' && value !== '' && value.length <= 64) || typeof value === 'number') return String(value);
  }
  return null;
}

function signedIn(answer: z.infer<typeof loginAnswer>, typedLogin: string): Domain.BillingIdentity {
  return { login: answer.user.login ?? typedLogin, accountId: answer.user.pk, secret: answer.session_id };
}

/** The abonent's pk from get_user, which REST v2 Abonents calls need. */
function abonentPkOf(user: z.infer<typeof getUserAnswer>['user'], purpose: string): string {
  const abonentPk = user.abonent.pk;
  if (abonentPk == null) throw upstreamError(`carbon5 web_cabinet.get_user: no abonent pk for ${purpose}`);
  return abonentPk;
}

/** A phone compared by its digits: Carbon may keep it with or without a + or spaces. */
const digitsOf = (phone: string | null) => phone?.replace(/\D/g, '') ?? null;

/** Carbon ids are integer primary keys; anything else never reaches it. */
function carbonPk(id: string, what: 'offer' | 'service' | 'ticket'): number {
  if (!CARBON_PK.test(id) || !Number.isSafeInteger(Number(id))) throw new CabinetError('BAD_USER_INPUT', `Not a valid ${what} id`);
  return Number(id);
}

/** Carbon queues writes: the service keeps its state until the billing applies it, and takes no other change meanwhile. */
function awaitingCarbon(service: Domain.Service): Domain.Service {
  return { ...service, pending: true, canConnect: false, canDisconnect: false };
}
