import { CabinetError, upstreamUnavailable } from '../../domain/errors.js';
import { callUpstream, withTrailingSlash } from '../upstream.js';
import {
  parseAnnouncements,
  parseAnnReadAll,
  parseCreditor,
  parseFeeCharges,
  parseFreezeData,
  parseFreezeResult,
  parseJustAuth,
  parsePayments,
  parseTariffVservices,
  parseTariffsToSwitch,
  parseTicketCreated,
  parseTickets,
  parseUserdata,
  type AnnouncementRow,
  type ChargeLine,
  type CreditorReply,
  type FeeChargeRow,
  type FreezeData,
  type PaymentRow,
  type TicketRow,
  type Userdata,
} from './replies.js';

/**
 * Ubilling's subscriber cabinet (userstats) as a REST API: XMLAgent
 * (`?xmlagent=true&json=true&<request>=true&uberlogin=…&uberpassword=md5(password)`) and the
 * creditor agent (`?module=creditor&agentcredit=true`). There is no session: every request carries
 * the login and the md5, which is password-equivalent, so URLs are never logged. A wrong pair is
 * an HTTP 401 with the body `ERROR_WRONG_UBERAUTH`.
 */

type Request =
  | 'justauth'
  | 'payments'
  | 'feecharges'
  | 'tariffvservices'
  | 'activetariffsvservices'
  | 'tarifftoswitchallowed'
  | 'tickets'
  | 'ticketcreate'
  | 'announcements'
  | 'annreadall'
  | 'freezedata'
  | 'dofreeze'
  | 'dounfreeze';

export interface XmlAgentOptions {
  /** The userstats root (UBILLING_USERSTATS_URL). */
  url: string;
  timeoutMs: number;
  /** md5(serial), for ISPs with XMLAGENT_EXTENDED_AUTH_ON=1; ignored by the others. */
  uberkey?: string;
}

export interface UberCredentials {
  login: string;
  /** md5 of the subscriber's password. */
  uberpassword: string;
}

/** Userstats filters logins to [A-Za-z0-9_.] and no password has an empty md5: this pair never matches. */
const READINESS_PROBE: UberCredentials = { login: 'abonent.readiness.probe', uberpassword: '00000000000000000000000000000000' };

/** Userstats' page when it cannot reach the billing core (API_CHECK, stock on): the billing is down, not confused. */
const CORE_UNREACHABLE = 'Core API connectivity failed!';

export class XmlAgent {
  private readonly root: URL;

  constructor(private readonly options: XmlAgentOptions) {
    this.root = withTrailingSlash(options.url);
  }

  /** The login XMLAgent resolved for this pair, or null when the pair is wrong. Reads the live users table. */
  async justauth(credentials: UberCredentials): Promise<{ login: string } | null> {
    const name = 'ubilling xmlagent justauth';
    const body = await this.call(name, this.xmlagent(credentials, 'justauth'));
    return body === null ? null : parseJustAuth(name, body);
  }

  /**
   * For readiness: a pair no subscriber has must get XMLAgent's 401. That answer needs userstats,
   * its database and (API_CHECK) the billing core, all of which the cabinet's reads need too.
   */
  async ping(): Promise<boolean> {
    try {
      return (await this.call('ubilling xmlagent ping', this.xmlagent(READINESS_PROBE, 'justauth'))) === null;
    } catch {
      return false;
    }
  }

  /** The profile: address, real name, contacts, contract, payment id, next month's tariff, state. */
  async userdata(credentials: UberCredentials): Promise<Userdata> {
    const name = 'ubilling xmlagent userdata';
    return parseUserdata(name, await this.signedIn(name, this.xmlagent(credentials, null)));
  }

  async payments(credentials: UberCredentials): Promise<PaymentRow[]> {
    const name = 'ubilling xmlagent payments';
    return parsePayments(name, await this.signedIn(name, this.xmlagent(credentials, 'payments')));
  }

