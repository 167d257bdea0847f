import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { addDays, firstOfNextMonth, localDateTime } from '../../../shared/dates.js';
import { fromMinorUnits, toMinorUnits } from '../../../shared/money.js';
import { datePart } from '../carbon-dates.js';
import { readBody, sendAnswer, SimulatorServer, SLOW_ANSWER_MS, type DemoLogin, type SimulatorServerOptions } from '../simulator.js';
import type { CarbonServiceSeed } from '../carbon-service-seed.js';
import { CARBON_TEXTS, TICKET_STATES } from './carbon-texts.js';
import { demoSeed, type CarbonSeed, type CarbonTariffSeed } from './demo-data.js';
import { pythonJson } from './python-json.js';
import { accountState, type CarbonAccountState } from './simulator-accounts.js';

/**
 * A Carbon Billing 5 on loopback: system_api and REST v2 on one port, as on :8082, answering with
 * Carbon's bytes (Python's json.dumps with \uXXXX escapes, "1"/"0" flags, money as strings or floats,
 * errors inside HTTP 200, Russian texts). Texts and rules no source shows are this simulator's
 * choice; responses.ts marks the same shapes [inferred].
 */

export interface Carbon5SimulatorOptions extends SimulatorServerOptions {
  /** The `web` context's psw; when set, a call without it is refused. */
  apiPassword?: string;
  /** The `asr_fiscal` context's psw, for act_pay; unset, that context is not enabled. */
  fiscalPassword?: string;
  seed?: CarbonSeed;
  /** How long Carbon takes to apply a queued service change; 0 applies it at once. */
  writeDelayMs?: number;
}

/** A broken billing, for tests: a non-JSON or wrong-shape 200, an answer later than any timeout, or HTTP 500. */
export type CarbonFault = 'garbage' | 'slow' | 'http500';

const DEFAULT_WRITE_DELAY_MS = 2000;
const MAX_BODY_BYTES = 64 * 1024;
const CURRENCY_SIGN = 'грн.';

type Arg = Record<string, unknown>;
type Answer = { status: number; contentType: string; body: string };

const json = (value: unknown): Answer => ({ status: 200, contentType: 'application/json', body: pythonJson(value) });
const html = (status: number, body: string): Answer => ({ status, contentType: 'text/html; charset=utf-8', body });

export class Carbon5Simulator extends SimulatorServer<CarbonFault> {
  readonly demoLogins: readonly DemoLogin[];
  private readonly accounts: CarbonAccountState[];
  private readonly tariffs: CarbonTariffSeed[];
  private readonly services: CarbonServiceSeed[];
  private readonly sessions = new Map<string, CarbonAccountState>();
  private readonly resets = new Map<number, string>();
  /** "operator:pay_id_str" of every payment act_pay booked. */
  private readonly fiscalPayments = new Set<string>();
  private readonly writeDelayMs: number;
  private nextTicketId = 20_000;

  constructor(private readonly options: Carbon5SimulatorOptions = {}) {
    super(options);
    this.writeDelayMs = options.writeDelayMs ?? DEFAULT_WRITE_DELAY_MS;
    const seed = structuredClone(options.seed ?? demoSeed(this.today()));
    this.tariffs = seed.tariffs;
    this.services = seed.services;
    this.accounts = seed.accounts.map((account) => accountState(account, this.services, this.today()));
    this.demoLogins = this.accounts.map(({ login, password, description }) => ({ login, password, description }));
  }

  /** A copy of the account as the billing holds it now. */
  account(login: string): CarbonAccountState {
    return structuredClone(this.accountByLogin(login));
  }

  /** Ends the account's live suid, as a sign-in elsewhere does. */
  expireSession(login: string): void {
    this.endSession(this.accountByLogin(login));
  }

  /**
   * The password changed in the billing (an operator, Carbon's own cabinet). The live suid is left
   * alone: whether Carbon ends it is not known, and leaving it is the case a cabinet must catch.
   */
  changePassword(login: string, password: string): void {
    this.accountByLogin(login).password = password;
  }

  // -------------------------------------------------------------------------------------------
  // HTTP

  protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let answer: Answer;
    try {
      const url = new URL(request.url ?? '/', 'http://carbon.invalid');
      const params = new URLSearchParams(url.search);
      const body = await readBody(request, MAX_BODY_BYTES);
      if (body === null) return send(response, html(413, '<h1>Request Entity Too Large</h1>'));
      if ((request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
        for (const [key, value] of new URLSearchParams(body)) params.set(key, value);
      }
      const rest = /^\/rest_api\/v2\/(?:([A-Za-z]+)\/?)?$/.exec(url.pathname);
      const surface = /^\/system_api\/?$/.test(url.pathname) ? 'system_api' : rest?.[1] && request.method === 'POST' ? rest[1] : null;
      if (surface !== null) {
        this.count(surface, params);
        if (this.fault === 'slow') return this.answerLate(response);
        answer = this.faultAnswer(surface) ?? (surface === 'system_api' ? this.systemApi(params) : this.restV2(surface, params));
      } else if (rest && request.method === 'GET') {
        answer = restDocsPage(rest[1]);
      } else {
        answer = html(404, '<h1>Not Found</h1>');
      }
    } catch {
      answer = html(500, '<h1>Server Error (500)</h1>');
    }
    send(response, answer);
  }

