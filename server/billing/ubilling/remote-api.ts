import { callUpstream, withTrailingSlash } from '../upstream.js';
import {
  cleanBody,
  isAliveReply,
  parseContragentData,
  parseOnlineDaysLeft,
  parseSc,
  parseUserByIp,
  parseUserDataByLogin,
  parseUserSpends,
  type ChargeLine,
  type Contragent,
  type UserByIp,
  type UserDataReply,
} from './replies.js';

/**
 * Ubilling's RemoteAPI: `GET <billing>/?module=remoteapi&key=<serial>&action=…`. The serial works
 * like an admin key, so this client knows a fixed allow-list of calls, one typed method each,
 * named as Ubilling names them; no caller ever supplies an action or a parameter name. Callers
 * validate every value first (validation.ts): Ubilling puts `login` raw into SQL and shell.
 * The key rides in the query string, so URLs are never logged; the call name is.
 */

type Action = 'asterisk' | 'userbyip' | 'sc' | 'usercash';
type AsteriskParam = 'getuserdatabylogin' | 'getuserspends' | 'getonlinedaysleft' | 'getcontragentdata';
type ParamName = 'param' | 'login' | 'userpass' | 'includevsrvs' | 'ip' | 'cr' | 'end' | 'fee' | 'ct' | 'summ' | 'op' | 'note';

export interface RemoteApiOptions {
  /** The Ubilling web root (BILLING_URL). */
  url: string;
  serial: string;
  timeoutMs: number;
}

export interface ScRequest {
  login: string;
  /** The new credit limit (set, not added). */
  cr: string;
  /** Y-m-d */
  end: string;
  /** Charged as a negative payment with the note SCFEE. */
  fee: string;
  /** The payment type of that charge. */
  ct: number;
}

/** A login no subscriber has (plain letters: it goes into SQL); RemoteAPI answers 0 days for it. */
const READINESS_PROBE_LOGIN = 'abonentreadinessprobe';

export class RemoteApi {
  private readonly root: URL;

  constructor(private readonly options: RemoteApiOptions) {
    this.root = withTrailingSlash(options.url);
  }

  /**
   * `asterisk&param=getuserdatabylogin`. With `userpass` Ubilling checks the pair against its
   * USER_ALL_DATA cache (USERALLDATA_CACHETIME, stock 1440 minutes): for up to a day after a
   * password change the old password still passes and the new one fails, and a subscriber added
   * after the cache was built fails too. XMLAgent `justauth` reads the live table instead.
   */
  async getuserdatabylogin(login: string, userpass?: string): Promise<UserDataReply> {
    const name = 'ubilling remoteapi asterisk getuserdatabylogin';
    const params: [ParamName, string][] = [['param', 'getuserdatabylogin'], ['login', login]];
    if (userpass !== undefined) params.push(['userpass', userpass]);
    return parseUserDataByLogin(name, await this.call(name, 'asterisk', params), login);
  }

  /** `asterisk&param=getuserspends`: the tariff first, then every virtual service. Null for an unknown login. */
  async getuserspends(login: string): Promise<ChargeLine[] | null> {
    const name = 'ubilling remoteapi asterisk getuserspends';
    return parseUserSpends(name, await this.call(name, 'asterisk', this.asterisk('getuserspends', login)));
  }

  /** `asterisk&param=getonlinedaysleft&includevsrvs=1`: N days, -1 debt, -2 free tariff, 0 unknown. */
  async getonlinedaysleft(login: string): Promise<number> {
    const name = 'ubilling remoteapi asterisk getonlinedaysleft';
    const params = [...this.asterisk('getonlinedaysleft', login), ['includevsrvs', '1']] as [ParamName, string][];
    return parseOnlineDaysLeft(name, await this.call(name, 'asterisk', params));
  }

  /** `asterisk&param=getcontragentdata`: the ISP entity serving this subscriber's address, or null. */
  async getcontragentdata(login: string): Promise<Contragent | null> {
    const name = 'ubilling remoteapi asterisk getcontragentdata';
    return parseContragentData(name, await this.call(name, 'asterisk', this.asterisk('getcontragentdata', login)));
  }

  /** `userbyip&ip=…` (needs alter.ini USERBYIP_ENABLED): the subscriber at that address, or null. */
  async userbyip(ip: string): Promise<UserByIp | null> {
    const name = 'ubilling remoteapi userbyip';
    return parseUserByIp(name, await this.call(name, 'userbyip', [['ip', ip]]));
  }

  /** `sc`: sets the credit and its expiry and charges the fee. Money-changing: never retried. */
  async sc(request: ScRequest): Promise<void> {
    const name = 'ubilling remoteapi sc';
    const params: [ParamName, string][] = [
      ['login', request.login],
      ['cr', request.cr],
      ['end', request.end],
      ['fee', request.fee],
      ['ct', String(request.ct)],
    ];
    parseSc(name, await this.call(name, 'sc', params));
  }

  /**
   * `usercash&op=add`: books a payment of `summ` under the cash type `ct` with `note`. Money-changing:
   * sent once. The reply as it came: `OK:USERCASH` when booked, an `ERROR:…` word when not.
   */
  async usercash(request: { login: string; summ: string; ct: number; note: string }): Promise<string> {
    const name = 'ubilling remoteapi usercash';
    const params: [ParamName, string][] = [
      ['login', request.login],
      ['summ', request.summ],
      ['ct', String(request.ct)],
      ['op', 'add'],
      ['note', request.note],
    ];
    return cleanBody(name, await this.call(name, 'usercash', params)).trim();
  }

  /**
   * The key with no action: `ERROR:GET_NO_ACTION` proves the billing is up and the key right. Then
   * an `asterisk` read for a login no subscriber has: every subscriber read goes through the
   * Asterisk module, which connects to its own database first and fails (HTTP 500) without it.
   */
  async ping(): Promise<boolean> {
    try {
      if (!isAliveReply(await this.call('ubilling remoteapi ping', null, []))) return false;
      await this.getonlinedaysleft(READINESS_PROBE_LOGIN);
      return true;
    } catch {
      return false;
    }
  }

  private asterisk(param: AsteriskParam, login: string): [ParamName, string][] {
    return [
      ['param', param],
      ['login', login],
    ];
  }

  private async call(name: string, action: Action | null, params: [ParamName, string][]): Promise<string> {
    const url = new URL(this.root);
    const query = new URLSearchParams([
      ['module', 'remoteapi'],
      ['key', this.options.serial],
    ]);
    if (action) query.set('action', action);
    for (const [param, value] of params) query.set(param, value);
    url.search = query.toString();
    // `sc` (a credit and its fee) and `usercash` (a payment) change money, so they are sent once; the rest only read.
    const response = await callUpstream({ name, url, timeoutMs: this.options.timeoutMs, read: action !== 'sc' && action !== 'usercash' });
    return response.body;
  }
}
