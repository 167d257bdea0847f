import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { BillingIdentity } from '../domain/types.js';
import type { EphemeralStore } from '../store/store.js';

export type SignInMethod = 'password' | 'address';

export interface SessionRecord {
  identity: BillingIdentity;
  via: SignInMethod;
  createdAt: number;
  lastSeenAt: number;
  /** When the billing last confirmed the credential or its own session this one was opened with. */
  verifiedAt?: number;
  /** Kept only where the billing asks for it (`keepsPasswordFingerprint`) and a password was typed. */
  passwordFingerprint?: PasswordFingerprint;
}

/**
 * scrypt of the password typed at sign-in, salted with a random salt of the session's own and with
 * the session id, which the store never holds (it keys sessions by the id's hash): a leaked store
 * alone gives nothing to guess passwords against offline. Both base64url.
 */
export interface PasswordFingerprint {
  salt: string;
  hash: string;
}

export interface Session extends SessionRecord {
  id: string;
}

export interface SessionOptions {
  idleMinutes: number;
  maxMinutes: number;
  secureCookie: boolean;
  now?: () => number;
}

const COOKIE = 'abonent_session';
const SECURE_COOKIE = '__Host-abonent_session';
const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Sliding expiry is refreshed at most this often, so reading the dashboard is not a write per request. */
const TOUCH_INTERVAL_MS = 60_000;
/**
 * How long a session is used on the billing's word from the last check: past it the next request
 * first asks the billing whether the password or the billing's own session is still the one the
 * session was opened with, and ends the session if not. So a password changed outside the app ends
 * its sessions here within ten minutes of use.
 */
export const RECHECK_INTERVAL_MS = 10 * 60_000;
/**
 * scrypt's cost for interactive sign-in (16 MiB, tens of milliseconds on one core), paid at sign-in
 * and when Carbon's session ended or the ten-minute check asks. The session id in the salt is what
 * makes a leaked store useless offline; the cost slows guessing by whoever also holds the cookie.
 */
const SCRYPT: ScryptOptions = { N: 2 ** 14, r: 8, p: 1, maxmem: 32 * 1024 * 1024 };
const FINGERPRINT_BYTES = 32;

/**
 * Server-side sessions behind an opaque random id. The store sees only a hash of the id, so a
 * leaked store cannot be replayed as cookies. The record holds the billing identity, never a password
 * (at most its fingerprint, see PasswordFingerprint).
 */
export class SessionManager {
  private readonly now: () => number;
  private readonly cookieName: string;

  constructor(
    private readonly store: EphemeralStore,
    private readonly options: SessionOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
    this.cookieName = options.secureCookie ? SECURE_COOKIE : COOKIE;
  }

  /** `password`, when given, is kept only as its fingerprint. */
  async open(identity: BillingIdentity, via: SignInMethod, password?: string, at = this.now()): Promise<Session> {
    const id = randomBytes(32).toString('base64url');
    const passwordFingerprint = password === undefined ? undefined : await fingerprint(password, id, randomBytes(16));
    const record: SessionRecord = { identity, via, createdAt: at, lastSeenAt: at, verifiedAt: at, ...(passwordFingerprint ? { passwordFingerprint } : {}) };
    await this.store.set(storeKey(id), record, this.ttlSeconds(record));
    return { id, ...record };
  }

  async load(id: string): Promise<Session | null> {
    if (!ID_PATTERN.test(id)) return null;
    const record = await this.store.get<SessionRecord>(storeKey(id));
    if (!record) return null;
    const at = this.now();
    const revokedAt = await this.store.get<number>(revokedKey(record.identity.accountId));
    const expired = at - record.createdAt >= this.options.maxMinutes * 60_000 || at - record.lastSeenAt >= this.options.idleMinutes * 60_000;
    if (expired || (revokedAt !== null && record.createdAt <= revokedAt)) {
      await this.store.delete(storeKey(id));
      return null;
    }
    if (at - record.lastSeenAt >= TOUCH_INTERVAL_MS) {
      record.lastSeenAt = at;
      await this.store.set(storeKey(id), record, this.ttlSeconds(record));
    }
    return { id, ...record };
  }