  /** Counts each method asked for as "web_cabinet.user_info" or "Users.get_or_create_dynamic_session". */
  private count(surface: string, params: URLSearchParams): void {
    for (let index = 1; params.has(`method${index}`); index++) {
      const method = params.get(`method${index}`) ?? '';
      this.countCall(method.startsWith('web_cabinet.') ? method : `${capitalized(surface)}.${method}`);
    }
  }

  private answerLate(response: ServerResponse): void {
    this.later(SLOW_ANSWER_MS, () => send(response, html(504, '<h1>Gateway Timeout</h1>')));
  }

  private faultAnswer(surface: string): Answer | null {
    switch (this.fault) {
      case 'http500':
        return html(500, '<h1>Server Error (500)</h1>');
      case 'garbage':
        return surface === 'system_api'
          ? { status: 200, contentType: 'application/json', body: '<html><body>Traceback (most recent call last): …</body></html>' }
          : json({ call: `/rest_api/v2/${surface}/`, result: [pythonJson(['unexpected', 1])] });
      default:
        return null;
    }
  }

  /** system_api: the body is the method's result, no envelope. */
  private systemApi(params: URLSearchParams): Answer {
    const context = params.get('context') ?? '';
    if (context === 'asr_fiscal' && this.options.fiscalPassword !== undefined) return this.fiscal(params);
    // [inferred] the vendor page quotes this text for an unknown context, as plain text.
    if (context !== 'web') return html(200, `Context=${context} is not defined`);
    // [inferred] a wrong psw as Django's PermissionDenied: no source shows Carbon's answer.
    if (this.options.apiPassword !== undefined && params.get('psw') !== this.options.apiPassword) return html(403, '<h1>403 Forbidden</h1>');
    const model = params.get('model') ?? '';
    if (model.toLowerCase() !== 'users') return json({ error: `Model ${model} is not defined` });
    const method = params.get('method1') ?? '';
    const arg = parseArg(params.get('arg1'));
    if (arg === null) return json({ error: 'Expecting value: line 1 column 1 (char 0)' });
    return json(this.webCabinet(method, arg));
  }

  /**
   * The payment systems' context: asr_fiscal_manager.act_pay books a payment on the abonent with
   * that contract number (or login). Carbon documents no answer to it, so this one is [inferred]:
   * {"result": "ok", "pay_id": <id>} when booked, {"error": …} when not, and a pay_id_str the same
   * operator already booked is refused, so a second booking of one order shows.
   */
  private fiscal(params: URLSearchParams): Answer {
    if (params.get('psw') !== this.options.fiscalPassword) return html(403, '<h1>403 Forbidden</h1>');
    if ((params.get('model') ?? '').toLowerCase() !== 'abonents') return json({ error: `Model ${params.get('model') ?? ''} is not defined` });
    if (params.get('method1') !== 'asr_fiscal_manager.act_pay') return json({ error: `Method ${params.get('method1') ?? ''} is not defined` });
    const arg = parseArg(params.get('arg1'));
    if (arg === null) return json({ error: 'Expecting value: line 1 column 1 (char 0)' });
    if (arg.act !== 'PAY') return json({ error: `Unknown act ${String(arg.act)}` });
    const key = String(arg.contract_number ?? '');
    const account = this.accounts.find((candidate) => candidate.contractNumber === key || candidate.login === key);
    if (!account) return json({ error: CARBON_TEXTS.abonentNotFound });
    const sum = typeof arg.sum_in === 'string' || typeof arg.sum_in === 'number' ? toMinorUnits(String(arg.sum_in)) : null;
    if (sum === null || sum <= 0n) return json({ error: CARBON_TEXTS.badSum });
    const payId = `${String(arg.pay_operator ?? '')}:${String(arg.pay_id_str ?? '')}`;
    if (this.fiscalPayments.has(payId)) return json({ error: CARBON_TEXTS.paymentTwice });
    const id = 70_000 + this.fiscalPayments.size + 1;
    this.fiscalPayments.add(payId);
    account.balance = fromMinorUnits(minor(account.balance) + sum);
    account.payments.unshift({ date: localDateTime(this.now()), amount: fromMinorUnits(sum), note: `${String(arg.pay_operator ?? '')} ${String(arg.pay_id_str ?? '')}`.trim() });
    return json({ result: 'ok', pay_id: id });
  }

