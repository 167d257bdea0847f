import { randomInt } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import { addDays } from '../../../shared/dates.js';
import { fromMinorUnits, toMinorUnits } from '../../../shared/money.js';
import { datePart } from '../carbon-dates.js';
import { sendAnswer, SimulatorServer, SLOW_ANSWER_MS, type DemoLogin, type SimulatorServerOptions } from '../simulator.js';
import type { ClientTls } from './certificates.js';
import { createTestPki, type TestPki } from './test-pki.js';
import type { CarbonServiceSeed } from '../carbon-service-seed.js';
import { blankAccount, demoSeed, type LegacyAccountSeed, type LegacySeed } from './demo-data.js';

/**
 * A Carbon billing of the 4.x line on loopback: the cashier web server's api.php over HTTPS, which
 * admits only clients whose certificate the test CA signed ("Требовать и проверять клиентский
 * сертификат"), running the stored procedures the cabinet needs against seeded accounts and printing
 * their rows as XML in windows-1251. Refusals are Firebird exceptions inside HTTP 200. The envelope,
 * the exception texts, the inferred procedures and the rules are this simulator's choice;
 * responses.ts marks the same shapes [inferred].
 */

export interface CarbonLegacySimulatorOptions extends SimulatorServerOptions {
  seed?: LegacySeed;
  /** The CA, server and client certificates; a fresh set when absent. */
  pki?: TestPki;
  /** An operator SUID unused this long expires. */
  operatorSessionTtlMs?: number;
}

/** A broken billing, for tests: a PHP warning instead of XML, an answer later than any timeout, or HTTP 500. */
export type CarbonLegacyFault = 'garbage' | 'slow' | 'http500';

export interface LegacyAccountState extends LegacyAccountSeed {
  bindings: { id: number; serviceId: number }[];
}

/** A request that reached api.php: its procedure and its positional arguments as sent. */
export interface ApiPhpRequest {
  procedure: string;
  args: string[];
}

/** Firebird's wording of a user exception: "exception <n> <NAME> <text> At procedure '<P>' …". */
const exception = (number: number, name: string, text: string, procedure: string) =>
  `exception ${number} ${name} ${text} At procedure '${procedure}' line: ${10 + number * 7}, col: 5`;

export const CARBON_LEGACY_TEXTS = {
  badSuid: 'Сессия не найдена или устарела. Выполните вход заново',
  badOperator: 'Неверное имя пользователя или пароль',
  userNotFound: 'Пользователь не найден',
  uslugaNotFound: 'Услуга не найдена',
  uslugaTwice: 'Услуга уже подключена абоненту',
  bindingNotFound: 'Запись об услуге абонента не найдена',
  promiseActive: 'Обещанный платеж уже подключен',
  promiseTooLarge: (max: string) => `Сумма обещанного платежа превышает допустимую (${max})`,
  promiseNotPositive: 'Сумма обещанного платежа должна быть больше нуля',
  promiseDisabled: 'Абонент отключен',
} as const;

/** The number of input parameters each procedure takes here; fewer arguments leave the rest NULL, more are refused. */
const ARITY: Record<string, number> = {
  CLN_AUTH_LOGIN: 3,
  CLN_USR_FIND_2: 25,
  CLN_USR_GET: 2,
  CLN_FIN_OPER: 10,
  CLN_USR_USLUGA_EDIT: 12,
  WEB_USER_PROMISE_PAY: 4,
  CLN_FIN_OPER_ADD: 8,
  CLN_USLUGA_LIST: 2,
  CLN_USR_USLUGA_LIST: 2,
};

const DEFAULT_OPERATOR_SESSION_TTL_MS = 30 * 60 * 1000;

type Row = Record<string, string | number | null>;
type Args = (string | null)[];
type Outcome = { rows: Row[] } | { error: string };

class ProcedureError extends Error {}

