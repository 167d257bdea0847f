import { CabinetError } from '../../domain/errors.js';
import { callUpstream } from '../upstream.js';
import {
  parseCreditor,
  parseJustAuth,
  parsePayments,
  parseTariffVservices,
  parseUserdata,
  type ChargeLine,
  type CreditorReply,
  type PaymentRow,
  type Userdata,
} from './replies.js';
import { withTrailingSlash } from './remote-api.js';

/**
 * Ubilling's subscriber cabinet (userstats) as a REST API: XMLAgent
 * (`?xmlagent=true&json=true&<request>=true&uberlogin=…&uberpassword=md5(password)`) and the
 * creditor agent (`?module=creditor&agentcredit=true`). There is no session: every request carries
 * the login and the md5, which is password-equivalent, so URLs are never logged. A wrong pair is
 * an HTTP 401 with the body `ERROR_WRONG_UBERAUTH`.
 */

type Request = 'justauth' | 'payments' | 'tariffvservices';

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

  /** The profile: address, real name, contacts, contract, payment id, next month's tariff, state. */
  async userdata(credentials: UberCredentials): Promise<Userdata> {
    const name = 'ubilling xmlagent userdata';
    return parseUserdata(name, await this.signedIn(name, this.xmlagent(credentials, null)));
  }

  async payments(credentials: UberCredentials): Promise<PaymentRow[]> {
    const name = 'ubilling xmlagent payments';
    return parsePayments(name, await this.signedIn(name, this.xmlagent(credentials, 'payments')));
  }

  /** The tariff, then the virtual services (archived ones included, as Ubilling lists them). */
  async tariffvservices(credentials: UberCredentials): Promise<ChargeLine[]> {
    const name = 'ubilling xmlagent tariffvservices';
    return parseTariffVservices(name, await this.signedIn(name, this.xmlagent(credentials, 'tariffvservices')));
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
  /** `read`: false only for the creditor agent taking a credit, which must be sent once. */
  private async call(name: string, query: URLSearchParams, read = true): Promise<string | null> {
    const url = new URL(this.root);
    url.search = query.toString();
    try {
      return (await callUpstream({ name, url, timeoutMs: this.options.timeoutMs, read })).body;
    } catch (error) {
      // callUpstream turns every status but 200 into an error; XMLAgent's 401 is an answer.
      if (error instanceof CabinetError && error.code === 'UPSTREAM_ERROR' && error.detail === `${name}: HTTP 401`) return null;
      throw error;
    }
  }
}