  /** REST v2: method1/arg1… run in turn on the object the chain holds; the last result in {"call","result"}. */
  private restV2(modelInPath: string, params: URLSearchParams): Answer {
    const call = `/rest_api/v2/${modelInPath}/`;
    const model = modelInPath.toLowerCase();
    if (model === 'archaccountstack') return this.archAccountStack(call, params);
    if (model === 'tarif') return this.tarif(call, params);
    if (model === 'financeoperations' || model === 'financeoperationsdetail') return this.financeOperations(model, call, params);
    if (model !== 'users' && model !== 'abonents') return json({ call, error: `Model ${modelInPath} not found` });
    let subject: CarbonAccountState | undefined;
    let staged: Arg = {};
    let result: unknown = null;
    for (let index = 1; params.has(`method${index}`); index++) {
      const method = params.get(`method${index}`) ?? '';
      const arg = parseArg(params.get(`arg${index}`) ?? '{}');
      if (arg === null) return json({ call, error: 'Expecting value: line 1 column 1 (char 0)' });
      if (method === 'objects.get') {
        subject = this.lookUp(model, arg);
        if (!subject) return json({ call, error: `${model === 'users' ? 'Users' : 'Abonents'} matching query does not exist.` });
        result = model === 'users' ? usersObject(subject) : this.abonentsObject(subject);
      } else if (model === 'users' && method.startsWith('web_cabinet.')) {
        result = [pythonJson(this.webCabinet(method, arg))];
      } else if (model === 'users' && method === 'get_or_create_dynamic_session' && subject) {
        // Modelled on the worst case: a new suid each time, ending the live one.
        result = { pk: null, model: 'DynamicSessions', fields: { ttype: 'None', id: 12_000 + subject.userId, suid: this.openSession(subject) } };
      } else if (model === 'abonents' && method === 'set' && subject) {
        const unknown = Object.keys(arg).find((field) => !WRITABLE_ABONENT_FIELDS.has(field));
        if (unknown) return json({ call, error: `Abonents: field ${unknown} is read-only here` });
        staged = { ...staged, ...arg };
        result = this.abonentsObject(subject);
      } else if (model === 'abonents' && method === 'save' && subject) {
        const refusal = this.saveAbonent(subject, staged);
        if (refusal) return json({ call, error: refusal });
        staged = {};
        result = this.abonentsObject(subject);
      } else {
        return json({ call, error: `'${subject ? capitalized(model) : 'Manager'}' object has no attribute '${method}'` });
      }
    }
    return json({ call, result });
  }

  /** Tarif objects.get by id or name, as the vendor's REST v2 page looks a tariff up. */
  private tarif(call: string, params: URLSearchParams): Answer {
    if (params.get('method1') !== 'objects.get' || params.has('method2')) return json({ call, error: `'Manager' object has no attribute '${params.get('method1') ?? ''}'` });
    const arg = parseArg(params.get('arg1') ?? '{}');
    if (arg === null) return json({ call, error: 'Expecting value: line 1 column 1 (char 0)' });
    const tariff = this.tariffs.find((candidate) => String(candidate.id) === String(arg.id ?? arg.pk ?? '') || candidate.name === arg.name);
    if (!tariff) return json({ call, error: 'Tarif matching query does not exist.' });
    return json({ call, result: { pk: tariff.id, model: 'Tarif', fields: { name: tariff.name, reserve_plan: 0 } } });
  }

  /** Abonents save: writes what set staged; a tarif_next_id that names no tariff is Carbon's refusal. */
  private saveAbonent(subject: CarbonAccountState, staged: Arg): string | null {
    if ('tarif_next_id' in staged) {
      const id = staged.tarif_next_id;
      const tariff = id == null || id === '' ? null : this.tariffs.find((candidate) => String(candidate.id) === String(id));
      if (tariff === undefined) return 'Tarif matching query does not exist.';
      subject.nextTariff = tariff;
      subject.nextTariffDate = tariff && typeof staged.tarif_next_date === 'string' ? (datePart(staged.tarif_next_date) ?? null) : null;
    }
    if ('push_token' in staged) subject.pushToken = staged.push_token == null ? null : String(staged.push_token);
    return null;
  }