export class CarbonLegacySimulator extends SimulatorServer<CarbonLegacyFault> {
  readonly demoLogins: readonly DemoLogin[];
  readonly operator: { login: string; password: string };
  private faultyProcedure: string | undefined;
  private readonly accounts: LegacyAccountState[];
  private readonly services: CarbonServiceSeed[];
  private readonly promiseRules: LegacySeed['promiseRules'];
  private readonly operatorSessions = new Map<string, number>();
  private readonly received: ApiPhpRequest[] = [];
  private refused = 0;
  private expireOn: string | undefined;
  private readonly sessionTtlMs: number;

  constructor(
    private readonly pki: TestPki,
    options: CarbonLegacySimulatorOptions = {},
  ) {
    super(options);
    this.sessionTtlMs = options.operatorSessionTtlMs ?? DEFAULT_OPERATOR_SESSION_TTL_MS;
    const seed = structuredClone(options.seed ?? demoSeed(this.today()));
    this.operator = seed.operator;
    this.services = seed.services;
    this.promiseRules = seed.promiseRules;
    this.accounts = seed.accounts.map((account) => ({
      ...account,
      bindings: account.connectedServiceIds.map((serviceId) => ({ id: account.userId * 100 + serviceId, serviceId })),
    }));
    // The operator is a row of the same users table, with the staff flags.
    this.accounts.push({ ...blankAccount(1, seed.operator.login, seed.operator.password), fullName: 'Администратор API', staff: true, bindings: [] });
    this.demoLogins = seed.accounts
      .filter((account) => !account.staff && !account.group && !account.deleted)
      .map(({ login, password, description }) => ({ login, password, description }));
  }

  /** What a client of this billing presents and trusts: the client certificate as a .pfx, and the CA. */
  get clientTls(): ClientTls {
    return { pfx: this.pki.client.pfx, passphrase: this.pki.client.passphrase, ca: this.pki.ca.cert };
  }

  /** TLS connections refused, e.g. for a missing or foreign client certificate. */
  get refusedConnections(): number {
    return this.refused;
  }

  /** Every request that reached api.php, in order. */
  requests(): ApiPhpRequest[] {
    return this.received.map((request) => ({ procedure: request.procedure, args: [...request.args] }));
  }

  /** A copy of the account as the billing holds it now. */
  account(login: string): LegacyAccountState {
    return structuredClone(this.accountByLogin(login));
  }

  /** Ends every operator SUID, as a billing restart or the idle timeout does. */
  expireOperatorSessions(): void {
    this.operatorSessions.clear();
  }

  /** Ends every operator SUID when `procedure` is next asked for, so that call is the one that finds it dead. */
  expireOperatorSessionsOn(procedure: string): void {
    this.expireOn = procedure;
  }

  /** Breaks every procedure, or only the one named. */
  override setFault(fault: CarbonLegacyFault | null, procedure?: string): void {
    super.setFault(fault);
    this.faultyProcedure = procedure;
  }

  // -------------------------------------------------------------------------------------------
  // HTTPS

  /** Admits only clients whose certificate the test CA signed, and counts the ones it turns away. */
  protected override createServer(handler: RequestListener): Server {
    const server = createServer({ key: this.pki.server.key, cert: this.pki.server.cert, ca: this.pki.ca.cert, requestCert: true, rejectUnauthorized: true }, handler);
    server.on('tlsClientError', () => this.refused++);
    return server;
  }

