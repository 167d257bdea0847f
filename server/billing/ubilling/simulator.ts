import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { DAY_MS, daysInMonth, localDateTime, ymd } from '../../../shared/dates.js';
import { PhpFloat, phpJsonEncode } from './php-json.js';
import { readBody, sendAnswer, SimulatorServer, type DemoLogin, type SimulatorServerOptions } from '../simulator.js';
import type { TariffChangeRules } from './tariff-change.js';
import { ubillingDemoLogins, ubillingDemoSeed, ubillingDemoSettings } from './demo-data.js';
import {
  completeUser,
  UBILLING_STOCK_SETTINGS,
  type SimAnnouncement,
  type SimContragent,
  type SimFee,
  type SimPayment,
  type SimTariff,
  type SimTicket,
  type SimUser,
  type SimUserSeed,
  type SimVservice,
  type UbillingSeed,
  type UbillingSettings,
} from './simulator-seed.js';

/**
 * A Ubilling 1.6.4 on loopback for the demo and the tests: RemoteAPI at `/?module=remoteapi`
 * and userstats (XMLAgent, the creditor agent) at `/userstats/`, answering with the bytes the
 * reference and the observed instance show: HTTP 200 and `text/html` for every RemoteAPI reply,
 * errors included, the literal error strings with their typos, string-typed numbers, PHP's JSON
 * escaping, no trailing newline. State lives in memory and each test seeds its own.
 */

/**
 * `asterisk-db-down`: RemoteAPI's Asterisk module cannot reach its database (every `asterisk` call
 * with a param and a subscriber is an empty HTTP 500, as PHP with display_errors=Off answers);
 * `core-down`: userstats cannot reach the billing core (API_CHECK), so every userstats request
 * gets the "Core API connectivity failed!" page. Both as a real Ubilling did.
 */
export type SimFault = 'http500' | 'garbage' | 'fatal' | 'notices' | 'slow' | 'reset' | 'asterisk-db-down' | 'core-down';

export interface SimRequest {
  method: string;
  path: string;
  /** The query, with key, userpass, uberpassword and uberkey redacted. */
  query: Record<string, string>;
}

export interface UbillingSimulatorOptions extends SimulatorServerOptions {
  /** RemoteAPI key; random per start by default. */
  serial?: string;
  seed?: UbillingSeed;
  settings?: Partial<UbillingSettings>;
  /** How long the `slow` fault holds a reply. */
  slowMs?: number;
  demoLogins?: readonly DemoLogin[];
}

const SECRET_PARAMS = new Set(['key', 'userpass', 'uberpassword', 'uberkey']);

/** What `index.php` renders for anything RemoteAPI does not handle: the admin login page. */
const WEB_UI_PAGE =
  '<!doctype html>\n<html lang="uk">\n\n<head>\n    <meta charset="utf-8" />\n    <title>Ubilling</title>\n</head>\n\n<body>\n' +
  '    <form action="" method="POST"><input type="text" name="username"><input type="password" name="password"></form>\n' +
  '    <div style="clear:both;"></div>\n        </div >\n</body>\n\n</html>';

const USERSTATS_LOGIN_PAGE =
  '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>Userstats</title>\n</head>\n<body>\n' +
  '<form action="index.php" method="POST"><input type="text" name="ulogin"><input type="password" name="upassword"></form>\n</body>\n</html>';

const CORE_API_FAILED_PAGE =
  '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>Userstats</title>\n</head>\n<body>\n' +
  '<div class="alert_error">Core API connectivity failed!</div>\n</body>\n</html>';

const PHP_FATAL =
  '<br />\n<b>Fatal error</b>:  Uncaught mysqli_sql_exception: MySQL server has gone away in /var/www/billing/api/libs/api.mysql.php:101\n' +
  'Stack trace:\n#0 /var/www/billing/api/libs/api.mysql.php(101): mysqli-&gt;query()\n#1 {main}\n' +
  '  thrown in <b>/var/www/billing/api/libs/api.mysql.php</b> on line <b>101</b><br />\n';

const PHP_WARNING =
  '<br />\n<b>Warning</b>:  Undefined array key "mobile" in <b>/var/www/billing/api/libs/api.asterisk.php</b> on line <b>1170</b><br />\n' +
  '<br />\n<b>Deprecated</b>:  Creation of dynamic property Asterisk::$x is deprecated in <b>/var/www/billing/api/libs/api.asterisk.php</b> on line <b>132</b><br />\n';

/** How MariaDB prints a DOUBLE column: the shortest round-trip form. */
const dbNumber = (value: number) => String(value);

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
/** PHP's gmdate('r'). */
const gmdateR = (at: Date) => at.toUTCString().replace('GMT', '+0000');

// ---------------------------------------------------------------- getonlinedaysleft

/**
 * Days of service the balance pays for, the way RemoteAPI `getonlinedaysleft` counts them
 * (FundsFlow's fast variant): -1 for a negative balance, -2 for a zero fee, today included,
 * a monthly fee charged whole at each month start (or spread daily with SPREAD_FEE), any other
 * period treated as daily. Repeated float subtraction, as PHP does it, in the local time zone.
 */