  /** ArchAccountStack objects.filter by abonent_id, change_balance_time__range and storno, as Django filters. */
  private archAccountStack(call: string, params: URLSearchParams): Answer {
    if (params.get('method1') !== 'objects.filter' || params.has('method2')) return json({ call, error: `'Manager' object has no attribute '${params.get('method1') ?? ''}'` });
    const arg = parseArg(params.get('arg1') ?? '{}');
    if (arg === null) return json({ call, error: 'Expecting value: line 1 column 1 (char 0)' });
    const account = this.accounts.find((candidate) => String(candidate.abonentId) === String(arg.abonent_id));
    const range = Array.isArray(arg.change_balance_time__range) ? arg.change_balance_time__range.map(String) : null;
    const result = (account?.balanceChanges ?? [])
      .filter((change) => !range || (change.time >= (range[0] ?? '') && change.time <= (range[1] ?? '')))
      .filter((change) => arg.storno === undefined || Number(change.storno) === Number(arg.storno))
      .map((change) => ({
        pk: change.id,
        model: 'ArchAccountStack',
        fields: {
          abonent: account?.abonentId,
          change_balance_time: change.time,
          summa: change.summa,
          tarif: change.tariff?.id ?? null,
          __tarif: change.tariff?.name ?? null,
          usluga: change.service?.id ?? null,
          __usluga: change.service?.name ?? null,
          storno: change.storno ? 1 : 0,
          comment: change.comment,
        },
      }));
    return json({ call, result });
  }

  /**
   * FinanceOperations objects.filter by abonent_id and op_type (only invoices, 5, are kept here) and
   * FinanceOperationsDetail objects.filter by finance_operation_id, each object with only the `fields`
   * asked for. Field names and types beyond the vendor's page are this simulator's choice, as
   * responses.ts marks them [inferred].
   */
  private financeOperations(model: string, call: string, params: URLSearchParams): Answer {
    if (params.get('method1') !== 'objects.filter' || params.has('method2')) return json({ call, error: `'Manager' object has no attribute '${params.get('method1') ?? ''}'` });
    const arg = parseArg(params.get('arg1') ?? '{}');
    const fields = params.has('fields') ? (JSON.parse(params.get('fields') ?? '[]') as string[]) : null;
    if (arg === null) return json({ call, error: 'Expecting value: line 1 column 1 (char 0)' });
    const only = (all: Record<string, unknown>) => (fields ? Object.fromEntries(Object.entries(all).filter(([name]) => fields.includes(name))) : all);
    if (model === 'financeoperations') {
      const account = this.accounts.find((candidate) => String(candidate.abonentId) === String(arg.abonent_id));
      const invoices = arg.op_type === undefined || Number(arg.op_type) === 5 ? (account?.invoices ?? []) : [];
      const result = invoices.map((invoice) => ({
        pk: invoice.id,
        model: 'FinanceOperations',
        fields: only({ abonent_id: account?.abonentId, op_type: 5, op_summa: invoice.total, op_date: invoice.date, number: invoice.number, period_end_date: invoice.periodEnd }),
      }));
      return json({ call, result });
    }
    const invoice = this.accounts.flatMap((account) => account.invoices).find((candidate) => String(candidate.id) === String(arg.finance_operation_id));
    const result = (invoice?.lines ?? []).map((line, index) => ({
      pk: (invoice?.id ?? 0) * 10 + index,
      model: 'FinanceOperationsDetail',
      fields: only({
        finance_operation_id: invoice?.id,
        usluga: line.service && { pk: line.service.id, model: 'Usluga', fields: { name: line.service.name } },
        unit: line.unit,
        vv: line.quantity,
        price: line.price,
        name: line.name,
      }),
    }));
    return json({ call, result });
  }

  private lookUp(model: string, arg: Arg): CarbonAccountState | undefined {
    const id = String(arg.id ?? arg.pk ?? '');
    return this.accounts.find((account) =>
      model === 'users'
        ? String(account.userId) === id || account.login === arg.login || String(account.abonentId) === String(arg.abonent_id)
        : String(account.abonentId) === id || account.contractNumber === arg.contract_number,
    );
  }

  // -------------------------------------------------------------------------------------------
  // web_cabinet.*

  private webCabinet(method: string, arg: Arg): unknown {
    // Own keys only: a method named `constructor` or `toString` is not defined either.
    if (Object.hasOwn(this.signedOutMethods, method)) return this.signedOutMethods[method]!(arg);
    const handler = Object.hasOwn(this.subscriberMethods, method) ? this.subscriberMethods[method] : undefined;
    if (!handler) return { error: `Method ${method} is not defined` };
    const account = typeof arg.suid === 'string' ? this.sessions.get(arg.suid) : undefined;
    return account ? handler(account, arg) : { error: CARBON_TEXTS.notAuthorized };
  }

  /** The methods a caller without a suid may use: the ones that open a session or reset a password. */
  private readonly signedOutMethods: Record<string, (arg: Arg) => unknown> = {
    'web_cabinet.login': (arg) => this.login(arg),
    'web_cabinet.try_auto_login': (arg) => this.tryAutoLogin(arg),
    'web_cabinet.reset_password': (arg) => this.resetPassword(arg),
    'web_cabinet.submit_password': (arg) => this.submitPassword(arg),
  };

