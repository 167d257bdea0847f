import { Agent } from 'undici';
import { CabinetError, upstreamUnavailable } from '../../domain/errors.js';
import { callUpstream, withTrailingSlash } from '../upstream.js';
import type { ClientTls } from './certificates.js';
import { decodeBody, parseApiPhpXml, type ApiPhpAnswer } from './responses.js';

/**
 * Each stored procedure the cabinet runs, with its input parameters in the vendor's order: api.php
 * takes them positionally as arg1…argN. This table is the one place that order lives; callers
 * name their arguments.
 */
export const PROCEDURES = {
  /** [seen: arg1=login, arg2=password, arg3=0] The third parameter is 0 in every seen call and is not documented. */
  CLN_AUTH_LOGIN: ['LOGIN', 'PASSWORD', 'FLAG'],
  /**
   * [known] The vendor page lists a 25th parameter, NAS_IP, in newer versions; the seen clients send
   * 24 and stop at SMS_IN, which works on both when NAS_IP defaults to NULL. [inferred]
   */
  CLN_USR_FIND_2: [
    'SUID', 'NAME_IN', 'LOGIN_IN', 'ID_IN', 'EMAIL_IN', 'IP_IN', 'FINANCE_IN', 'SERVER_IN', 'ADMIN_IN', 'BALANCEL_IN',
    'BALANCEH_IN', 'PARENT_ID_IN', 'END_USER_IN', 'COUNT_USER_IN', 'ALL_IN', 'DELETED_IN', 'ATTRIBUTE', 'CONTRACT_NUMBER_IN',
    'TARIFF_ID', 'ROUTER_IP', 'ROUTER_VLAN', 'ROUTER_PORT', 'SIP_ID', 'SMS_IN',
  ],
  CLN_USR_GET: ['SUID', 'SELECT_ID'],
  CLN_FIN_OPER: ['SUID', 'USER_ID', 'DATEL', 'DATEH', 'FINANCE_IN', 'OP_TYPE_IN', 'ID', 'END_USER', 'FIN_USER', 'PARENT_ID_IN'],
  CLN_USR_USLUGA_EDIT: ['SUID', 'ID', 'USER_ID', 'USLUGA_ID', 'ENABLED', 'CREATE_DATE', 'NEXT_DATE', 'COUNTT', 'UK', 'COMMENT', 'EQUIPMENT_ID', 'SIP_ID'],
  WEB_USER_PROMISE_PAY: ['SUID', 'USER_ID', 'PROMISE_PAY', 'HOST'],
  /**
   * [known] Money onto the balance: the vendor's page lists SUID, USER_ID, OP_DATE, SUMMA, DESCR
   * (varchar 255), NUMBER (varchar 10, "any"), then the operation type (2, income) and a required
   * empty parameter, both unnamed; OP_TYPE and RESERVED are our names for them.
   */
  CLN_FIN_OPER_ADD: ['SUID', 'USER_ID', 'OP_DATE', 'SUMMA', 'DESCR', 'NUMBER', 'OP_TYPE', 'RESERVED'],
  /** [inferred] The catalogue of services, named like CLN_HOME_LIST and CLN_SWITCH_LIST; P_ID null lists all. */
  CLN_USLUGA_LIST: ['SUID', 'P_ID'],
  /** [inferred] The subscriber's service bindings, the rows CLN_USR_USLUGA_EDIT writes. */
  CLN_USR_USLUGA_LIST: ['SUID', 'USER_ID'],
} as const satisfies Record<string, readonly string[]>;

export type Procedure = keyof typeof PROCEDURES;

/**
 * The procedures that change nothing in Carbon, so a quick failure may be retried. The others are
 * sent once: CLN_AUTH_LOGIN as every sign-in, and the money and service writes.
 */
const READ_PROCEDURES: ReadonlySet<Procedure> = new Set(['CLN_USR_FIND_2', 'CLN_USR_GET', 'CLN_FIN_OPER', 'CLN_USLUGA_LIST', 'CLN_USR_USLUGA_LIST']);
export type ProcedureParameter<P extends Procedure> = (typeof PROCEDURES)[P][number];
export type ArgValue = string | number | null;
/** Named arguments; a parameter left out is sent as NULL. */
export type ProcedureArgs<P extends Procedure> = Partial<Record<ProcedureParameter<P>, ArgValue>>;

/** `cmd=execute&proc=<P>&arg1=…&argN=…`, every parameter in order, NULL as the literal "null" the seen clients send. */
export function positionalQuery<P extends Procedure>(procedure: P, args: ProcedureArgs<P>): URLSearchParams {
  const query = new URLSearchParams([
    ['cmd', 'execute'],
    ['proc', procedure],
  ]);
  const named = args as Partial<Record<string, ArgValue>>;
  PROCEDURES[procedure].forEach((parameter: string, index) => {
    const value = named[parameter];
    query.set(`arg${index + 1}`, value === null || value === undefined ? 'null' : String(value));
  });
  return query;
}

export interface CarbonLegacyClientOptions {
  /** The cashier web server's root, e.g. https://billing:1443 */
  url: string;
  tls: ClientTls;
  timeoutMs: number;
}

/** How undici and OpenSSL name a TLS handshake the billing ended, or a certificate we did not trust. */
const TLS_FAILURE = /UND_ERR_SOCKET|ECONNRESET|EPROTO|SSL|CERT|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i;

/**
 * Runs api.php procedures over HTTPS with the billing's client certificate, through the shared
 * upstream helper. Labels name the procedure, never the URL: its query carries the SUID and, for
 * CLN_AUTH_LOGIN, the operator's password.
 */
export class CarbonLegacyClient {
  private readonly apiUrl: URL;
  private readonly dispatcher: Agent;

  constructor(private readonly options: CarbonLegacyClientOptions) {
    this.apiUrl = new URL('api.php', withTrailingSlash(options.url));
    // The cashier server knows the cabinet by its client certificate, on every connection.
    this.dispatcher = new Agent({ connect: options.tls });
  }

  /** GET /api.php?cmd=execute&proc=<P>&arg1…; the output rows, or Carbon's refusal. */
  async execute<P extends Procedure>(procedure: P, args: ProcedureArgs<P>): Promise<ApiPhpAnswer> {
    const name = `carbon-legacy ${procedure}`;
    const url = new URL(this.apiUrl);
    url.search = positionalQuery(procedure, args).toString();
    try {
      const response = await callUpstream({
        name,
        url,
        method: 'GET',
        timeoutMs: this.options.timeoutMs,
        read: READ_PROCEDURES.has(procedure),
        dispatcher: this.dispatcher,
      });
      return parseApiPhpXml(name, decodeBody(name, response.bytes, response.contentType));
    } catch (error) {
      throw withCertificateHint(error);
    }
  }

  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

/**
 * api.php refuses a client without a certificate its CA signed by ending the TLS handshake, which
 * reaches us as a closed socket; the log then says where to look.
 */
function withCertificateHint(error: unknown): unknown {
  if (!(error instanceof CabinetError) || error.code !== 'UPSTREAM_UNAVAILABLE' || !TLS_FAILURE.test(error.detail ?? '')) return error;
  return upstreamUnavailable(
    `${error.detail}: the TLS connection failed; the billing accepts only a client certificate its CA signed ` +
      '(CARBON_LEGACY_PFX, or CARBON_LEGACY_CERT and CARBON_LEGACY_KEY), and we trust only CARBON_LEGACY_CA',
    error,
  );
}
