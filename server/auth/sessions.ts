import { createHash, randomBytes } from 'node:crypto';
import type { BillingIdentity } from '../domain/types.js';
import type { EphemeralStore } from '../store/store.js';

export type SignInMethod = 'password' | 'address';

export interface SessionRecord {
  identity: BillingIdentity;
  via: SignInMethod;
  createdAt: number;
  lastSeenAt: number;
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
 * Server-side sessions behind an opaque random id. The store sees only a hash of the id, so a
 * leaked store cannot be replayed as cookies. The record holds the billing identity, never a password.
 */
export class SessionManager {
  private readonly now: () => number;
  private readonly cookieName: string;

  constructor(
    private readonly store: EphemeralStore,
    private readonly options: SessionOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.cookieName = options.secureCookie ? SECURE_COOKIE : COOKIE;
  }

  async open(identity: BillingIdentity, via: SignInMethod): Promise<Session> {
    const id = randomBytes(32).toString('base64url');
    const at = this.now();
    const record: SessionRecord = { identity, via, createdAt: at, lastSeenAt: at };
    await this.store.set(storeKey(id), record, this.ttlSeconds(record));
    return { id, ...record };
  }

  async load(id: string): Promise<Session | null> {
    if (!ID_PATTERN.test(id)) return null;
    const record = await this.store.get<SessionRecord>(storeKey(id));
    if (!record) return null;
    const at = this.now();
    const revokedAt = await this.store.get<number>(revokedKey(record.identity.login));
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

  /** Ends every session of a login, on every device: after a password change, the old password's sessions must not live on. */
  async closeAllOf(login: string): Promise<void> {
    await this.store.set(revokedKey(login), this.now(), this.options.maxMinutes * 60);
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

const revokedKey = (login: string) => `sessions-revoked:${login.toLowerCase()}`;
const storeKey = (id: string) => `session:${createHash('sha256').update(id).digest('hex')}`;