  private readonly subscriberMethods: Record<string, (account: CarbonAccountState, arg: Arg) => unknown> = {
    'web_cabinet.get_user': (account) => ({ user: this.cabinetUser(account), __user: account.login }),
    'web_cabinet.user_info': (account) => this.userInfo(account),
    'web_cabinet.set_user_info': (account, arg) => this.setUserInfo(account, arg),
    'web_cabinet.get_usluga_list': (account) => this.uslugaList(account),
    'web_cabinet.set_user_usluga': (account, arg) => this.setUserUsluga(account, Number(arg.usluga_id)),
    'web_cabinet.remove_user_usluga': (account, arg) => this.removeUserUsluga(account, Number(arg.usluga_id)),
    'web_cabinet.get_promise_pay_list': (account) =>
      account.promiseOffers.map((offer) => ({ id: offer.id, name: offer.name, summa: offer.amount, days: offer.days, price: offer.fee })),
    'web_cabinet.add_promise_pay': (account, arg) => this.addPromisePay(account, Number(arg.promise_pay_id)),
    'web_cabinet.get_pay_log': (account, arg) => this.payLog(account, arg),
    'web_cabinet.get_helpdesk_dialogs': (account) => this.helpdeskDialogs(account),
    'web_cabinet.get_helpdesk_comments': (account, arg) => this.helpdeskComments(account, arg),
    'web_cabinet.create_ticket': (account, arg) => this.createTicket(account, arg),
    'web_cabinet.block_user': (account, arg) => this.blockUser(account, arg),
  };

  /** The voluntary block, applied at once. [inferred: the answer; the request is seen in public clients] */
  private blockUser(account: CarbonAccountState, arg: Arg): unknown {
    const from = dateArgument(arg.start_date);
    const to = dateArgument(arg.end_date);
    if (!from || !to || to < from || to < this.today()) return { error: CARBON_TEXTS.blockBadDates };
    if (account.frozen && account.frozen.to >= this.today()) return { error: CARBON_TEXTS.blockExists };
    account.frozen = { from, to };
    return { message: CARBON_TEXTS.blockSet };
  }

  // Helpdesk. Public clients show the calls and a few keys; the rest of these answers is inferred
  // (responses.ts parses them tolerantly).

  /** The ISP's staff answering a ticket, as a test or the demo does it. */
  answerTicket(login: string, ticketId: number, text: string): void {
    const ticket = this.accountByLogin(login).tickets.find((candidate) => candidate.id === ticketId);
    if (!ticket) throw new Error(`No ticket ${ticketId} of ${login} in the Carbon 5 simulator`);
    ticket.comments.push({ id: this.nextTicketId++, text, at: localDateTime(this.now()), fromIsp: true });
  }

  private helpdeskDialogs(account: CarbonAccountState): unknown {
    return {
      items: account.tickets.map((ticket) => {
        const state = ticket.closed ? 'closed' : ticket.comments.at(-1)?.fromIsp ? 'answered' : 'waiting';
        return {
          id: ticket.id,
          pk: ticket.id,
          subj: ticket.subject,
          ticket_text: ticket.text,
          status: { waiting: 1, answered: 2, closed: 3 }[state],
          __status: TICKET_STATES[state],
          create_date: `${ticket.createdAt}.000000`,
          __abonent: account.fullName,
        };
      }),
      count: account.tickets.length,
    };
  }

  private helpdeskComments(account: CarbonAccountState, arg: Arg): unknown {
    const ticket = account.tickets.find((candidate) => String(candidate.id) === String(arg.parent_id));
    if (!ticket) return { error: CARBON_TEXTS.ticketNotFound };
    return ticket.comments.map((comment) => ({
      id: comment.id,
      pk: comment.id,
      text: comment.text,
      create_date: `${comment.at}.000000`,
      __creator_abonent: comment.fromIsp ? '' : account.fullName,
      __creator_user: comment.fromIsp ? 'Технічна підтримка' : '',
      read_comment: '1',
    }));
  }

  private createTicket(account: CarbonAccountState, arg: Arg): unknown {
    const text = typeof arg.ticket_text === 'string' ? arg.ticket_text.trim() : '';
    if (!text) return { error: CARBON_TEXTS.ticketTextMissing };
    if (arg.parent_id === null || arg.parent_id === undefined || arg.parent_id === '') {
      account.tickets.unshift({ id: this.nextTicketId++, subject: typeof arg.subj === 'string' ? arg.subj : '', text, createdAt: localDateTime(this.now()), closed: false, comments: [] });
      return { message: CARBON_TEXTS.ticketCreated };
    }
    const ticket = account.tickets.find((candidate) => String(candidate.id) === String(arg.parent_id));
    if (!ticket) return { error: CARBON_TEXTS.ticketNotFound };
    if (ticket.closed) return { error: CARBON_TEXTS.ticketClosed };
    ticket.comments.push({ id: this.nextTicketId++, text, at: localDateTime(this.now()), fromIsp: false });
    return { message: CARBON_TEXTS.commentAdded };
  }

