import type { z } from 'zod';
import { CabinetError, upstreamError } from '../../domain/errors.js';
import type { SignInPasswordCheck, SubscriberSession } from '../../domain/gateway.js';
import { parseUpstreamShape } from '../upstream.js';
import type { CabinetMethod, CarbonClient } from './client.js';
import { dynamicSessionResult, isNotAuthorized, parseCabinetAnswer, usersPasswordResult, type CabinetAnswer } from './responses.js';

/** How long a suid opened for a dead one serves the other calls that saw the same dead one; see `renewedSuid`. */
const RENEWAL_REUSE_MS = 10_000;

/**
 * The suids a subscriber's calls carry. Carbon ends a suid when the account signs in elsewhere
 * (another device, Carbon's own cabinet, the notifier's operator-made suid), when its time runs out,
 * and perhaps when the password changes. When Carbon answers "Необходимо авторизоваться", a session
 * opened with a password reads the account's current password (REST v2 Users gen_pwd, with the `web`
 * context's rights, on the server only) and compares it with the fingerprint the session keeps: the
 * same password opens a new suid with get_or_create_dynamic_session and the call is sent again;
 * another password, or none readable, ends the session. This is not the legacy "operator compares
 * gen_pwd with the typed password" sign-in: signing in is Carbon's own login, and gen_pwd only tells
 * whether a session's password still holds. A session opened by address keeps no password and ends
 * with its suid.
 */
export class CarbonSuids {
  /**
   * New suids by the dead one they replace, for a moment: the parallel requests of one session all
   * see the same dead suid, and each new suid would end the one before. Not a cache of anything
   * the subscriber reads.
   */
  private readonly renewals = new Map<string, { suid: Promise<string>; reusableUntil: number }>();

  constructor(private readonly client: CarbonClient) {}

  /** The session's web_cabinet for one gateway operation. */
  cabinet(session: SubscriberSession): SignedInCabinet {
    return new SignedInCabinet(this.client, session, {
      operatorSuid: () => this.openDynamicSession(session.identity.accountId),
      renewedSuid: (dead) => this.renewedSuid(session, dead),
    });
  }

  /**
   * Whether the account's current password (REST v2 Users objects.get, gen_pwd) is the one the
   * session was opened with. Carbon refusing the read (no such account) or an answer without a
   * readable gen_pwd is a no; a billing that does not answer throws.
   */
  async passwordStillHolds(accountId: string, check: SignInPasswordCheck): Promise<boolean> {
    const answer = await this.client.restV2('Users', [{ method: 'objects.get', arg: { id: accountId } }], { read: true });
    if ('refused' in answer) return false;
    const read = usersPasswordResult.safeParse(answer.result);
    return read.success && (await check.matches(read.data.fields.gen_pwd));
  }

  /**
   * A new suid for a session whose suid Carbon ended, when the password it was opened with still
   * holds; UNAUTHENTICATED otherwise. Each request checks the password for its own session; the new
   * suid is shared by every call that saw the same dead one a moment ago.
   */
  private async renewedSuid(session: SubscriberSession, dead: string): Promise<string> {
    const { accountId } = session.identity;
    const check = session.signInPassword;
    if (!check) throw sessionEnded('carbon5: the suid ended, and a session opened by address is not renewed');
    const holds = await session.once('carbon5 password still holds', () => this.passwordStillHolds(accountId, check));
    if (!holds) throw sessionEnded('carbon5: the suid ended, and the password is no longer the one signed in with');
    const now = Date.now();
    for (const [key, renewal] of this.renewals) if (renewal.reusableUntil <= now) this.renewals.delete(key);
    const key = `${accountId}:${dead}`;
    const known = this.renewals.get(key);
    if (known) return known.suid;
    const suid = this.openDynamicSession(accountId);
    this.renewals.set(key, { suid, reusableUntil: now + RENEWAL_REUSE_MS });
    suid.catch(() => this.renewals.delete(key));
    return suid;
  }

  /**
   * A suid opened with operator rights: for server-side reads that hold no subscriber session (the
   * push notifier's pass), and for a session whose password was just found to still hold.
   */
  private async openDynamicSession(accountId: string): Promise<string> {
    const answer = await this.client.restV2('Users', [
      { method: 'objects.get', arg: { id: accountId } },
      { method: 'get_or_create_dynamic_session', arg: {} },
    ]);
    if ('refused' in answer) throw upstreamError(`carbon5 Users get_or_create_dynamic_session: refused (${answer.refused})`);
    return parseUpstreamShape('carbon5 Users get_or_create_dynamic_session', dynamicSessionResult, answer.result).fields.suid;
  }
}

interface SuidSource {
  /** For an identity without a suid: a server-side read (the notifier's). */
  operatorSuid(): Promise<string>;
  /** For a session whose suid Carbon ended; UNAUTHENTICATED when it may not go on. */
  renewedSuid(dead: string): Promise<string>;
}

/**
 * The signed-in subscriber's web_cabinet for one gateway operation: adds the session's suid to each
 * call. An identity without a suid is a server-side read (the notifier's) and gets an operator-made one.
 */
export class SignedInCabinet {
  constructor(
    private readonly client: CarbonClient,
    private readonly session: SubscriberSession,
    private readonly suids: SuidSource,
  ) {}

  /** A read: Carbon refusing it is not something the subscriber can act on, so it is UPSTREAM_ERROR. */
  read<T>(method: CabinetMethod, arg: Record<string, unknown>, schema: z.ZodType<T>): Promise<T> {
    return this.session.once(`carbon5 ${method} ${JSON.stringify(arg)}`, async () => {
      const answer = await this.call(method, arg, schema);
      if ('refused' in answer) throw upstreamError(`carbon5 web_cabinet.${method}: refused (${answer.refused})`);
      return answer.value;
    });
  }

  /**
   * A call whose refusal is an answer: Carbon's reason, or the value. When the session's suid ended
   * and the session may go on, the call is sent once more with the new suid: safe for writes too,
   * since the refused call did not run. A new suid refused as well ends the session.
   */
  async call<T>(method: CabinetMethod, arg: Record<string, unknown>, schema: z.ZodType<T>): Promise<CabinetAnswer<T>> {
    const own = this.session.identity.secret;
    // One operator-made suid for all the calls of one read: each new one ends the one before.
    const suid = own ?? (await this.session.once('carbon5 operator suid', this.suids.operatorSuid));
    const answer = await this.send(method, arg, schema, suid);
    if (!('refused' in answer && isNotAuthorized(answer.refused))) return answer;
    if (own === undefined) throw sessionEnded(`carbon5 web_cabinet.${method}: the operator-made suid ended`);
    const fresh = await this.session.once(`carbon5 renewed ${own}`, async () => {
      const renewed = await this.suids.renewedSuid(own);
      await this.session.renew({ ...this.session.identity, secret: renewed });
      return renewed;
    });
    const retried = await this.send(method, arg, schema, fresh);
    if ('refused' in retried && isNotAuthorized(retried.refused)) throw sessionEnded(`carbon5 web_cabinet.${method}: a renewed suid was refused too`);
    return retried;
  }

  private async send<T>(method: CabinetMethod, arg: Record<string, unknown>, schema: z.ZodType<T>, suid: string): Promise<CabinetAnswer<T>> {
    return parseCabinetAnswer(`carbon5 web_cabinet.${method}`, schema, await this.client.webCabinet(method, { ...arg, suid }));
  }
}

const sessionEnded = (detail: string) =>
  new CabinetError('UNAUTHENTICATED', 'Your session has ended: you signed in elsewhere or your password was changed. Please sign in again.', { detail });
