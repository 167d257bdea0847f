import type { Money } from '../../shared/money.js';

export type { Money };

export type BillingKind = 'carbon5' | 'ubilling' | 'carbon-legacy';

export type AccountStatus = 'ACTIVE' | 'DEBT' | 'BLOCKED' | 'FROZEN' | 'DISABLED';

export type ChargePeriod = 'MONTH' | 'DAY';

/** What a billing can do; the API exposes it and the PWA offers only what is true. */
export interface Capabilities {
  passwordLogin: boolean;
  autoLogin: boolean;
  promisePay: boolean;
  services: boolean;
  serviceConnect: boolean;
  serviceDisconnect: boolean;
  passwordReset: boolean;
  pushToken: boolean;
  payments: boolean;
}

/**
 * Who the session's subscriber is in the billing. Serializable: it lives in the session store.
 * `secret` is the billing's own session token (a Carbon suid); it never leaves the server.
 */
export interface BillingIdentity {
  login: string;
  /** The billing's stable id of the subscriber's account (Carbon Users pk, Ubilling login). */
  accountId: string;
  secret?: string;
}

export interface Tariff {
  name: string;
  fee: Money | null;
  period: ChargePeriod | null;
  speedIn: number | null;
  speedOut: number | null;
}

/** The subscriber's profile and money state, following UserSide's universal billing field set. */
export interface Subscriber {
  login: string;
  fullName: string | null;
  contractNumber: string | null;
  accountNumber: string | null;
  balance: Money;
  credit: Money | null;
  status: AccountStatus;
  tariff: Tariff | null;
  nextTariff: Tariff | null;
  daysLeft: number | null;
  /** YYYY-MM-DD */
  paidUntil: string | null;
  amountToPay: Money | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export interface Spend {
  name: string;
  price: Money;
  period: ChargePeriod;
}

export interface Service {
  id: string;
  name: string;
  description: string | null;
  price: Money | null;
  connected: boolean;
  canConnect: boolean;
  canDisconnect: boolean;
  pending: boolean;
}

export interface PromisePayOffer {
  id: string;
  amount: Money;
  days: number;
  fee: Money | null;
  description: string | null;
}

export interface PromisePay {
  active: { amount: Money; until: string | null } | null;
  offers: PromisePayOffer[];
}

export type ResetChannel = 'SMS' | 'EMAIL' | 'UNKNOWN';

/** What the billing needs back to finish a reset; kept server-side in the reset ticket. */
export interface PasswordResetStart {
  channel: ResetChannel;
  billingRef: string;
}

export type PushPlatform = 'FCM' | 'APNS';

export interface Payment {
  /** ISO 8601 */
  date: string;
  amount: Money;
  note: string | null;
}

/** The ISP's own contact details as the billing keeps them. */
export interface SupportContacts {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  website: string | null;
}