export function onlineDaysLeft(input: { cash: number; fee: number; period: string; spreadFee: boolean; now: Date }): number {
  let balance = input.cash;
  if (!(balance >= 0)) return -1;
  if (!(input.fee > 0)) return -2;
  const dayAt = (offset: number) => new Date(input.now.getTime() + offset * DAY_MS);
  let days = 0;
  if (input.period === 'month' && input.spreadFee) {
    while (balance >= 0) {
      days++;
      balance -= input.fee / daysInMonth(ymd(dayAt(days)));
    }
  } else if (input.period === 'month') {
    while (balance >= 0) {
      const day = dayAt(days);
      days += daysInMonth(ymd(day)) - day.getDate() + 1;
      balance -= input.fee;
    }
  } else {
    while (balance >= 0) {
      days++;
      balance -= input.fee;
    }
  }
  return days;
}

// ---------------------------------------------------------------- the simulator

interface Reply {
  status?: number;
  body: string;
  contentType?: string;
  extraHeaders?: Record<string, string>;
}

const remoteApiReply = (body: string): Reply => ({ body });
const jsonAgentReply = (data: unknown): Reply => ({
  body: phpJsonEncode(data),
  contentType: 'application/json; charset=UTF-8',
  extraHeaders: { 'Access-Control-Allow-Origin': '*' },
});

/** ubRouting::checkGet: set and not PHP-empty ("" and "0" count as missing). */
const given = (value: string | undefined): value is string => value !== undefined && value !== '' && value !== '0';

export class UbillingSimulator extends SimulatorServer<SimFault> {
  readonly serial: string;
  readonly demoLogins: readonly DemoLogin[];

  private readonly users: SimUser[];
  private readonly tariffs: SimTariff[];
  private readonly vservices: SimVservice[];
  private readonly paymentRows: SimPayment[];
  private readonly feeRows: SimFee[];
  private readonly contragent: SimContragent | null;
  private readonly scLog: { login: string; date: string }[];
  private readonly ticketRows: SimTicket[];
  private readonly announcementRows: SimAnnouncement[];
  private readonly announcementsRead: Set<string>;
  private settings: UbillingSettings;
  /** RemoteAPI's USER_ALL_DATA cache: built on first use, not flushed by a password change. */
  private userCache: Map<string, string> | null = null;
  private faultOnlyFor: string | null = null;
  private readonly log: SimRequest[] = [];

  constructor(private readonly options: UbillingSimulatorOptions = {}) {
    super(options);
    this.serial = options.serial ?? `UB${randomBytes(16).toString('hex')}`;
    const now = this.now();
    const seed = options.seed ?? ubillingDemoSeed(now);
    this.demoLogins = options.demoLogins ?? (options.seed ? seed.users.map((user) => ({ login: user.login, password: user.password, description: '' })) : ubillingDemoLogins);
    const demo = options.seed ? {} : { ...ubillingDemoSettings, selfCredit: { ...UBILLING_STOCK_SETTINGS.selfCredit, ...ubillingDemoSettings.selfCredit } };
    this.settings = { ...UBILLING_STOCK_SETTINGS, ...demo, ...options.settings };
    this.tariffs = seed.tariffs.map((tariff) => ({ ...tariff }));
    this.vservices = (seed.vservices ?? []).map((vservice) => ({ ...vservice }));
    this.users = seed.users.map(completeUser);
    this.paymentRows = (seed.payments ?? []).map((payment, index) => ({ ...payment, id: index + 1 }));
    this.feeRows = (seed.fees ?? []).map((fee) => ({ ...fee }));
    this.contragent = seed.contragent === undefined ? null : seed.contragent;
    this.scLog = (seed.creditLog ?? []).map((entry) => ({ ...entry }));
    this.ticketRows = (seed.tickets ?? []).map((ticket) => ({ ...ticket }));
    this.announcementRows = (seed.announcements ?? []).map((announcement) => ({ ...announcement }));
    this.announcementsRead = new Set(seed.announcementsRead ?? []);
  }

  /** The Ubilling root, as an ISP gives it: with the trailing slash. */
  override get url(): string {
    return `${super.url}/`;
  }

  get userstatsUrl(): string {
    return `${this.url}userstats/`;
  }

  /** The tariff changer's settings as the cabinet is told them (UBILLING_TARIFF_CHANGE_*); undefined when it is off. */
  get tariffChangeRules(): TariffChangeRules | undefined {
    const changer = this.settings.tariffChanger;
    if (!changer.enabled) return undefined;
    return { fees: { up: dbNumber(changer.priceUp), down: dbNumber(changer.priceDown), same: dbNumber(changer.priceSimilar) }, rightNow: changer.rightNow };
  }

  // ------------------------------------------------------------ test hooks

  /** Every request so far, secrets redacted. */
  requests(): SimRequest[] {
    return this.log.map((entry) => ({ ...entry, query: { ...entry.query } }));
  }

  get requestCount(): number {
    return this.log.length;
  }

  /** Makes every following reply fail the given way, until `setFault(null)`; with `onlyFor`, only requests carrying that flag (say, `announcements`). */
  override setFault(fault: SimFault | null, onlyFor: string | null = null): void {
    super.setFault(fault);
    this.faultOnlyFor = onlyFor;
  }