  protected handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'https://carbon.invalid');
    if (url.pathname !== '/api.php' || request.method !== 'GET') return send(response, 404, 'text/html', Buffer.from('<h1>Not Found</h1>'));
    const procedure = url.searchParams.get('proc') ?? '';
    const args: string[] = [];
    for (let index = 1; url.searchParams.has(`arg${index}`); index++) args.push(url.searchParams.get(`arg${index}`) ?? '');
    this.received.push({ procedure, args });
    if (this.expireOn === procedure) {
      this.expireOn = undefined;
      this.expireOperatorSessions();
    }
    this.countCall(procedure);
    switch (this.faultyProcedure === undefined || this.faultyProcedure === procedure ? this.fault : null) {
      case 'slow':
        return this.answerLate(response);
      case 'http500':
        return send(response, 500, 'text/html', Buffer.from('<h1>500 Internal Server Error</h1>'));
      case 'garbage':
        return send(response, 200, 'text/html', Buffer.from('<br />\n<b>Warning</b>:  ibase_connect(): Unable to complete network request to host "localhost". in <b>/var/www/api.php</b> on line <b>12</b><br />\n'));
    }
    try {
      const outcome = url.searchParams.get('cmd') === 'execute' ? this.execute(procedure, args.map((arg) => (arg === 'null' || arg === '' ? null : arg))) : { error: 'Unknown command' };
      send(response, 200, 'text/xml', windows1251(xmlAnswer(outcome)));
    } catch {
      send(response, 500, 'text/html', Buffer.from('<h1>500 Internal Server Error</h1>'));
    }
  }

  private answerLate(response: ServerResponse): void {
    this.later(SLOW_ANSWER_MS, () => send(response, 504, 'text/html', Buffer.from('<h1>504 Gateway Timeout</h1>')));
  }

  // -------------------------------------------------------------------------------------------
  // Procedures

  private execute(procedure: string, args: Args): Outcome {
    const arity = ARITY[procedure];
    if (arity === undefined) return { error: `Dynamic SQL Error SQL error code = -204 Procedure unknown ${procedure}` };
    if (args.length > arity) return { error: `Dynamic SQL Error Input parameter mismatch for procedure ${procedure}` };
    const arg = (position: number) => args[position - 1] ?? null;
    try {
      if (procedure === 'CLN_AUTH_LOGIN') return { rows: [this.authLogin(arg(1), arg(2))] };
      this.checkSuid(procedure, arg(1));
      switch (procedure) {
        case 'CLN_USR_FIND_2':
          return { rows: this.usrFind2(args) };
        case 'CLN_USR_GET': {
          const account = this.accounts.find((candidate) => candidate.userId === integer(arg(2)));
          return { rows: account ? [this.usrGetRow(account)] : [] };
        }
        case 'CLN_FIN_OPER':
          return { rows: this.finOper(integer(arg(2)), arg(3), arg(4), integer(arg(6))) };
        case 'CLN_USLUGA_LIST':
          return { rows: this.services.filter((service) => arg(2) === null || service.id === integer(arg(2))).map(uslugaRow) };
        case 'CLN_USR_USLUGA_LIST':
          return { rows: this.usrUslugaList(integer(arg(2))) };
        case 'CLN_USR_USLUGA_EDIT':
          this.usrUslugaEdit(args);
          return { rows: [] };
        case 'WEB_USER_PROMISE_PAY':
          this.promisePay(integer(arg(2)), arg(3));
          return { rows: [] };
        case 'CLN_FIN_OPER_ADD':
          return { rows: [this.finOperAdd(args)] };
      }
      return { rows: [] };
    } catch (error) {
      if (error instanceof ProcedureError) return { error: error.message };
      throw error;
    }
  }

  private authLogin(login: string | null, password: string | null): Row {
    if (login !== this.operator.login || password !== this.operator.password) {
      throw new ProcedureError(exception(2, 'E_AUTH', CARBON_LEGACY_TEXTS.badOperator, 'CLN_AUTH_LOGIN'));
    }
    const suid = String(randomInt(100_000_000, 1_000_000_000));
    this.operatorSessions.set(suid, Date.now());
    return { suid };
  }

  private checkSuid(procedure: string, suid: string | null): void {
    const lastUsed = suid === null ? undefined : this.operatorSessions.get(suid);
    if (suid === null || lastUsed === undefined || Date.now() - lastUsed > this.sessionTtlMs) {
      if (suid !== null) this.operatorSessions.delete(suid);
      throw new ProcedureError(exception(1, 'E_BAD_SUID', CARBON_LEGACY_TEXTS.badSuid, procedure));
    }
    this.operatorSessions.set(suid, Date.now());
  }

  /** Filters on every criterion given; logins and names match as Firebird's CONTAINING does, case-insensitive substrings. [inferred] */
  private usrFind2(args: Args): Row[] {
    const [, name, login, id, email, , , , , , , , endUser, , , deleted, , contract] = args;
    const contains = (value: string, part: string | null | undefined) => part == null || value.toLowerCase().includes(part.toLowerCase());
    return this.accounts
      .filter((account) =>
        contains(account.login, login) &&
        contains(account.fullName, name) &&
        contains(account.email ?? '', email) &&
        (id == null || account.userId === integer(id)) &&
        (contract == null || account.contractNumber === contract) &&
        (endUser == null || (account.group ? 0 : 1) === integer(endUser)) &&
        (deleted === '1' || !account.deleted),
      )
      .map((account) => ({
        id: account.userId,
        parent_identify: 'Абоненты',
        identify: account.fullName,
        ip: account.ip ?? '',
        balance: account.balance,
        deleted: flag(account.deleted),
        end_user: flag(!account.group),
        server: 0,
        parid: 2,
        comment: null,
        parid1: 2,
        id1: account.userId,
        count_user: 0,
        login: account.login,
        color: null,
      }));
  }

  /** CLN_USR_GET's outputs in the vendor's order (a selection of them). */
  private usrGetRow(account: LegacyAccountState): Row {
    const promise = account.promisePay;
    return {
      user_id: account.userId,
      parent_id: 2,
      tarif_id: account.tariff.id,
      use_parent_tarif: 0,
      login: account.login,
      name: account.fullName,
      email: account.email,
      pull_id: 1,
      ip: account.ip === null ? 0 : firebirdIp(account.ip),
      net_size: 32,
      ostatok: account.balance,
      credit: '0.00',
      debit: account.balance,
      balance: account.balance,
      limit: '0.00',
      unlimited: 0,
      finance_user: 1,
      enabled: flag(account.enabled),
      deleted: flag(account.deleted),
      end_user: flag(!account.group),
      root_admin: flag(account.staff),
      tech_admin: 0,
      fin_admin: flag(account.staff),
      card_admin: 0,
      auto_account: 1,
      auto_interval: 1,
      server: 0,
      psw: null,
      balance_buh: account.balance,
      next_auto_acount: `${addDays(this.today(), 1)} 00:00:00`,
      auto_account_lock: 0,
      limit_lock: flag(account.blocked),
      allow_reconnect: 1,
      allow_internet_connect: flag(account.enabled && !account.blocked),
      logged: flag(account.online),
      disabled_date: null,
      abonent_pay: account.tariff.fee,
      mac: account.mac,
      contract_number: account.contractNumber,
      plan_next_id: null,
      read_admin: 0,
      own_disabled_end: account.frozenUntil ? `${account.frozenUntil} 23:59:59` : null,
      promise_pay: promise ? promise.amount : '0.00',
      promise_date_end: promise ? `${promise.until} 23:59:59` : null,
      full_admin: flag(account.staff),
      code1c: null,
      sms: account.phone,
      gen_pwd: account.password,
      company: 0,
      home_id: 14,
      a_home_number: 5,
      tarif_txt: `${account.tariff.id} ${account.tariff.name}`,
      create_date: account.connectedSince,
      sorm_admin: 0,
    };
  }

  private finOper(userId: number | null, from: string | null, to: string | null, type: number | null): Row[] {
    const account = this.accounts.find((candidate) => candidate.userId === userId);
    const fromDay = datePart(from);
    const toDay = datePart(to);
    return (account?.operations ?? [])
      .filter((operation) => (fromDay === null || operation.date >= fromDay) && (toDay === null || operation.date < toDay) && (type === null || operation.type === type))
      .map((operation, index) => ({
        id: account!.userId * 1000 + index,
        user_id: account!.userId,
        op_date: operation.date,
        summa: operation.amount,
        descr: operation.note,
        op_type: operation.type,
        number: String(index + 1),
      }));
  }

  private usrUslugaList(userId: number | null): Row[] {
    const account = this.accounts.find((candidate) => candidate.userId === userId);
    return (account?.bindings ?? []).map((binding) => ({
      id: binding.id,
      user_id: account!.userId,
      usluga_id: binding.serviceId,
      enabled: 1,
      create_date: '2024-05-01 12:30:00',
      next_date: `${addDays(this.today(), 1)} 00:00:00`,
      countt: 1,
      comment: null,
      sip_id: null,
    }));
  }

  /** An administrator's procedure: it checks rows exist, not what a subscriber may do. */
  private usrUslugaEdit(args: Args): void {
    const [, bindingId, userId, serviceId, , , , , operation] = args;
    const account = this.accounts.find((candidate) => candidate.userId === integer(userId ?? null));
    if (!account) throw new ProcedureError(exception(4, 'E_USER', CARBON_LEGACY_TEXTS.userNotFound, 'CLN_USR_USLUGA_EDIT'));
    switch (integer(operation ?? null)) {
      case 1: {
        const service = this.services.find((candidate) => candidate.id === integer(serviceId ?? null));
        if (!service) throw new ProcedureError(exception(5, 'E_USLUGA', CARBON_LEGACY_TEXTS.uslugaNotFound, 'CLN_USR_USLUGA_EDIT'));
        if (account.bindings.some((binding) => binding.serviceId === service.id)) {
          throw new ProcedureError(exception(6, 'E_USLUGA_EXISTS', CARBON_LEGACY_TEXTS.uslugaTwice, 'CLN_USR_USLUGA_EDIT'));
        }
        account.bindings.push({ id: account.userId * 100 + service.id, serviceId: service.id });
        return;
      }
      case 2: {
        const binding = account.bindings.find((candidate) => candidate.id === integer(bindingId ?? null));
        if (!binding) throw new ProcedureError(exception(7, 'E_USLUGA_ROW', CARBON_LEGACY_TEXTS.bindingNotFound, 'CLN_USR_USLUGA_EDIT'));
        account.bindings = account.bindings.filter((candidate) => candidate !== binding);
        return;
      }
      default:
        throw new ProcedureError(exception(8, 'E_UK', 'Неизвестный код операции', 'CLN_USR_USLUGA_EDIT'));
    }
  }

  /**
   * Money onto the balance: an operation of type OP_TYPE (2 income) dated OP_DATE. What it returns
   * is not documented; the new operation's ID is this simulator's choice. [inferred]
   */
  private finOperAdd(args: Args): Row {
    const [, userId, opDate, summa, descr, , opType] = args;
    const refuse = (number: number, name: string, text: string) => new ProcedureError(exception(number, name, text, 'CLN_FIN_OPER_ADD'));
    const account = this.accounts.find((candidate) => candidate.userId === integer(userId ?? null) && !candidate.group);
    if (!account) throw refuse(4, 'E_USER', CARBON_LEGACY_TEXTS.userNotFound);
    const sum = summa === null || summa === undefined ? null : toMinorUnits(summa);
    if (sum === null) throw new ProcedureError(`conversion error from string "${summa ?? ''}"`);
    const type = integer(opType ?? null) === 1 ? 1 : 2;
    const date = datePart(opDate?.slice(0, 10)) ?? this.today();
    const time = /\d{2}:\d{2}:\d{2}/.exec(opDate ?? '')?.[0] ?? '00:00:00';
    account.operations.unshift({ date: `${date} ${time}`, amount: fromMinorUnits(type === 2 ? sum : -sum), note: descr ?? '', type });
    account.balance = fromMinorUnits(minor(account.balance) + (type === 2 ? sum : -sum));
    return { id: account.userId * 1000 + account.operations.length };
  }

  /** The web procedure applies the billing's own rules. [inferred] */
  private promisePay(userId: number | null, amount: string | null): void {
    const refuse = (number: number, name: string, text: string) => new ProcedureError(exception(number, name, text, 'WEB_USER_PROMISE_PAY'));
    const account = this.accounts.find((candidate) => candidate.userId === userId && !candidate.staff);
    if (!account) throw refuse(4, 'E_USER', CARBON_LEGACY_TEXTS.userNotFound);
    const sum = amount === null ? null : toMinorUnits(amount);
    if (sum === null) throw new ProcedureError(`conversion error from string "${amount ?? ''}"`);
    if (sum <= 0n) throw refuse(11, 'E_PROMISE_SUM', CARBON_LEGACY_TEXTS.promiseNotPositive);
    if (!account.enabled) throw refuse(12, 'E_PROMISE_DISABLED', CARBON_LEGACY_TEXTS.promiseDisabled);
    if (account.promisePay && account.promisePay.until >= this.today()) throw refuse(13, 'E_PROMISE_ACTIVE', CARBON_LEGACY_TEXTS.promiseActive);
    if (sum > minor(this.promiseRules.maxAmount)) throw refuse(14, 'E_PROMISE_MAX', CARBON_LEGACY_TEXTS.promiseTooLarge(this.promiseRules.maxAmount));
    const until = addDays(this.today(), this.promiseRules.days);
    account.balance = fromMinorUnits(minor(account.balance) + sum);
    account.promisePay = { amount: fromMinorUnits(sum), until };
    account.blocked = false;
  }

  // -------------------------------------------------------------------------------------------

  private accountByLogin(login: string): LegacyAccountState {
    const account = this.accounts.find((candidate) => candidate.login === login);
    if (!account) throw new Error(`No account ${login} in the Carbon legacy simulator`);
    return account;
  }
}

