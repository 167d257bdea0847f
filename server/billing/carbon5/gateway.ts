import type { z } from 'zod';
import { CabinetError, invalidCredentials, notAllowed, upstreamError } from '../../domain/errors.js';
import { parseUpstreamShape } from '../upstream.js';
import type { BillingGateway, SubscriberSession } from '../../domain/gateway.js';
import type {
  BillingIdentity,
  Capabilities,
  PasswordResetStart,
  Payment,
  PromisePay,
  PushPlatform,
  Service,
  Spend,
  Subscriber,
  SupportContacts,
} from '../../domain/types.js';
import { CarbonClient, type CabinetMethod, type CarbonClientOptions } from './client.js';
import {
  addDays,
  cabinetDateArg,
  localDate,
  mapPayments,
  mapPromisePay,
  mapServices,
  mapSpends,
  mapSubscriber,
  resetChannel,
} from './mapper.js';
import {
  carbonRefusal,
  dynamicSessionResult,
  getUserAnswer,
  isNotAuthorized,
  loginAnswer,
  messageAnswer,
  parseCabinetAnswer,
  payLogAnswer,
  promisePayListAnswer,
  resetPasswordAnswer,
  userInfoAnswer,
  uslugaListAnswer,
  type CabinetAnswer,
} from './responses.js';

export interface Carbon5GatewayOptions extends CarbonClientOptions {
  /** ISO 4217 code of the money Carbon counts in. */
  currency: string;
  /** "Now", for today's date in status and days-left; tests fix it. */
  clock?: () => Date;
}

const CAPABILITIES: Capabilities = {
  passwordLogin: true,
  autoLogin: true,
  promisePay: true,
  services: true,
  serviceConnect: true,
  serviceDisconnect: true,
  passwordReset: true,
  pushToken: true,
  payments: true,
};

/** How long a renewed suid answers for the dead one it replaced; see `freshSuid`. */
const RENEWAL_REUSE_MS = 10_000;
/** Carbon's rule for submit_password: "одинаковые пароли длиннее 6 символов". */
const MIN_PASSWORD_LENGTH = 7;
const PAY_LOG_DAYS = 365;
const CARBON_PK = /^\d+$/;

/**
 * The Carbon Billing 5 adapter. Every subscriber call carries the session's suid in arg1; when
 * Carbon answers "Необходимо авторизоваться" (the subscriber signed in elsewhere, which ends the old
 * suid), the adapter opens a fresh one with REST v2 get_or_create_dynamic_session, hands it to
 * `session.renew` and repeats that one call once. Repeating is safe for writes too: the refused call
 * did not run.
 */
export class Carbon5Gateway implements BillingGateway {
  readonly kind = 'carbon5' as const;
  readonly capabilities = CAPABILITIES;
  readonly currency: string;
  private readonly client: CarbonClient;
  private readonly clock: () => Date;
  /**
   * Renewals in flight or just done, by the suid they replace. Not a cache of subscriber data: it only
   * stops the parallel calls of one request, all refused with the same dead suid, from opening one
   * session each (each new suid would end the one before). Another instance never needs it.
   */
  private readonly renewals = new Map<string, { suid: Promise<string>; reusableUntil: number }>();

  constructor(options: Carbon5GatewayOptions) {
    this.client = new CarbonClient(options);
    this.currency = options.currency;
    this.clock = options.clock ?? (() => new Date());
  }

  async login(login: string, password: string): Promise<BillingIdentity> {
    const answer = parseCabinetAnswer('carbon5 web_cabinet.login', loginAnswer, await this.client.webCabinet('login', { login, passwd: password }));
    if ('refused' in answer) throw invalidCredentials();
    return signedIn(answer.value, login);
  }

  async autoLogin(clientIp: string): Promise<BillingIdentity | null> {
    const body = await this.client.webCabinet('try_auto_login', { src_ip: clientIp });
    const answer = parseCabinetAnswer('carbon5 web_cabinet.try_auto_login', loginAnswer, body);
    if ('refused' in answer) return null;
    const login = answer.value.user.login;
    if (login === null) throw upstreamError('carbon5 web_cabinet.try_auto_login: the answer names no login');
    return signedIn(answer.value, login);
  }

  async getSubscriber(session: SubscriberSession): Promise<Subscriber> {
    const cabinet = this.cabinet(session);
    const [{ user }, info] = await Promise.all([cabinet.read('get_user', {}, getUserAnswer), cabinet.read('user_info', {}, userInfoAnswer)]);
    return mapSubscriber(user, info, this.today(), this.currency, session.identity.login);
  }

  async getSpends(session: SubscriberSession): Promise<Spend[]> {
    const cabinet = this.cabinet(session);
    const [{ user }, uslugas] = await Promise.all([cabinet.read('get_user', {}, getUserAnswer), this.uslugaList(cabinet)]);
    return mapSpends(user, uslugas, this.currency);
  }

  async getServices(session: SubscriberSession): Promise<Service[]> {
    return mapServices(await this.uslugaList(this.cabinet(session)), this.currency);
  }