  configure(settings: Partial<UbillingSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  user(login: string): SimUser | undefined {
    const user = this.findUser(login);
    return user && structuredClone(user);
  }

  addUser(user: SimUserSeed): void {
    this.users.push(completeUser(user));
  }

  updateUser(login: string, patch: Partial<Omit<SimUser, 'login'>>): void {
    const user = this.findUser(login);
    if (!user) throw new Error(`no simulated user ${login}`);
    Object.assign(user, patch);
  }

  /** A password change in the users table; RemoteAPI keeps checking the old one until `flushUserCache()`. */
  changePassword(login: string, password: string): void {
    this.updateUser(login, { password });
  }

  flushUserCache(): void {
    this.userCache = null;
  }

  payments(login?: string): SimPayment[] {
    return this.paymentRows.filter((row) => login === undefined || row.login === login).map((row) => ({ ...row }));
  }

  /** The `ticketing` table as it stands. */
  tickets(): SimTicket[] {
    return this.ticketRows.map((ticket) => ({ ...ticket }));
  }

  /** The ISP's staff answering a conversation from the admin side (`from` "NULL"), as a test or the demo does it. */
  answerTicket(login: string, replyid: number, text: string): number {
    const id = this.nextTicketId();
    this.ticketRows.push({ id, date: localDateTime(this.now()), from: 'NULL', to: login, replyid, status: 0, text });
    return id;
  }

  closeTicket(id: number): void {
    const ticket = this.ticketRows.find((row) => row.id === id);
    if (!ticket) throw new Error(`no simulated ticket ${id}`);
    ticket.status = 1;
  }

  publishAnnouncement(announcement: Omit<SimAnnouncement, 'id'>): number {
    const id = Math.max(0, ...this.announcementRows.map((row) => row.id)) + 1;
    this.announcementRows.push({ ...announcement, id });
    return id;
  }

  creditLog(): { login: string; date: string }[] {
    return this.scLog.map((entry) => ({ ...entry }));
  }

  // ------------------------------------------------------------ HTTP

  protected override createServer(handler: RequestListener) {
    return createServer({ keepAliveTimeout: 5_000 }, handler);
  }

  protected handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://simulator');
    // PHP's $_GET: the last value of a repeated name wins.
    const query = new Map<string, string>();
    for (const [name, value] of url.searchParams) query.set(name, value);
    this.log.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries([...query].map(([name, value]) => [name, SECRET_PARAMS.has(name) ? '[redacted]' : value])),
    });
    if (request.method === 'POST') {
      // PHP's $_POST: only the cabinet's forms read it.
      void readBody(request, 64 * 1024).then((body) => this.respond(request, response, url, query, new URLSearchParams(body ?? '')));
      return;
    }
    request.resume();
    this.respond(request, response, url, query, new URLSearchParams());
  }

  private respond(request: IncomingMessage, response: ServerResponse, url: URL, query: Map<string, string>, form: URLSearchParams): void {

    const fault = this.faultOnlyFor === null || given(query.get(this.faultOnlyFor)) ? this.fault : null;
    if (fault === 'reset') {
      request.socket.destroy();
      return;
    }
    if (fault === 'slow') return this.later(this.options.slowMs ?? 30_000, () => this.send(response, this.route(url.pathname, query, form)));
    if (fault === 'http500') return this.send(response, { status: 500, body: '' });
    if (fault === 'fatal') return this.send(response, { body: PHP_FATAL });
    if (fault === 'garbage') return this.send(response, { body: '\u0000\u0001<<not a reply>>\u00ff{"broken":' });
    const reply = this.route(url.pathname, query, form);
    if (fault === 'notices' && reply.status === undefined) reply.body = PHP_WARNING + reply.body;
    this.send(response, reply);
  }

  private send(response: ServerResponse, reply: Reply): void {
    sendAnswer(
      response,
      reply.status ?? 200,
      {
        'Last-Modified': gmdateR(this.now()),
        'Content-Type': reply.contentType ?? 'text/html; charset=UTF-8',
        'Cache-Control': 'no-store, no-cache, must-revalidate',
        Pragma: 'no-cache',
        ...reply.extraHeaders,
      },
      reply.body,
    );
  }

  private route(path: string, query: Map<string, string>, form: URLSearchParams): Reply {
    if (path === '/userstats/' || path === '/userstats/index.php') return this.userstats(query, form);
    if (path !== '/' && path !== '/index.php') return { status: 404, body: '<!doctype html><html><body>Not Found</body></html>' };
    if (query.get('module') !== 'remoteapi') return { body: WEB_UI_PAGE };
    return this.remoteApi(query);
  }

  // ------------------------------------------------------------ RemoteAPI

  private remoteApi(query: Map<string, string>): Reply {
    if (!this.settings.remoteApiEnabled) return remoteApiReply('ERROR:API_DISABLED');
    const key = query.get('key');
    const action = query.get('action');
    if (key === undefined) {
      if (action === undefined) return remoteApiReply('ERROR:GET_NO_KEY');
      return remoteApiReply(action === 'identify' ? this.serial.slice(-4) : WEB_UI_PAGE);
    }
    if (!this.serial) return remoteApiReply('ERROR:NO_UBSERIAL_EXISTS');
    // vf() drops these characters before the comparison.
    if (key.replace(/[~@+?%/;=*><"'-]/g, '') !== this.serial) return remoteApiReply('ERROR:GET_WRONG_KEY');
    if (action === undefined) return remoteApiReply('ERROR:GET_NO_ACTION');
    switch (action) {
      case 'asterisk':
        return this.asterisk(query);
      case 'userbyip':
        return this.userbyip(query);
      case 'sc':
        return this.sc(query);
      case 'usercash':
        return this.usercash(query);
      default:
        return remoteApiReply(WEB_UI_PAGE);
    }
  }

  private asterisk(query: Map<string, string>): Reply {
    if (!this.settings.asteriskEnabled) return remoteApiReply('ERROR: ASTERISK DISABLED');
    const login = query.get('login') ?? '';
    const number = (query.get('number') ?? '').trim();
    if (!given(number) && !given(login)) return remoteApiReply('ERROR: NOT HAVE NUMBER');
    const param = query.get('param');
    if (!given(param)) return remoteApiReply('ERROR: NOT HAVE PARAMETR');
    if (this.fault === 'asterisk-db-down') return { status: 500, body: '' };
    // The login goes raw into SQL: a quote breaks the query, a PHP fatal error (HTTP 500 with display_errors=Off).
    if (/['\\]/.test(login)) return { status: 500, body: '' };
    const user = given(login) ? this.findUser(login) : given(number) ? this.findUserByMobile(number) : undefined;
    switch (param) {
      case 'getuserdatabylogin':
        return remoteApiReply(this.getuserdatabylogin(login, query.get('userpass')));
      case 'getuserspends':
        return remoteApiReply(user ? phpJsonEncode(this.spendsOf(user)) : '[]');
      case 'getonlinedaysleft':
        return remoteApiReply(String(this.daysLeftOf(user, query.get('includevsrvs'))));
      case 'getcontragentdata':
        return remoteApiReply(user && user.address && this.contragent ? phpJsonEncode(this.contragent) : '[]');
      case 'getvservicescount':
        return remoteApiReply(String(user ? user.tags.filter((tag) => this.vservices.some((vs) => vs.tagId === tag)).length : 0));
      default: {
        // Unknown params fall to the call-logging branch, which matches the last 10 characters of a phone.
        const tail = number.slice(-10);
        const matched = this.users.some((candidate) => [candidate.phone, candidate.mobile, ...candidate.extMobiles].some((phone) => phone !== null && phone.slice(-10) === tail));
        return remoteApiReply(matched ? 'ERROR: MISTAKE PARAMETR' : 'ERROR: NOT OUR USER');
      }
    }
  }

  private getuserdatabylogin(login: string, userpass: string | undefined): string {
    if (given(userpass)) {
      this.userCache ??= new Map(this.users.map((user) => [user.login, user.password]));
      if (this.userCache.get(login) !== userpass) return phpJsonEncode({ ERROR: 'Auth failed' });
    }
    const user = this.findUser(login);
    if (!user) return '[]';
    const tariff = this.tariffOf(user);
    return phpJsonEncode(
      new Map([
        [
          user.login,
          {
            login: user.login,
            Password: user.password,
            Cash: dbNumber(user.cash),
            Credit: dbNumber(user.credit),
            CreditExpire: String(user.creditExpire),
            Passive: user.passive ? '1' : '0',
            Down: user.down ? '1' : '0',
            AlwaysOnline: user.alwaysOnline ? '1' : '0',
            Tariff: user.tariff,
            Fee: tariff ? dbNumber(tariff.fee) : null,
            period: tariff ? tariff.period : null,
            contract: user.contract,
            mobile: user.phone === null && user.mobile === null ? null : (user.mobile ?? ''),
            agentid: null,
            contrname: null,
            ext_mobiles: user.extMobiles,
          },
        ],
      ]),
    );
  }

  private spendsOf(user: SimUser): Map<string, { price: string | null; daysperiod: string | null }> {
    const tariff = this.tariffOf(user);
    const spends = new Map<string, { price: string | null; daysperiod: string | null }>([
      [user.tariff, { price: tariff ? dbNumber(tariff.fee) : null, daysperiod: tariff ? tariff.period : null }],
    ]);
    for (const vservice of this.vservicesOf(user)) spends.set(vservice.name, { price: dbNumber(vservice.price), daysperiod: String(vservice.periodDays) });
    return spends;
  }

  private daysLeftOf(user: SimUser | undefined, includevsrvs: string | undefined): number {
    const tariff = user && this.tariffOf(user);
    if (!user || !tariff) return 0;
    const now = this.now();
    const includeVservices = given(includevsrvs) || this.settings.fundsflowConsiderVservices;
    let fee = tariff.fee;
    if (includeVservices) {
      for (const vservice of this.vservicesOf(user)) {
        const n = vservice.periodDays;
        const daily = n > 1 ? vservice.price / n : n === 1 ? vservice.price : undefined;
        if (tariff.period === 'month') fee += daily === undefined ? vservice.price : daily * daysInMonth(ymd(now));
        else fee += daily ?? vservice.price;
      }
    }
    return onlineDaysLeft({ cash: user.cash, fee, period: tariff.period, spreadFee: this.settings.spreadFee, now });
  }

  private userbyip(query: Map<string, string>): Reply {
    if (!this.settings.userByIpEnabled) return remoteApiReply('ERROR: USERBYIP DISABLED');
    const ip = query.get('ip');
    if (!given(ip)) return remoteApiReply('ERROR: EMPTY IP');
    const user = this.users.find((candidate) => candidate.ip === ip);
    const result: Record<string, unknown> = { result: 0 };
    if (user) {
      result.result = 1;
      result.userdata = {
        login: user.login,
        realname: user.realname ?? '',
        Passive: user.passive ? '1' : '0',
        Down: user.down ? '1' : '0',
        Password: this.userCache?.get(user.login) ?? user.password,
        AlwaysOnline: user.alwaysOnline ? '1' : '0',
        Tariff: user.tariff,
        TariffChange: user.tariffChange,
        Credit: dbNumber(user.credit),
        Cash: dbNumber(user.cash),
        ip: user.ip,
        mac: '14:cc:20:aa:bb:cc',
        fulladress: user.address ?? '',
        phone: user.phone ?? '',
        mobile: user.mobile ?? '',
        contract: user.contract ?? '',
        email: user.email ?? '',
      };
    }
    return jsonAgentReply(result);
  }

  /** `sc`: what userstats calls to give a self-credit; it trusts its caller with every value. */
  private sc(query: Map<string, string>): Reply {
    const login = query.get('login');
    const cr = query.get('cr');
    const end = query.get('end');
    if (!given(login) || !given(cr) || !given(end) || !given(query.get('ct'))) return remoteApiReply('ERROR:PARAMS_MISSED');
    const user = this.findUser(login);
    if (user) this.applyCredit(user, Number(cr), end, Number(query.get('fee') || 0));
    return remoteApiReply('SC:OK');
  }

  /**
   * modules/remoteapi/usercash.php: login and summ required, ct 1 and op "add" by default; the
   * login is looked up in the user data cache. `add` and `correct` add to the balance, `set` sets
   * it, `mock` only writes the payment row; each writes a row with the note.
   */
  private usercash(query: Map<string, string>): Reply {
    const login = query.get('login');
    const summ = query.get('summ');
    if (!given(login) || !given(summ)) return remoteApiReply('ERROR:NO_PARAMS');
    if (!/^-?\d+(?:[.,]\d+)?$/.test(summ)) return remoteApiReply('ERROR:DIRTY_MONEY');
    const user = this.findUser(login);
    if (!user) return remoteApiReply('ERROR:WRONG_LOGIN');
    const amount = Number(summ.replace(',', '.'));
    const op = query.get('op') || 'add';
    this.paymentRows.push({ id: this.paymentRows.length + 1, login: user.login, date: localDateTime(this.now()), summ: amount, balance: user.cash, note: query.get('note') ?? '' });
    if (op === 'set') user.cash = amount;
    else if (op !== 'mock') user.cash = Math.round((user.cash + amount) * 100) / 100;
    return remoteApiReply('OK:USERCASH');
  }

  private applyCredit(user: SimUser, credit: number, end: string, fee: number): void {
    const [year, month, day] = end.split('-').map(Number);
    if (this.settings.coreSetsCredit) {
      user.credit = credit;
      user.creditExpire = Math.floor(new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1).getTime() / 1000);
    }
    this.paymentRows.push({ id: this.paymentRows.length + 1, login: user.login, date: localDateTime(this.now()), summ: -fee, balance: user.cash, note: 'SCFEE' });
    user.cash -= fee;
  }

  // ------------------------------------------------------------ userstats

  private userstats(query: Map<string, string>, form: URLSearchParams): Reply {
    if (this.fault === 'core-down') return { body: CORE_API_FAILED_PAGE };
    const uberlogin = query.get('uberlogin');
    const uberpassword = query.get('uberpassword');
    // Without credentials the cabinet falls back to IP and cookie auth, and shows its login page.
    if (!given(uberlogin) || !given(uberpassword)) return { body: USERSTATS_LOGIN_PAGE };
    const user = this.uberAuth(uberlogin, uberpassword);
    if (!user) return { status: 401, body: 'ERROR_WRONG_UBERAUTH' };
    if (given(query.get('module'))) {
      if (query.get('module') === 'tariffchanger') return this.tariffchanger(user, form);
      return query.get('module') === 'creditor' && given(query.get('agentcredit')) ? this.creditor(user, given(query.get('justcheck'))) : { body: USERSTATS_LOGIN_PAGE };
    }
    if (!given(query.get('xmlagent'))) return { body: USERSTATS_LOGIN_PAGE };
    if (!this.settings.xmlAgentEnabled) return jsonAgentReply({ reason: 'disabled' });
    if (this.settings.xmlAgentExtendedAuth && query.get('uberkey') !== md5(this.serial)) return jsonAgentReply({ reason: 'wrong_uberauth' });
    return this.xmlAgent(user, query);
  }

  /** `MD5(password)=uberpassword`, then, as userstats does, the login of the first account with that IP. */
  private uberAuth(uberlogin: string, uberpassword: string): SimUser | undefined {
    const filtered = uberlogin.replace(/ /g, '_').replace(/[^a-zA-Z0-9_.]/g, '');
    const owner = this.users.find((user) => user.login.toLowerCase() === filtered.toLowerCase() && md5(user.password) === uberpassword.toLowerCase());
    return owner && this.users.find((user) => user.ip === owner.ip);
  }

  private xmlAgent(user: SimUser, query: Map<string, string>): Reply {
    if (given(query.get('justauth'))) return jsonAgentReply({ auth: true, login: user.login, message: 'Authentication successful' });
    if (given(query.get('payments'))) {
      if (!this.settings.paymentsEnabled) return jsonAgentReply([]);
      const rows = this.paymentRows.filter((row) => row.login === user.login).sort((a, b) => b.id - a.id);
      return jsonAgentReply(rows.map((row) => ({ date: row.date, summ: dbNumber(row.summ), balance: dbNumber(row.balance) })));
    }
    if (given(query.get('tariffvservices'))) {
      const tariff = this.tariffOf(user);
      if (!tariff) return jsonAgentReply([]);
      return jsonAgentReply([
        { tariffname: tariff.name, tariffprice: dbNumber(tariff.fee), tariffdaysperiod: tariff.period },
        ...this.vservicesOf(user).map((vservice) => ({ vsrvname: vservice.name, vsrvprice: dbNumber(vservice.price), vsrvdaysperiod: String(vservice.periodDays) })),
      ]);
    }
    if (given(query.get('tickets'))) return jsonAgentReply(this.settings.ticketingEnabled ? this.ticketsOf(user) : []);
    if (given(query.get('ticketcreate'))) return this.ticketcreate(user, query);
    if (given(query.get('announcements'))) return jsonAgentReply(this.settings.announcementsEnabled ? this.announcementsFor(user) : []);
    if (given(query.get('annreadall'))) {
      if (this.settings.announcementsEnabled) for (const row of this.announcementRows) if (row.public) this.announcementsRead.add(`${user.login}:${row.id}`);
      return jsonAgentReply([]);
    }
    if (given(query.get('freezedata'))) return jsonAgentReply(this.freezedata(user));
    if (given(query.get('dofreeze'))) return this.dofreeze(user);
    if (given(query.get('dounfreeze'))) return this.dounfreeze(user);
    if (given(query.get('feecharges'))) return jsonAgentReply(this.feeChargesOf(user, query.get('datefrom'), query.get('dateto')));
    if (given(query.get('activetariffsvservices'))) {
      return jsonAgentReply([
        ...this.tariffs.map((tariff) => ({ tariffname: tariff.name, tariffprice: dbNumber(tariff.fee), tariffdaysperiod: tariff.period })),
        ...this.vservices.map((vservice) => ({ vsrvname: vservice.name, vsrvprice: dbNumber(vservice.price), vsrvdaysperiod: String(vservice.periodDays) })),
      ]);
    }
    if (given(query.get('tarifftoswitchallowed'))) return jsonAgentReply(this.tariffsToSwitch(user).map((tariff) => ({ tariff })));
    const otherRequests = ['opayz', 'agentassigned', 'ukv'];
    if (otherRequests.some((request) => given(query.get(request)))) return jsonAgentReply([]);
    return jsonAgentReply(this.userdataOf(user));
  }

  /**
   * `fees` and the negative `payments` of the subscriber between the dates, as MySQL compares a
   * DATETIME with a 'Y-m-d' string (that day's midnight), oldest first, the fees before payments of
   * the same second. A `Service:<id>` note of a known service becomes its name.
   */
  private feeChargesOf(user: SimUser, datefrom: string | undefined, dateto: string | undefined): Record<string, unknown>[] {
    const bound = (value: string | undefined) => (given(value) ? (/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value} 00:00:00` : value) : null);
    const [from, to] = [bound(datefrom), bound(dateto)];
    const within = (date: string) => (from === null || date >= from) && (to === null || date <= to);
    const fees = this.feeRows
      .filter((row) => row.login === user.login && within(row.date))
      .map((row) => ({ date: row.date, summ: dbNumber(row.summ), balance: dbNumber(row.from), note: row.note, type: 'mainsrv' }));
    const charges = this.paymentRows
      .filter((row) => row.login === user.login && row.summ < 0 && within(row.date))
      .map((row) => {
        const service = row.note.includes('Service:') ? this.vservices.find((vservice) => `Service:${vservice.tagId}` === row.note) : undefined;
        return {
          date: row.date,
          summ: dbNumber(row.summ),
          balance: dbNumber(row.balance),
          note: service?.name ?? row.note,
          type: row.note.includes('Service:') ? 'virtualsrv' : 'other',
        };
      });
    return [...fees, ...charges].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** api.xmlagent.php: TC_TARIFFSALLOWED when the current tariff is in TC_TARIFFENABLEDFROM, the current one among them; TC_ENABLED is not asked. */
  private tariffsToSwitch(user: SimUser): string[] {
    const changer = this.settings.tariffChanger;
    return changer.allowedFrom.includes(user.tariff) ? [...changer.allowedTo] : [];
  }

  /**
   * userstats' tariffchanger module with a POSTed form, checks in its order: TC_ENABLED, the current
   * tariff, the new one ("oO" and nothing else), the agreement; then the credit (TC_CREDIT), the fee
   * charged anyway (note TCHANGE:<tariff>), and the tariff set for next month or now. It does not
   * look at a change already booked. Success is a script redirect.
   */
  private tariffchanger(user: SimUser, form: URLSearchParams): Reply {
    const changer = this.settings.tariffChanger;
    const page = (title: string, text: string): Reply => ({ body: `<html><body><h2>${title}</h2><p>${text}</p></body></html>` });
    if (!changer.enabled) return page('Sorry', 'Unfortunately self tariff change is disabled');
    if (!changer.allowedFrom.includes(user.tariff)) return page('Sorry', 'Your current tariff does not allow tariff change on your own');
    const target = form.get('newtariff');
    if (target === null) return page('Tariff change', '<form method="POST"><select name="newtariff"></select></form>');
    if (!changer.allowedTo.includes(target)) return { body: 'oO' };
    if (!form.has('agree')) return page('Sorry', 'You must accept our policy');
    const currentFee = this.tariffOf(user)?.fee ?? 0;
    const targetFee = this.tariffs.find((tariff) => tariff.name === target)?.fee ?? 0;
    const price = targetFee > currentFee ? changer.priceUp : targetFee < currentFee ? changer.priceDown : changer.priceSimilar;
    if (user.cash < price && changer.credit) user.credit += price;
    this.paymentRows.push({ id: this.paymentRows.length + 1, login: user.login, date: localDateTime(this.now()), summ: -price, balance: user.cash, note: `TCHANGE:${target}` });
    user.cash = Math.round((user.cash - price) * 100) / 100;
    if (changer.rightNow) user.tariff = target;
    else user.tariffChange = target;
    return { body: '<script language="javascript">document.location.href="index.php";</script>' };
  }

  /** Rows from or to the subscriber and the replies in their conversations, date DESC (api.xmlagent.php). */
  private ticketsOf(user: SimUser): Record<string, unknown>[] {
    const own = (row: SimTicket) => row.from === user.login || row.to === user.login;
    const threads = new Set(this.ticketRows.filter((row) => row.replyid === null && own(row)).map((row) => row.id));
    return this.ticketRows
      .filter((row) => own(row) || (row.replyid !== null && threads.has(row.replyid)))
      .sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1))
      .map((row) => ({
        id: String(row.id),
        date: row.date,
        from: row.from,
        to: row.to,
        replyid: row.replyid === null ? null : String(row.replyid),
        status: String(row.status),
        text: row.text,
      }));
  }

  /**
   * `ticketcreate&tickettype=support_request&tickettext=<base64>[&reply_id=N]`: the text decoded, its tags
   * stripped and 4-byte characters dropped (Ubilling's emsafe filter). Like Ubilling, `reply_id` is not
   * checked: not the owner, not the state.
   */
  private ticketcreate(user: SimUser, query: Map<string, string>): Reply {
    if (!this.settings.ticketingEnabled) return jsonAgentReply([]);
    if (query.get('tickettype') !== 'support_request') return jsonAgentReply({ created: 'error', id: 0 });
    const text = Buffer.from(query.get('tickettext') ?? '', 'base64')
      .toString('utf8')
      .replace(/<[^>]*>/g, '')
      .replace(/[\u{10000}-\u{10FFFF}]/gu, '')
      .trim();
    if (!text) return jsonAgentReply({ created: 'error', id: 0 });
    const replyId = query.get('reply_id');
    const id = this.nextTicketId();
    this.ticketRows.push({
      id,
      date: localDateTime(this.now()),
      from: user.login,
      to: null,
      replyid: given(replyId) && /^\d+$/.test(replyId) ? Number(replyId) : null,
      status: 0,
      text,
    });
    return jsonAgentReply({ created: 'success', id: String(id) });
  }

  private announcementsFor(user: SimUser): Record<string, unknown>[] {
    return this.announcementRows
      .filter((row) => row.public)
      .sort((a, b) => b.id - a.id)
      .map((row) => ({ unic: String(row.id), read: this.announcementsRead.has(`${user.login}:${row.id}`) ? 1 : 0, type: row.type, title: row.title, text: row.text }));
  }

  private nextTicketId(): number {
    return Math.max(0, ...this.ticketRows.map((row) => row.id)) + 1;
  }

  private userdataOf(user: SimUser): Record<string, unknown> {
    const expire = user.creditExpire ? new Date(user.creditExpire * 1000) : null;
    const vservicesCost = this.vservicesOf(user).reduce((sum, vservice) => sum + vservice.price, 0);
    return {
      address: user.address,
      realname: user.realname,
      login: user.login,
      cash: new PhpFloat(Math.round(user.cash * 100) / 100),
      ip: user.ip,
      phone: user.phone,
      mobile: user.mobile,
      email: user.email,
      credit: dbNumber(user.credit),
      creditexpire: expire ? ymd(expire).split('-').reverse().join('-') : 'No',
      payid: user.paymentId ?? '0',
      contract: user.contract,
      contractdate: user.contractDate,
      tariff: user.tariff,
      tariffalias: user.tariff,
      tariffnm: user.tariffChange || 'No',
      traffdownload: convertSize(user.downloadBytes),
      traffupload: convertSize(user.uploadBytes),
      trafftotal: convertSize(user.downloadBytes + user.uploadBytes),
      accountstate: `${user.passive ? 'frozen' : 'active'}${user.down ? ' + disabled' : ''}`,
      accountexpire: 'No',
      payedtilldate: 'none',
      payedtillvsrvincluded: 0,
      vservicescost: vservicesCost,
      currency: this.settings.currency,
      version: '2',
    };
  }

  /** `freezedata`: the settings and the account's state, flat, as api.xmlagent.php renders them. */
  private freezedata(user: SimUser): Record<string, unknown> {
    const rules = this.settings.freeze;
    const counted = rules.daysCharge;
    const used = user.freezeDaysUsed;
    return {
      result: 'Success',
      message: '',
      freezeSelfAvailable: rules.enabled,
      activationCost: String(rules.price),
      tariffsAllowedList: rules.tariffsAllowed.join(','),
      tariffAllowedAny: rules.anyTariff,
      negativeBalanceFreezeAllowed: rules.negativeBalanceAllowed,
      userBalance: dbNumber(user.cash),
      userTariff: user.tariff,
      userTariffFreezePrice: String(rules.frozenMonthPrice),
      freezeStatus: user.passive ? 'frozen' : 'unfrozen',
      dateFrom: user.passive ? user.frozenSince : '',
      dateTo: '',
      freezeDaysChargeActive: counted !== null,
      freezeDaysTotal: counted ? counted.total : null,
      freezeDaysRestore: counted ? counted.restore : null,
      freezeDaysUsed: counted ? used : null,
      freezeDaysAvailable: counted ? Math.max(0, counted.total - used) : null,
      freezeDaysWorked: counted ? 0 : null,
      freezeDaysLeftToWork: counted ? counted.restore : null,
    };
  }

  /** `dofreeze`: no rule checked, AF_FREEZPRICE charged (note AFFEE_XMLAGENT), as Ubilling does it. */
  private dofreeze(user: SimUser): Reply {
    if (user.passive) return jsonAgentReply({ result: 'Failure', message: `User '${user.login}' is already frozen` });
    const price = this.settings.freeze.price;
    const now = this.now();
    this.paymentRows.push({ id: this.paymentRows.length + 1, login: user.login, date: localDateTime(now), summ: -price, balance: user.cash, note: 'AFFEE_XMLAGENT' });
    user.cash -= price;
    user.passive = true;
    user.frozenSince = localDateTime(now);
    return jsonAgentReply({ result: 'Success', message: `User '${user.login}' has been frozen` });
  }

  private dounfreeze(user: SimUser): Reply {
    if (!this.settings.selfUnfreezeAllowed) return jsonAgentReply({ result: 'Failure', message: 'Feature is not allowed' });
    if (!user.passive) return jsonAgentReply({ result: 'Failure', message: `User '${user.login}' is already UNfrozen` });
    user.passive = false;
    return jsonAgentReply({ result: 'Success', message: `User '${user.login}' has been UNfrozen` });
  }

  /** The creditor agent: userstats' SC_* checks in their order, each with its status code. */
  private creditor(user: SimUser, justcheck: boolean): Reply {
    const rules = this.settings.selfCredit;
    if (!rules.enabled) return jsonAgentReply({ status: 1, message: 'disabled' });
    const now = this.now();
    const tariff = this.tariffOf(user) ?? { name: '*_NO_TARIFF_*', fee: 0, period: 'month' as const };
    const tariffPrice = tariff.period === 'day' ? tariff.fee * daysInMonth(ymd(now)) : tariff.fee;
    const currency = this.settings.currency;
    const intro =
      `If you wait too long to pay for the service, here you can get credit for ${rules.term} days. The price of this service is: ${rules.price} ${currency}. ` +
      'Also you promise to pay for the current month, in accordance with your service plan. Additional services are not subject to credit.';
    const terms = (creditterm: number) => ({
      minday: String(rules.minDay),
      maxday: String(rules.maxDay),
      creditterm: String(creditterm),
      creditprice: String(rules.price),
      currency,
      creditintro: intro,
    });
    const refuse = (status: number, message: string, fullmessage: string) => jsonAgentReply({ status, message, fullmessage, ...terms(rules.term) });
    const day = now.getDate();
    const month = ymd(now).slice(0, 7);
    const lastMoneyMove = this.paymentRows.filter((row) => row.login === user.login && (row.summ > 0 || row.note === 'SCFEE')).at(-1);

    if (day > rules.maxDay || day < rules.minDay) {
      return refuse(2, 'wrong day', `You can take a credit only between ${rules.minDay} and ${rules.maxDay} days of the month`);
    }
    if (!(user.credit <= 0 && user.creditExpire === 0)) return refuse(3, 'already have a credit', 'You already have a credit');
    if (user.passive || user.down) return refuse(4, 'account frozen', 'Your account has been frozen');
    if (!(Math.abs(user.cash) <= tariffPrice)) {
      return user.cash < 0
        ? refuse(6, 'not enough money', 'Sorry, your debt does not allow to continue working in the credit')
        : refuse(5, 'too much money', 'Sorry, sum of money in the account is enought to use service without credit');
    }
    if (!(user.cash < 0)) return refuse(5, 'too much money', 'Sorry, sum of money in the account is enought to use service without credit');
    if (rules.tariffsAllowed.length > 0 && !rules.tariffsAllowed.includes(user.tariff)) {
      return refuse(8, 'not allowed on this tariff', 'This feature is not allowed on your tariff');
    }
    if (rules.hackControl && lastMoneyMove?.note === 'SCFEE') {
      return refuse(10, 'not paid previous', 'You can not take out a credit because you have not paid since the previous time');
    }
    if (rules.monthControl && this.scLog.some((entry) => entry.login === user.login && entry.date.startsWith(month))) {
      return refuse(9, 'already used in this month', 'You already used credit feature in current month. Only one usage per month is allowed.');
    }
    if (!justcheck) {
      this.applyCredit(user, tariffPrice + rules.price, ymd(new Date(now.getTime() + rules.term * DAY_MS)), rules.price);
      this.scLog.push({ login: user.login, date: localDateTime(now) });
    }
    // Ubilling reports SC_MAXDAY as the term on success.
    return jsonAgentReply({ status: 0, message: 'success', fullmessage: '', ...terms(rules.maxDay) });
  }

  // ------------------------------------------------------------ lookups

  /** MySQL compares logins case-insensitively. */
  private findUser(login: string): SimUser | undefined {
    return this.users.find((user) => user.login.toLowerCase() === login.toLowerCase());
  }

  /** `mobile LIKE '%number%'` over phones and mobileext: the first match. */
  private findUserByMobile(number: string): SimUser | undefined {
    return this.users.find((user) => [user.mobile, ...user.extMobiles].some((mobile) => mobile !== null && mobile.includes(number)));
  }

  private tariffOf(user: SimUser): SimTariff | undefined {
    return this.tariffs.find((tariff) => tariff.name === user.tariff);
  }

  private vservicesOf(user: SimUser): SimVservice[] {
    return user.tags.flatMap((tag) => this.vservices.filter((vservice) => vservice.tagId === tag));
  }
}

/** Every seeded account gets its own IP unless the seed says otherwise: XMLAgent identifies by IP. */
/** userstats' zbs_convert_size: the largest unit of 1024 that fits, rounded to two decimals as PHP prints a float. */
function convertSize(bytes: number): string {
  const units: [number, string][] = [[1024 ** 3, 'Gb'], [1024 ** 2, 'Mb'], [1024, 'Kb']];
  for (const [size, unit] of units) if (bytes >= size) return `${Math.round((bytes / size) * 100) / 100} ${unit}`;
  return `${bytes} b`;
}

/** Starts a simulated Ubilling on loopback (a free port by default). */
export function startUbillingSimulator(options: UbillingSimulatorOptions = {}): Promise<UbillingSimulator> {
  return new UbillingSimulator(options).listen();
}