export async function startCarbonLegacySimulator(options: CarbonLegacySimulatorOptions = {}): Promise<CarbonLegacySimulator> {
  return new CarbonLegacySimulator(options.pki ?? (await createTestPki('Carbon legacy simulator')), options).listen();
}

function uslugaRow(service: CarbonServiceSeed): Row {
  return {
    id: service.id,
    name: service.name,
    comment: service.description,
    summa: service.price,
    is_show_web: flag(service.showInCabinet),
    web_allow_disable: flag(service.subscriberMayDisable),
  };
}

/** The XML api.php prints: a declaration, <response>, one <row> per output row or one <error>. */
export function xmlAnswer(outcome: Outcome): string {
  const body =
    'error' in outcome
      ? `<error>${escapeXml(outcome.error)}</error>`
      : outcome.rows.map((row) => `<row>${Object.entries(row).map(([field, value]) => `<${field}>${escapeXml(value === null ? '' : String(value))}</${field}>`).join('')}</row>`).join('\n');
  return `<?xml version="1.0" encoding="windows-1251"?>\n<response>\n${body}\n</response>\n`;
}

const WINDOWS_1251: ReadonlyMap<string, number> = (() => {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return table;
})();

/** Text as windows-1251 bytes; a character the code page lacks becomes "?", as PHP's iconv does with //IGNORE off. */
export function windows1251(text: string): Buffer {
  return Buffer.from(Array.from(text, (char) => WINDOWS_1251.get(char) ?? 0x3f));
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** As PHP's htmlspecialchars with ENT_QUOTES. */
function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}

function send(response: ServerResponse, status: number, contentType: string, body: Buffer): void {
  sendAnswer(response, status, { 'content-type': contentType }, body);
}

/** Firebird's string-to-integer conversion: a malformed number is an error, as it is there. */
function integer(value: string | null): number | null {
  if (value === null) return null;
  if (!/^-?\d{1,10}$/.test(value.trim())) throw new ProcedureError(`conversion error from string "${value.slice(0, 40)}"`);
  return Number(value);
}


const flag = (value: boolean) => (value ? 1 : 0);
const minor = (amount: string) => toMinorUnits(amount) ?? 0n;

/** A dotted IPv4 address as Firebird's signed INTEGER holds it. */
function firebirdIp(ip: string): number {
  return ip.split('.').reduce((number, octet) => ((number << 8) | Number(octet)) | 0, 0);
}