  /**
   * Fee harvests and negative payments dated `datefrom` (Y-m-d) or later and not after `dateto`,
   * oldest first. Userstats compares both as strings with a DATETIME: `dateto=2026-08-31` ends at
   * 2026-08-31 00:00:00.
   */
  async feecharges(credentials: UberCredentials, datefrom: string, dateto: string): Promise<FeeChargeRow[]> {
    const name = 'ubilling xmlagent feecharges';
    const query = this.xmlagent(credentials, 'feecharges');
    query.set('datefrom', datefrom);
    query.set('dateto', dateto);
    return parseFeeCharges(name, await this.signedIn(name, query));
  }

  /** The tariff, then the virtual services (archived ones included, as Ubilling lists them). */
  async tariffvservices(credentials: UberCredentials): Promise<ChargeLine[]> {
    const name = 'ubilling xmlagent tariffvservices';
    return parseTariffVservices(name, await this.signedIn(name, this.xmlagent(credentials, 'tariffvservices')));
  }

  /** Every tariff that is not archived with its fee and period, then the virtual services: the price list. */
  async activetariffsvservices(credentials: UberCredentials): Promise<ChargeLine[]> {
    const name = 'ubilling xmlagent activetariffsvservices';
    return parseTariffVservices(name, await this.signedIn(name, this.xmlagent(credentials, 'activetariffsvservices')));
  }

  /**
   * The tariffs the subscriber's current one may change to, by userstats' TC_TARIFFENABLEDFROM and
   * TC_TARIFFSALLOWED (or tariffmatrix.ini): names only, the current tariff perhaps among them. It does
   * not say whether the tariff changer is enabled (TC_ENABLED).
   */
  async tarifftoswitchallowed(credentials: UberCredentials): Promise<string[]> {
    const name = 'ubilling xmlagent tarifftoswitchallowed';
    return parseTariffsToSwitch(name, await this.signedIn(name, this.xmlagent(credentials, 'tarifftoswitchallowed')));
  }

  /**
   * The cabinet's tariff changer (`?module=tariffchanger`), a form: POST `newtariff` and `agree`. It
   * charges its fee and books the tariff for the next month (or sets it now, with TC_RIGHTNOW) and
   * answers with an HTML page, a script redirect on success: the caller reads the account back to
   * know. It does not refuse while a change is booked. Sent once, never retried.
   */
  async tariffchanger(credentials: UberCredentials, tariff: string): Promise<void> {
    const name = 'ubilling userstats tariffchanger';
    const query = new URLSearchParams([['module', 'tariffchanger']]);
    this.sign(query, credentials);
    const url = new URL(this.root);
    url.search = query.toString();
    const form = new URLSearchParams([
      ['newtariff', tariff],
      ['agree', 'on'],
    ]);
    try {
      await callUpstream({ name, url, method: 'POST', form, timeoutMs: this.options.timeoutMs });
    } catch (error) {
      if (error instanceof CabinetError && error.code === 'UPSTREAM_ERROR' && error.detail === `${name}: HTTP 401`) {
        throw new CabinetError('UNAUTHENTICATED', 'Your password was changed. Please sign in again.');
      }
      throw error;
    }
  }

  /** The subscriber's messages to support and the ISP's answers, newest first. */
  async tickets(credentials: UberCredentials): Promise<TicketRow[]> {
    const name = 'ubilling xmlagent tickets';
    return parseTickets(name, await this.signedIn(name, this.xmlagent(credentials, 'tickets')));
  }

  /**
   * A support request, or with `replyTo` a reply in that conversation. Sent once, never retried.
   * Ubilling does not check that `reply_id` is the subscriber's own or open: the caller must.
   * Returns the new message's id, or null when Ubilling answered "error".
   */
  async ticketcreate(credentials: UberCredentials, text: string, replyTo: string | null): Promise<string | null> {
    const name = 'ubilling xmlagent ticketcreate';
    const query = this.xmlagent(credentials, 'ticketcreate');
    query.set('tickettype', 'support_request');
    query.set('tickettext', Buffer.from(text, 'utf8').toString('base64'));
    if (replyTo !== null) query.set('reply_id', replyTo);
    return parseTicketCreated(name, await this.signedIn(name, query, false));
  }