  private login(arg: Arg): unknown {
    const account = this.accounts.find((candidate) => candidate.login === arg.login);
    if (!account || account.password !== arg.passwd) return { error: CARBON_TEXTS.wrongCredentials };
    return this.signedInAnswer(account);
  }

  private tryAutoLogin(arg: Arg): unknown {
    const account = this.accounts.find((candidate) => candidate.autoLoginIps.includes(String(arg.src_ip)));
    return account ? this.signedInAnswer(account) : { error: CARBON_TEXTS.autoLoginFailed };
  }

  private signedInAnswer(account: CarbonAccountState): unknown {
    return {
      session_id: this.openSession(account),
      user: this.cabinetUser(account),
      currency: { NAME: 'Гривня', SHORT_NAME: CURRENCY_SIGN },
    };
  }

  private cabinetUser(account: CarbonAccountState) {
    const balance = account.balance;
    const display = `№ ${account.accountNumber} Баланс: ${balance}`;
    const promise = this.activePromisePay(account);
    return {
      pk: account.userId,
      login: account.login,
      __self: account.login,
      __abonent: account.fullName,
      enabled: flag(account.enabled),
      phone: account.phone ?? '',
      email: account.email ?? '',
      ip: account.ip ?? '',
      mac: account.mac ?? '',
      home: account.address,
      abonent_pay: account.tariff.fee,
      abonent_pay_next_date: `${firstOfNextMonth(this.today())} 00:00:00`,
      abonent: {
        pk: account.abonentId,
        name: account.fullName,
        contract_number: account.contractNumber,
        __account: display,
        account: { __self: display },
        tarif_id: account.tariff.id,
        __tarif: account.tariff.name,
        ...(account.nextTariff ? { __tarif_next: account.nextTariff.name, tarif_next_date: `${this.nextTariffDate(account)} 00:00:00` } : {}),
        activate_date: account.connectedSince ? `${account.connectedSince} 00:00:00` : null,
        contract_date: account.contractDate,
        create_date_system: '2021-03-01 12:00:00.000000',
        minimal_pay_sum: Number(this.minimalPaySum(account)),
        recomend_pay_sum: this.recommendedPaySum(account),
        allow_internet: flag(account.enabled && !account.blocked && !this.isFrozen(account)),
        sms: account.phone ?? '',
        email: account.email ?? '',
        __home: account.address,
        a_home_number: account.apartment ?? '',
        own_disabled_start: account.frozen ? `${account.frozen.from} 00:00:00` : null,
        own_disabled_end: account.frozen ? `${account.frozen.to} 23:59:59` : null,
        promise_pay: promise ? promise.amount : '0.00',
        promise_date_end: promise ? `${promise.until} 23:59:59` : null,
      },
    };
  }

  private userInfo(account: CarbonAccountState) {
    const monthly = this.monthlyCharge(account);
    const balance = minor(account.balance);
    const days = monthly > 0n && balance > 0n ? Number((balance * 30n) / monthly) : 0;
    return {
      tarif_id: account.tariff.id,
      balance: Number(balance) / 100,
      in_block: flag(account.blocked),
      enough_to_date: monthly > 0n ? `${addDays(this.today(), days)} 00:00:00` : null,
      minimal_pay_sum: this.minimalPaySum(account),
    };
  }

  private uslugaList(account: CarbonAccountState): unknown {
    const offered = account.serviceIds.map((id) => this.service(id)).filter((service) => service !== undefined);
    const connected = account.connectedServiceIds.map((id) => this.service(id)).filter((service) => service !== undefined);
    return [
      offered.map((service) => ({
        pk: service.id,
        name: service.name,
        __self: `${service.name}: ${service.description}`,
        comments: service.description,
        summa: service.price,
        is_show_web: flag(service.showInCabinet),
        web_allow_disable: flag(service.subscriberMayDisable),
        system_type_id: 0,
      })),
      connected.map((service) => ({
        pk: account.abonentId * 1000 + service.id,
        __usluga: `${service.name}: ${service.description}`,
        __self: `${service.name}: ${service.description} (${service.price} ${CURRENCY_SIGN})`,
        enable_date: '2024-05-01 00:00:00',
        create_date: '2024-05-01 12:30:00.000000',
        activated: '1',
        debit: service.price,
      })),
      offered.map((service) => ({ pk: service.id, name: service.name })),
    ];
  }

  private setUserUsluga(account: CarbonAccountState, serviceId: number): unknown {
    const service = this.service(serviceId);
    if (!service || !service.showInCabinet || !account.serviceIds.includes(serviceId)) return { error: CARBON_TEXTS.serviceUnavailable };
    if (account.queuedWrites.some((write) => write.serviceId === serviceId)) return { error: CARBON_TEXTS.serviceBusy };
    if (account.connectedServiceIds.includes(serviceId)) return { error: CARBON_TEXTS.serviceConnected };
    if (minor(account.balance) < minor(service.price)) return { error: CARBON_TEXTS.notEnoughMoney };
    this.queue(account, serviceId, 'connect');
    return { message: CARBON_TEXTS.connectAccepted };
  }

