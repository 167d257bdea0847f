import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ErrorCode } from '../../shared/errors.js';
import { CabinetError, storeUnavailableMessage } from '../domain/errors.js';
import type { NoticeBoard } from '../notices/notice-board.js';
import type { TopUpLedger } from '../payments/ledger.js';
import type { PushPlatform } from '../domain/types.js';

/**
 * Short-lived state with a time to live: sessions, reset tickets, idempotency keys, pending
 * service changes, counters. SQLite by default; Redis when several instances share it.
 */
export interface EphemeralStore {
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  /** Stores only when the key is absent or expired; true when it stored. Atomic. */
  setIfAbsent(key: string, value: unknown, ttlSeconds: number): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Adds one and returns the new count; the first increment starts the time to live. Atomic. */
  increment(key: string, ttlSeconds: number): Promise<number>;
  /** Adds `member` to a set in which each member expires `ttlSeconds` after it was last added. */
  noteMember(set: string, member: string, ttlSeconds: number): Promise<void>;
  /** How many members of the set have not expired. */
  countMembers(set: string): Promise<number>;
}

export type PushRegistration =
  | { kind: 'webpush'; endpoint: string; keys: { p256dh: string; auth: string } }
  | { kind: 'native'; token: string; platform: PushPlatform };

export interface StoredPushRegistration {
  accountId: string;
  login: string;
  registration: PushRegistration;
  locale: string | null;
  createdAt: string;
}

/** A subscriber's devices; a browser or phone is one each, so more is someone filling the table. */
export const MAX_PUSH_REGISTRATIONS_PER_ACCOUNT = 10;

/**
 * `taken`: the endpoint or token is registered to another subscriber and stays theirs;
 * `limit`: the subscriber already has MAX_PUSH_REGISTRATIONS_PER_ACCOUNT others.
 */
export type PushSaveOutcome = 'saved' | 'taken' | 'limit';

/** Durable: push subscriptions and tokens, bound to the subscriber whose session registered them. */
export interface PushRegistry {
  /** Adds a registration, or renews one of this subscriber's (new keys, language); never moves one between subscribers. */
  save(entry: Omit<StoredPushRegistration, 'createdAt'>): Promise<PushSaveOutcome>;
  /** Removes an endpoint or token only if it belongs to this subscriber; true when one was removed. */
  remove(accountId: string, endpointOrToken: string): Promise<boolean>;
  listFor(accountId: string): Promise<StoredPushRegistration[]>;
  /**
   * Withdraws trust from every registration of a subscriber, when a password change ended their
   * sessions: a device signed in with the old password must stop receiving the account's messages.
   * Devices that sign in again register again.
   */
  removeAllOf(accountId: string): Promise<void>;
  /** Every subscriber with at least one registration, for the notifier's pass. */
  accounts(): Promise<{ accountId: string; login: string }[]>;
}

export type AuditAction =
  | 'sign-in'
  | 'auto-sign-in'
  | 'password-confirm'
  | 'sign-out'
  | 'promise-pay'
  | 'connect-service'
  | 'disconnect-service'
  | 'top-up'
  | 'password-reset-request'
  | 'password-reset'
  | 'ticket-create'
  | 'ticket-reply'
  | 'pause-start'
  | 'pause-end'
  | 'tariff-change'
  | 'tariff-change-cancel'
  | 'password-change'
  | 'contacts-change';

/** Who did what from where, and how it ended. Never a password or a code. */
export interface AuditEntry {
  at: string;
  action: AuditAction;
  login: string | null;
  address: string;
  /** What the action was about: an offer or service id. */
  subject: string | null;
  result: 'ok' | ErrorCode;
}

/** Durable: every sign-in and every money or service action. */
export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  recent(limit: number): Promise<AuditEntry[]>;
}

/** Durable values made once and shared by every instance, such as a generated VAPID key pair. */
export interface DurableSettings {
  /**
   * The value stored under `name`; when there is none, `create()`'s, stored so that instances
   * starting together all end up with the same one (the first stored wins). JSON values only.
   */
  getOrCreate<T>(name: string, create: () => T | Promise<T>): Promise<T>;
}

export type LockOutcome<T> = { ran: true; value: T } | { ran: false };

/** One backing service and whether it answers; `error` is a short reason, never an address or a credential. */
export interface DependencyCheck {
  name: 'sqlite' | 'redis' | 'postgresql';
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
}

/** State every instance shares for minutes or days: SQLite, or Redis when several instances run. */
export interface ShortLivedState {
  readonly ephemeral: EphemeralStore;
  /** An atomic rate limiter kept in this store, so every instance sharing it counts together. */
  limiter(options: LimiterOptions): RateLimiterAbstract;
  /**
   * Runs `fn` only when no one, in this instance or another, holds the lock `name`; otherwise
   * returns `{ ran: false }` at once. The lock lapses `ttlSeconds` after its holder stops renewing
   * it (a crashed holder cannot keep it); while `fn` runs it is renewed, and `signal` aborts if it
   * is lost all the same, so `fn` can stop before it does something twice.
   */
  withLock<T>(name: string, ttlSeconds: number, fn: (signal: AbortSignal) => Promise<T>): Promise<LockOutcome<T>>;
}

/** State that must outlive restarts: SQLite, or PostgreSQL when several instances run. */
export interface DurableState {
  readonly push: PushRegistry;
  readonly audit: AuditLog;
  readonly settings: DurableSettings;
  readonly topUps: TopUpLedger;
  readonly notices: NoticeBoard;
}

export interface Store extends ShortLivedState, DurableState {
  /** Each backing service and whether it answers, for readiness checks. Never throws. */
  ping(): Promise<DependencyCheck[]>;
  close(): Promise<void>;
}

export const pushAddress = (registration: PushRegistration) =>
  registration.kind === 'webpush' ? registration.endpoint : registration.token;

/**
 * A shared store that does not answer. The subscriber may try again; which store and operation
 * failed, and how, goes to the server log through `detail`.
 */
export const storeUnavailable = (detail: string, cause?: unknown) =>
  new CabinetError('STORE_UNAVAILABLE', storeUnavailableMessage, { detail, cause });

/** A short reason for a failed store call: an error code or a few words, never an address or a credential. */
export function storeFailureReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{2,32}$/.test(code)) return code;
  const message = error instanceof Error ? error.message.toLowerCase() : '';
  if (message.includes('timed out') || message.includes('timeout')) return 'timeout';
  if (['enableofflinequeue', 'connection is closed', 'not ready', 'terminated'].some((words) => message.includes(words))) return 'not connected';
  return 'error';
}
