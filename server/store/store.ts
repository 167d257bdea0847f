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
}

export interface Store {
  readonly ephemeral: EphemeralStore;
  readonly push: PushRegistry;
  /** True when the store answers; for readiness checks. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const pushAddress = (registration: PushRegistration) =>
  registration.kind === 'webpush' ? registration.endpoint : registration.token;