  private removeUserUsluga(account: CarbonAccountState, serviceId: number): unknown {
    const service = this.service(serviceId);
    if (!service || !account.connectedServiceIds.includes(serviceId)) return { error: CARBON_TEXTS.serviceNotConnected };
    if (!service.subscriberMayDisable) return { error: CARBON_TEXTS.serviceDisableForbidden };
    if (account.queuedWrites.some((write) => write.serviceId === serviceId)) return { error: CARBON_TEXTS.serviceBusy };
    this.queue(account, serviceId, 'disconnect');
    return { message: CARBON_TEXTS.disconnectAccepted };
  }

  /** Carbon turns a write into a task and runs it later (the REST v2 page's warning). */
  private queue(account: CarbonAccountState, serviceId: number, action: 'connect' | 'disconnect'): void {
    const write = { serviceId, action };
    const apply = () => {
      account.queuedWrites = account.queuedWrites.filter((queued) => queued !== write);
      account.connectedServiceIds =
        action === 'connect' ? [...account.connectedServiceIds, serviceId] : account.connectedServiceIds.filter((id) => id !== serviceId);
    };
    account.queuedWrites.push(write);
    if (this.writeDelayMs === 0) return apply();
    this.later(this.writeDelayMs, apply);
  }

  private addPromisePay(account: CarbonAccountState, offerId: number): unknown {
    const offer = account.promiseOffers.find((candidate) => candidate.id === offerId);
    if (!offer) return { error: CARBON_TEXTS.promiseUnknown };
    if (this.activePromisePay(account)) return { error: CARBON_TEXTS.promiseActive };
    const balance = minor(account.balance);
    if (balance > 0n) return { error: CARBON_TEXTS.promisePositive };
    if (-balance > minor(account.promiseDebtLimit)) return { error: CARBON_TEXTS.promiseDebt(account.promiseDebtLimit) };
    const until = addDays(this.today(), offer.days);
    account.balance = fromMinorUnits(balance + minor(offer.amount) - minor(offer.fee));
    account.promisePay = { amount: offer.amount, until };
    account.blocked = false;
    return { message: CARBON_TEXTS.promiseTaken(offer.amount, until) };
  }

  private payLog(account: CarbonAccountState, arg: Arg): unknown {
    const from = dateArgument(arg.start_date);
    const to = dateArgument(arg.end_date);
    return {
      items: account.payments
        .filter((payment) => (!from || payment.date >= from) && (!to || payment.date < to))
        .map((payment) => ({ op_date: payment.date, op_summa: payment.amount, descr: payment.note })),
    };
  }

  /** [seen: {"suid","user_password"} / {"sms"} / {"email"}; success is "no error key"] */
  private setUserInfo(account: CarbonAccountState, arg: Arg): unknown {
    if (typeof arg.user_password === 'string') {
      if (arg.user_password.length <= 6) return { error: CARBON_TEXTS.passwordTooShort };
      account.password = arg.user_password;
    }
    if (typeof arg.sms === 'string') account.phone = arg.sms || null;
    if (typeof arg.email === 'string') account.email = arg.email || null;
    return {};
  }

  private resetPassword(arg: Arg): unknown {
    const account = this.accounts.find((candidate) => candidate.login === arg.login || (candidate.email !== null && candidate.email === arg.login));
    if (!account) return { error: CARBON_TEXTS.userNotFound };
    const channel = account.phone ? 'SMS' : account.email ? 'EMAIL' : null;
    const to = account.phone ?? account.email;
    if (!channel || !to) return { error: CARBON_TEXTS.noResetChannel };
    const code = resetCode();
    this.resets.set(account.userId, code);
    this.deliver({ sentAt: this.now().toISOString(), login: account.login, channel, to, text: `Код для восстановления пароля: ${code}` });
    const where = channel === 'SMS' ? `по SMS на номер ${masked(to, 4, 2)}` : `на e-mail ${masked(to, 1, to.length - to.indexOf('@'))}`;
    return { uid: String(account.userId), message: `Код отправлен ${where}` };
  }

  private submitPassword(arg: Arg): unknown {
    const { token, uid, psw1, psw2 } = arg;
    if (typeof psw1 !== 'string' || psw1 !== psw2) return { error: CARBON_TEXTS.passwordsDiffer };
    if (psw1.length <= 6) return { error: CARBON_TEXTS.passwordTooShort };
    const account = this.accounts.find((candidate) => String(candidate.userId) === String(uid));
    if (!account || typeof token !== 'string' || this.resets.get(account.userId) !== token) return { error: CARBON_TEXTS.wrongCode };
    this.resets.delete(account.userId);
    account.password = psw1;
    return { message: CARBON_TEXTS.passwordChanged };
  }