  async getPromisePay(session: SubscriberSession): Promise<PromisePay> {
    const cabinet = this.cabinet(session);
    const [{ user }, offers] = await Promise.all([
      cabinet.read('get_user', {}, getUserAnswer),
      cabinet.read('get_promise_pay_list', {}, promisePayListAnswer),
    ]);
    return mapPromisePay(user, offers, this.currency);
  }

  async getPayments(session: SubscriberSession): Promise<Payment[]> {
    const today = this.today();
    const log = await this.cabinet(session).read(
      'get_pay_log',
      { start_date: cabinetDateArg(addDays(today, -PAY_LOG_DAYS)), end_date: cabinetDateArg(addDays(today, 1)), page_number: 1, per_page: 100 },
      payLogAnswer,
    );
    return mapPayments(log, this.currency);
  }

  /** Carbon's cabinet API has no call for the ISP's own contacts. */
  async getSupportContacts(): Promise<SupportContacts | null> {
    return null;
  }

  async takePromisePay(session: SubscriberSession, offerId: string): Promise<void> {
    const answer = await this.cabinet(session).call('add_promise_pay', { promise_pay_id: carbonPk(offerId, 'offer') }, messageAnswer);
    session.forget();
    if ('refused' in answer) throw notAllowed(answer.refused);
  }

  async connectService(session: SubscriberSession, serviceId: string): Promise<Service> {
    const cabinet = this.cabinet(session);
    const uslugaId = carbonPk(serviceId, 'service');
    const service = await this.offeredService(cabinet, serviceId);
    if (service.connected) throw notAllowed('This service is already connected.');
    const answer = await cabinet.call('set_user_usluga', { usluga_id: uslugaId }, messageAnswer);
    session.forget();
    if ('refused' in answer) throw notAllowed(answer.refused);
    return awaitingCarbon(service);
  }

  async disconnectService(session: SubscriberSession, serviceId: string): Promise<Service> {
    const cabinet = this.cabinet(session);
    const uslugaId = carbonPk(serviceId, 'service');
    const service = await this.offeredService(cabinet, serviceId);
    if (!service.connected) throw notAllowed('This service is not connected.');
    if (!service.canDisconnect) throw notAllowed('This service cannot be disconnected in the cabinet. Please contact your provider.');
    const answer = await cabinet.call('remove_user_usluga', { usluga_id: uslugaId }, messageAnswer);
    session.forget();
    if ('refused' in answer) throw notAllowed(answer.refused);
    return awaitingCarbon(service);
  }

  async requestPasswordReset(login: string): Promise<PasswordResetStart> {
    const body = await this.client.webCabinet('reset_password', { login, base_url: '' });
    const answer = parseCabinetAnswer('carbon5 web_cabinet.reset_password', resetPasswordAnswer, body);
    if ('refused' in answer) throw notAllowed(answer.refused);
    return { channel: resetChannel(answer.value.message), billingRef: answer.value.uid };
  }