  async announcements(credentials: UberCredentials): Promise<AnnouncementRow[]> {
    const name = 'ubilling xmlagent announcements';
    return parseAnnouncements(name, await this.signedIn(name, this.xmlagent(credentials, 'announcements')));
  }

  /** Marks every announcement read for the subscriber; marking twice changes nothing, so it may be retried. */
  async annreadall(credentials: UberCredentials): Promise<void> {
    const name = 'ubilling xmlagent annreadall';
    parseAnnReadAll(name, await this.signedIn(name, this.xmlagent(credentials, 'annreadall')));
  }

  /** The freeze rules, price and state (userstats' AF_* and FREEZE_* settings). */
  async freezedata(credentials: UberCredentials): Promise<FreezeData> {
    const name = 'ubilling xmlagent freezedata';
    return parseFreezeData(name, await this.signedIn(name, this.xmlagent(credentials, 'freezedata')));
  }

  /** Freezes the account now and charges AF_FREEZPRICE, checking none of the rules: sent once, never retried. */
  async dofreeze(credentials: UberCredentials): Promise<{ done: boolean; message: string }> {
    const name = 'ubilling xmlagent dofreeze';
    return parseFreezeResult(name, await this.signedIn(name, this.xmlagent(credentials, 'dofreeze'), false));
  }

  /** Unfreezes, where the ISP set XMLAGENT_SELF_UNFREEZE_ALLOWED; sent once. */
  async dounfreeze(credentials: UberCredentials): Promise<{ done: boolean; message: string }> {
    const name = 'ubilling xmlagent dounfreeze';
    return parseFreezeResult(name, await this.signedIn(name, this.xmlagent(credentials, 'dounfreeze'), false));
  }

  /**
   * The creditor agent. With `justcheck` it only says whether a credit would be given and on what
   * terms; without it, it takes the credit (money-changing: never retried).
   */
  async agentcredit(credentials: UberCredentials, options: { justcheck: boolean }): Promise<CreditorReply> {
    const name = options.justcheck ? 'ubilling creditor agentcredit justcheck' : 'ubilling creditor agentcredit';
    const query = new URLSearchParams([
      ['module', 'creditor'],
      ['agentcredit', 'true'],
      ['json', 'true'],
    ]);
    if (options.justcheck) query.set('justcheck', 'true');
    this.sign(query, credentials);
    return parseCreditor(name, await this.signedIn(name, query, options.justcheck));
  }

  private xmlagent(credentials: UberCredentials, request: Request | null): URLSearchParams {
    const query = new URLSearchParams([
      ['xmlagent', 'true'],
      ['json', 'true'],
    ]);
    if (request) query.set(request, 'true');
    this.sign(query, credentials);
    return query;
  }

  private sign(query: URLSearchParams, credentials: UberCredentials): void {
    query.set('uberlogin', credentials.login);
    query.set('uberpassword', credentials.uberpassword);
    if (this.options.uberkey) query.set('uberkey', this.options.uberkey);
  }

  /** After sign-in a 401 means the password was changed in the billing: the session is over. */
  private async signedIn(name: string, query: URLSearchParams, read = true): Promise<string> {
    const body = await this.call(name, query, read);
    if (body === null) throw new CabinetError('UNAUTHENTICATED', 'Your password was changed. Please sign in again.');
    return body;
  }

  /** The body, or null for XMLAgent's 401 (a wrong login/md5 pair). */
  /** `read`: false for a call that changes the account (a credit, a freeze), which must be sent once. */
  private async call(name: string, query: URLSearchParams, read = true): Promise<string | null> {
    const url = new URL(this.root);
    url.search = query.toString();
    let body: string;
    try {
      body = (await callUpstream({ name, url, timeoutMs: this.options.timeoutMs, read })).body;
    } catch (error) {
      // callUpstream turns every status but 200 into an error; XMLAgent's 401 is an answer.
      if (error instanceof CabinetError && error.code === 'UPSTREAM_ERROR' && error.detail === `${name}: HTTP 401`) return null;
      throw error;
    }
    if (body.includes(CORE_UNREACHABLE)) throw upstreamUnavailable(`${name}: userstats cannot reach the billing core`);
    return body;
  }
}
