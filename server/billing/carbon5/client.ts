import { callUpstream, parseJsonBody, withTrailingSlash } from '../upstream.js';
import { decodeCabinetResult, parseRestEnvelope, type RestAnswer } from './responses.js';

export interface CarbonClientOptions {
  /** The billing's root, e.g. http://169.254.80.82:8082 */
  url: string;
  /** The `web` context password (network['api.web.psw']); sent only when configured. */
  apiPassword?: string;
  /** The `asr_fiscal` context's password (CARBON_FISCAL_PASSWORD), for booking payments; sent only with act_pay. */
  fiscalPassword?: string;
  timeoutMs: number;
}

/** web_cabinet methods the cabinet calls; the only ones this client can send. */
export type CabinetMethod =
  | 'login'
  | 'try_auto_login'
  | 'get_user'
  | 'user_info'
  | 'get_usluga_list'
  | 'set_user_usluga'
  | 'remove_user_usluga'
  | 'get_promise_pay_list'
  | 'add_promise_pay'
  | 'get_pay_log'
  | 'reset_password'
  | 'submit_password'
  | 'get_helpdesk_dialogs'
  | 'get_helpdesk_comments'
  | 'create_ticket'
  | 'block_user'
  | 'set_user_info';

/**
 * The methods sent over system_api, as the vendor's system_api page shows them (plus get_user, which
 * every seen cabinet client reads there); the rest go through REST v2 as the REST v2 page shows them.
 */
const SYSTEM_API_METHODS: ReadonlySet<CabinetMethod> = new Set(['login', 'try_auto_login', 'get_user', 'user_info']);

/** The methods that change nothing in Carbon, so a quick failure may be retried; the others are sent once. */
const READ_METHODS: ReadonlySet<CabinetMethod> = new Set([
  'get_user',
  'user_info',
  'get_usluga_list',
  'get_promise_pay_list',
  'get_pay_log',
  'get_helpdesk_dialogs',
  'get_helpdesk_comments',
]);

/** One step of a REST v2 chain: method N and its arg N. */
/** The REST v2 models the adapter reads or writes: no other is ever called. */
export type RestModel = 'Users' | 'Abonents' | 'ArchAccountStack' | 'Tarif' | 'FinanceOperations' | 'FinanceOperationsDetail';

export interface RestCall {
  method: string;
  arg: Record<string, unknown>;
}

/**
 * Speaks Carbon's two HTTP surfaces on port 8082 through the shared upstream helper: system_api,
 * whose body is the method's result, and REST v2, whose body is a {"call","result"|"error"} envelope.
 * Labels name the call, never the URL: the query carries the suid, the psw and, for login, the password.
 */
export class CarbonClient {
  private readonly systemApiUrl: URL;
  private readonly restUrl: URL;

  constructor(private readonly options: CarbonClientOptions) {
    const root = withTrailingSlash(options.url);
    this.systemApiUrl = new URL('system_api/', root);
    this.restUrl = new URL('rest_api/v2/', root);
  }

  /** web_cabinet.<m> over the surface Carbon's docs use for it; the answer as the method returns it. */
  webCabinet(method: CabinetMethod, arg: Record<string, unknown>): Promise<unknown> {
    return SYSTEM_API_METHODS.has(method) ? this.systemApi(method, arg) : this.cabinetViaRest(method, arg);
  }

  /** GET /system_api/?format=json&context=web&model=users&method1=web_cabinet.<m>&arg1=<json>[&psw=…] */
  async systemApi(method: CabinetMethod, arg: Record<string, unknown>): Promise<unknown> {
    const name = `carbon5 web_cabinet.${method}`;
    const url = new URL(this.systemApiUrl);
    url.searchParams.set('format', 'json');
    url.searchParams.set('context', 'web');
    url.searchParams.set('model', 'users');
    url.searchParams.set('method1', `web_cabinet.${method}`);
    url.searchParams.set('arg1', JSON.stringify(arg));
    if (this.options.apiPassword !== undefined) url.searchParams.set('psw', this.options.apiPassword);
    const response = await callUpstream({ name, url, method: 'GET', timeoutMs: this.options.timeoutMs, read: READ_METHODS.has(method) });
    return parseJsonBody({ name }, response.body);
  }

  /**
   * GET /system_api/?format=json&context=asr_fiscal&model=Abonents&method1=asr_fiscal_manager.act_pay&arg1=<json>&psw=…:
   * the payment systems' call that books a payment. Sent once, never repeated; the body as it came.
   */
  async actPay(arg: { contract_number: string; sum_in: string; pay_operator: string; pay_id_str: string; act: 'PAY' }): Promise<string> {
    const url = new URL(this.systemApiUrl);
    url.searchParams.set('format', 'json');
    url.searchParams.set('context', 'asr_fiscal');
    url.searchParams.set('model', 'Abonents');
    url.searchParams.set('method1', 'asr_fiscal_manager.act_pay');
    url.searchParams.set('arg1', JSON.stringify(arg));
    url.searchParams.set('psw', this.options.fiscalPassword ?? '');
    const response = await callUpstream({ name: 'carbon5 asr_fiscal_manager.act_pay', url, method: 'GET', timeoutMs: this.options.timeoutMs });
    return response.body;
  }

  /** POST /rest_api/v2/<Model>/ with method1/arg1/method2/arg2…; the result of the last call, or Carbon's refusal. */
  /** `fields`: only these fields of each object, as REST v2's `fields=[…]` asks. */
  async restV2(model: RestModel, calls: readonly RestCall[], options: { read?: boolean; fields?: readonly string[] } = {}): Promise<RestAnswer> {
    const name = `carbon5 ${model} ${calls.map((call) => call.method).join('+')}`;
    const form = new URLSearchParams();
    calls.forEach((call, index) => {
      form.set(`method${index + 1}`, call.method);
      form.set(`arg${index + 1}`, JSON.stringify(call.arg));
    });
    if (options.fields) form.set('fields', JSON.stringify(options.fields));
    const response = await callUpstream({ name, url: new URL(`${model}/`, this.restUrl), form, timeoutMs: this.options.timeoutMs, read: options.read });
    return parseRestEnvelope(name, parseJsonBody({ name }, response.body));
  }

  /** web_cabinet.<m> through REST v2 Users: the method's answer, decoded from result[0]. */
  async cabinetViaRest(method: CabinetMethod, arg: Record<string, unknown>): Promise<unknown> {
    const answer = await this.restV2('Users', [{ method: `web_cabinet.${method}`, arg }], { read: READ_METHODS.has(method) });
    const name = `carbon5 web_cabinet.${method}`;
    if ('refused' in answer) return { error: answer.refused };
    return decodeCabinetResult(name, answer.result);
  }
}