  // -------------------------------------------------------------------------------------------
  // State

  /** "SUID активен до следующей попытки авторизации": one live suid per account. */
  private openSession(account: CarbonAccountState): string {
    this.endSession(account);
    const suid = `${randomInt(100_000_000, 1_000_000_000)}${randomInt(100_000_000, 1_000_000_000)}`;
    this.sessions.set(suid, account);
    account.signedIn = true;
    return suid;
  }

  private endSession(account: CarbonAccountState): void {
    for (const [suid, holder] of this.sessions) if (holder === account) this.sessions.delete(suid);
    account.signedIn = false;
  }

  private accountByLogin(login: string): CarbonAccountState {
    const account = this.accounts.find((candidate) => candidate.login === login);
    if (!account) throw new Error(`No account ${login} in the Carbon 5 simulator`);
    return account;
  }

  private service(id: number): CarbonServiceSeed | undefined {
    return this.services.find((service) => service.id === id);
  }

  private abonentsObject(account: CarbonAccountState) {
    return {
      pk: account.abonentId,
      model: 'Abonents',
      fields: {
        name: account.fullName,
        contract_number: account.contractNumber,
        push_token: account.pushToken ?? '',
        tarif_id: account.tariff.id,
        tarif_next_id: account.nextTariff?.id ?? null,
        tarif_next_date: account.nextTariff ? `${this.nextTariffDate(account)} 00:00:00` : null,
      },
    };
  }

  private nextTariffDate(account: CarbonAccountState): string {
    return account.nextTariffDate ?? firstOfNextMonth(this.today());
  }

  private activePromisePay(account: CarbonAccountState) {
    return account.promisePay && account.promisePay.until >= this.today() ? account.promisePay : null;
  }

  private isFrozen(account: CarbonAccountState): boolean {
    const today = this.today();
    return account.frozen !== null && account.frozen.from <= today && today <= account.frozen.to;
  }

  private monthlyCharge(account: CarbonAccountState): bigint {
    return account.connectedServiceIds.reduce((sum, id) => sum + minor(this.service(id)?.price ?? '0'), minor(account.tariff.fee));
  }

  private minimalPaySum(account: CarbonAccountState): string {
    const balance = minor(account.balance);
    return fromMinorUnits(balance < 0n ? -balance : 0n);
  }

  private recommendedPaySum(account: CarbonAccountState): string {
    const shortfall = this.monthlyCharge(account) - minor(account.balance);
    return fromMinorUnits(shortfall > 0n ? shortfall : 0n);
  }
}

export async function startCarbon5Simulator(options: Carbon5SimulatorOptions = {}): Promise<Carbon5Simulator> {
  return new Carbon5Simulator(options).listen();
}

function send(response: ServerResponse, answer: Answer): void {
  sendAnswer(response, answer.status, { 'content-type': answer.contentType }, answer.body);
}

function parseArg(text: string | null): Arg | null {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Arg) : null;
  } catch {
    return null;
  }
}

function restDocsPage(model: string | undefined): Answer {
  const title = model ? `REST API v2: ${model}` : 'REST API v2';
  const models = ['Users', 'Abonents', 'ArchAccountStack', 'Tarif', 'FinanceOperations', 'FinanceOperationsDetail'].map((name) => `<li><a href="/rest_api/v2/${name}/">${name}</a></li>`).join('');
  return html(200, `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><ul>${models}</ul></body></html>`);
}

/** gen_pwd is the account's password as Carbon keeps it [seen: public clients read it among the Users fields]. */
function usersObject(account: CarbonAccountState) {
  return { pk: account.userId, model: 'Users', fields: { login: account.login, abonent_id: account.abonentId, ip: account.ip ?? '', gen_pwd: account.password } };
}

const flag = (value: boolean) => (value ? '1' : '0');
/** What the simulated REST v2 lets the cabinet's context set on an abonent. */
const WRITABLE_ABONENT_FIELDS: ReadonlySet<string> = new Set(['push_token', 'tarif_next_id', 'tarif_next_date']);
const minor = (amount: string) => toMinorUnits(amount) ?? 0n;
/** A date argument as Carbon takes it (dd.MM.yyyy), read as YYYY-MM-DD. */
const dateArgument = (value: unknown) => (typeof value === 'string' ? datePart(value) : null);
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1).toLowerCase();

/** Six upper-case letters and digits, like Carbon's "475GZ4". */
function resetCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

function masked(text: string, keepStart: number, keepEnd: number): string {
  return `${text.slice(0, keepStart)}${'*'.repeat(Math.max(3, text.length - keepStart - keepEnd))}${text.slice(text.length - keepEnd)}`;
}
