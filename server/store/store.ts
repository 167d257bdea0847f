import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ErrorCode } from '../../shared/errors.js';
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

/** Durable: push subscriptions and tokens, bound to the subscriber whose session registered them. */
export interface PushRegistry {
  save(entry: Omit<StoredPushRegistration, 'createdAt'>): Promise<void>;
  /** Removes an endpoint or token only if it belongs to this subscriber; true when one was removed. */
  remove(accountId: string, endpointOrToken: string): Promise<boolean>;
  listFor(accountId: string): Promise<StoredPushRegistration[]>;
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
  | 'password-reset-request'
  | 'password-reset';

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

export interface LimiterOptions {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  blockSeconds?: number;
}

export interface Store {
  readonly ephemeral: EphemeralStore;
  readonly push: PushRegistry;
  readonly audit: AuditLog;
  /** An atomic rate limiter kept in this store, so every instance sharing it counts together. */
  limiter(options: LimiterOptions): RateLimiterAbstract;
  /** True when the store answers; for readiness checks. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const pushAddress = (registration: PushRegistration) =>
  registration.kind === 'webpush' ? registration.endpoint : registration.token;