  async confirmPasswordReset(reset: PasswordResetStart, code: string, newPassword: string): Promise<void> {
    if (newPassword.length < MIN_PASSWORD_LENGTH) {
      throw new CabinetError('BAD_USER_INPUT', `A new password has at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    const arg = { token: code.trim().toUpperCase(), uid: reset.billingRef, psw1: newPassword, psw2: newPassword };
    const answer = parseCabinetAnswer('carbon5 web_cabinet.submit_password', messageAnswer, await this.client.webCabinet('submit_password', arg));
    if ('refused' in answer) throw notAllowed(answer.refused);
  }

  /**
   * REST v2 Abonents objects.get + set {"push_token"} + save, as the vendor docs show. Carbon keeps one
   * token per abonent and no platform, so the platform is not sent.
   */
  async registerPushToken(session: SubscriberSession, token: string, _platform: PushPlatform): Promise<void> {
    const { user } = await this.cabinet(session).read('get_user', {}, getUserAnswer);
    const abonentPk = user.abonent.pk;
    if (abonentPk == null) throw upstreamError('carbon5 web_cabinet.get_user: no abonent pk for push_token');
    const answer = await this.client.restV2('Abonents', [
      { method: 'objects.get', arg: { id: abonentPk } },
      { method: 'set', arg: { push_token: token } },
      { method: 'save', arg: {} },
    ]);
    if ('refused' in answer) throw upstreamError(`carbon5 Abonents push_token: refused (${answer.refused})`);
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

  private today(): string {
    return localDate(this.clock());
  }

  private cabinet(session: SubscriberSession): SignedInCabinet {
    return new SignedInCabinet(this.client, session, (dead) => this.freshSuid(session.identity.accountId, dead));
  }

  private uslugaList(cabinet: SignedInCabinet) {
    return cabinet.read('get_usluga_list', { get_user_uslugas_all: 1 }, uslugaListAnswer);
  }

  /** The service as the cabinet shows it; one Carbon hides (is_show_web "0") or does not offer is refused. */
  private async offeredService(cabinet: SignedInCabinet, serviceId: string): Promise<Service> {
    const service = mapServices(await this.uslugaList(cabinet), this.currency).find((candidate) => candidate.id === serviceId);
    if (!service) throw notAllowed('This service is not offered to you.');
    return service;
  }

  /** A new suid for the account, shared by every call that saw the same dead one a moment ago. */
  private freshSuid(accountId: string, dead: string | undefined): Promise<string> {
    const now = Date.now();
    const key = dead === undefined ? undefined : `${accountId}:${dead}`;
    const known = key === undefined ? undefined : this.renewals.get(key);
    if (known && known.reusableUntil > now) return known.suid;
    for (const [renewedKey, renewal] of this.renewals) if (renewal.reusableUntil <= now) this.renewals.delete(renewedKey);
    const suid = this.openDynamicSession(accountId);
    if (key !== undefined) {
      this.renewals.set(key, { suid, reusableUntil: now + RENEWAL_REUSE_MS });
      suid.catch(() => this.renewals.delete(key));
    }
    return suid;
  }

  private async openDynamicSession(accountId: string): Promise<string> {
    const answer = await this.client.restV2('Users', [
      { method: 'objects.get', arg: { id: accountId } },
      { method: 'get_or_create_dynamic_session', arg: {} },
    ]);
    if ('refused' in answer) {
      throw new CabinetError('UNAUTHENTICATED', 'Please sign in again.', { detail: `carbon5 Users get_or_create_dynamic_session: refused (${answer.refused})` });
    }
    return parseUpstreamShape('carbon5 Users get_or_create_dynamic_session', dynamicSessionResult, answer.result).fields.suid;
  }
}

export function createCarbon5Gateway(options: Carbon5GatewayOptions): Carbon5Gateway {
  return new Carbon5Gateway(options);
}

function signedIn(answer: z.infer<typeof loginAnswer>, typedLogin: string): BillingIdentity {
  return { login: answer.user.login ?? typedLogin, accountId: answer.user.pk, secret: answer.session_id };
}

/** Carbon ids are integer primary keys; anything else never reaches it. */
function carbonPk(id: string, what: 'offer' | 'service'): number {
  if (!CARBON_PK.test(id) || !Number.isSafeInteger(Number(id))) throw new CabinetError('BAD_USER_INPUT', `Not a valid ${what} id`);
  return Number(id);
}

/** Carbon queues writes: the service keeps its state until the billing applies it, and takes no other change meanwhile. */
function awaitingCarbon(service: Service): Service {
  return { ...service, pending: true, canConnect: false, canDisconnect: false };
}

/**
 * The signed-in subscriber's web_cabinet for one gateway operation: adds the suid to each call,
 * renews it once when Carbon says it died, and keeps the renewed one for the operation's next calls.
 */
class SignedInCabinet {
  private suid: string | undefined;
  private renewal: { from: string | undefined; suid: Promise<string> } | undefined;

  constructor(
    private readonly client: CarbonClient,
    private readonly session: SubscriberSession,
    private readonly freshSuid: (dead: string | undefined) => Promise<string>,
  ) {
    this.suid = session.identity.secret;
  }

  /** A read: Carbon refusing it is not something the subscriber can act on, so it is UPSTREAM_ERROR. */
  read<T>(method: CabinetMethod, arg: Record<string, unknown>, schema: z.ZodType<T>): Promise<T> {
    return this.session.once(`carbon5 ${method} ${JSON.stringify(arg)}`, async () => {
      const answer = await this.call(method, arg, schema);
      if ('refused' in answer) throw upstreamError(`carbon5 web_cabinet.${method}: refused (${answer.refused})`);
      return answer.value;
    });
  }

  /** A call whose refusal is an answer: Carbon's reason, or the value. */
  async call<T>(method: CabinetMethod, arg: Record<string, unknown>, schema: z.ZodType<T>): Promise<CabinetAnswer<T>> {
    const label = `carbon5 web_cabinet.${method}`;
    const suid = this.suid ?? (await this.renew(undefined));
    const answer = parseCabinetAnswer(label, schema, await this.client.webCabinet(method, { ...arg, suid }));
    if (!('refused' in answer) || !isNotAuthorized(answer.refused)) return answer;
    const fresh = await this.renew(suid);
    const retried = parseCabinetAnswer(label, schema, await this.client.webCabinet(method, { ...arg, suid: fresh }));
    if ('refused' in retried && isNotAuthorized(retried.refused)) throw upstreamError(`${label}: a freshly opened session was refused too`);
    return retried;
  }

  private renew(dead: string | undefined): Promise<string> {
    if (!this.renewal || this.renewal.from !== dead) {
      const suid = this.freshSuid(dead).then(async (fresh) => {
        this.suid = fresh;
        await this.session.renew({ ...this.session.identity, secret: fresh });
        return fresh;
      });
      this.renewal = { from: dead, suid };
    }
    return this.renewal.suid;
  }
}