  async updateIdentity(session: Session, identity: BillingIdentity): Promise<void> {
    session.identity = identity;
    const { id, ...record } = session;
    await this.store.set(storeKey(id), record, this.ttlSeconds(record));
  }

  /**
   * Ends every session of a billing account, on every device: after a password change, the old
   * password's sessions must not live on. Keyed by the account, not by whatever was typed to reach it.
   */
  async closeAllOf(accountId: string): Promise<void> {
    await this.store.set(revokedKey(accountId), this.now(), this.options.maxMinutes * 60);
  }

  /**
   * After the subscriber changed the password: ends every session of the account, this one too, and
   * opens a new one for this client under a new id, created after the revocation so that it lives on.
   * `password`, when given, is kept only as its fingerprint.
   */
  async replaceAllOf(session: Session, identity: BillingIdentity, password?: string): Promise<Session> {
    const revokedAt = this.now();
    await this.store.set(revokedKey(session.identity.accountId), revokedAt, this.options.maxMinutes * 60);
    await this.close(session.id);
    return this.open(identity, 'password', password, revokedAt + 1);
  }

  /** True when the billing must confirm the session's credential before it is used again. */
  recheckDue(session: Session): boolean {
    return this.now() - (session.verifiedAt ?? session.createdAt) >= RECHECK_INTERVAL_MS;
  }

  /** Whether `password` is the one typed to open the session; false for a session that keeps no fingerprint. */
  async signedInWith(session: Session, password: string): Promise<boolean> {
    const kept = session.passwordFingerprint;
    if (!kept) return false;
    const expected = Buffer.from(kept.hash, 'base64url');
    const actual = Buffer.from((await fingerprint(password, session.id, Buffer.from(kept.salt, 'base64url'))).hash, 'base64url');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  async markVerified(session: Session): Promise<void> {
    session.verifiedAt = this.now();
    const { id, ...record } = session;
    await this.store.set(storeKey(id), record, this.ttlSeconds(record));
  }

  async close(id: string): Promise<void> {
    if (ID_PATTERN.test(id)) await this.store.delete(storeKey(id));
  }

  /** The session id from the cookie, or from `Authorization: Bearer` for native clients. */
  readId(cookieHeader: string | undefined, authorization: string | undefined): string | null {
    const bearer = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(authorization ?? '');
    if (bearer) return bearer[1] ?? null;
    for (const part of (cookieHeader ?? '').split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === this.cookieName) return rest.join('=');
    }
    return null;
  }

  setCookie(id: string): string {
    return `${this.cookieName}=${id}; ${this.cookieAttributes()}; Max-Age=${this.options.maxMinutes * 60}`;
  }

  clearCookie(): string {
    return `${this.cookieName}=; ${this.cookieAttributes()}; Max-Age=0`;
  }

  private cookieAttributes(): string {
    return `Path=/; HttpOnly; SameSite=Lax${this.options.secureCookie ? '; Secure' : ''}`;
  }

  private ttlSeconds(record: SessionRecord): number {
    const idleEnd = record.lastSeenAt + this.options.idleMinutes * 60_000;
    const maxEnd = record.createdAt + this.options.maxMinutes * 60_000;
    return Math.max(1, Math.ceil((Math.min(idleEnd, maxEnd) - this.now()) / 1000));
  }
}

function fingerprint(password: string, sessionId: string, salt: Buffer): Promise<PasswordFingerprint> {
  return new Promise((resolve, reject) => {
    scrypt(password, Buffer.concat([salt, Buffer.from(sessionId)]), FINGERPRINT_BYTES, SCRYPT, (error, hash) => {
      if (error) reject(error);
      else resolve({ salt: salt.toString('base64url'), hash: hash.toString('base64url') });
    });
  });
}

const revokedKey = (accountId: string) => `sessions-revoked:${accountId}`;
const storeKey = (id: string) => `session:${createHash('sha256').update(id).digest('hex')}`;
