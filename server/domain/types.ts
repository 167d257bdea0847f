import type { Money } from '../../shared/money.js';

export type { Money };

export type { BillingKind } from '../billing/registry.js';

export type AccountStatus = 'ACTIVE' | 'DEBT' | 'BLOCKED' | 'FROZEN' | 'DISABLED';

export type ChargePeriod = 'MONTH' | 'DAY';

/** What a billing can do; the API exposes it and the PWA offers only what is true. */
export const CAPABILITY_NAMES = [
  'passwordLogin',
  'autoLogin',
  'promisePay',
  'services',
  'serviceConnect',
  'serviceDisconnect',
  'passwordReset',
  'pushToken',
  'payments',
  // `charges` and `monthlySpend` list the write-offs.
  'charges',
  // `invoices` lists the bills the billing issued.
  'invoices',
  // `trafficThisMonth` is counted.
  'traffic',
  // Support conversations: list, write, reply.
  'tickets',
  // The billing keeps notices of its own; the cabinet's own notices exist on every billing besides.
  'announcements',
  // The subscriber can pause the service.
  'pause',
  // The subscriber can change the tariff (and cancel a change the cabinet may cancel).
  'tariffChange',
  'passwordChange',
  // The subscriber can change the phone and e-mail the billing keeps.
  'contactsChange',
] as const;

export type Capability = (typeof CAPABILITY_NAMES)[number];
export type Capabilities = Record<Capability, boolean>;

/** A billing's capabilities from the list of what it can do: everything else is false. */
export function capabilitiesOf(can: Iterable<Capability>): Capabilities {
  const present = new Set(can);
  return Object.fromEntries(CAPABILITY_NAMES.map((name) => [name, present.has(name)])) as Capabilities;
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
  includedTrafficMb: number | null;
}

/** Byte counts as decimal strings: they pass 2^31 and JavaScript numbers lose them past 2^53. */
export interface Traffic {
  downloadBytes: string;
  uploadBytes: string;
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
  /** What the billing recommends paying so the next regular fee is covered too; null when it does not say. */
  recommendedToPay: Money | null;
  /** YYYY-MM-DD: the day the next regular fee is charged. */
  nextChargeOn: string | null;
  /** YYYY-MM-DD: the last day of the pause, while the account is paused. */
  pausedUntil: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** The connection's IPv4/IPv6 addresses as the billing keeps them; empty when it keeps none. */
  ipAddresses: string[];
  macAddresses: string[];
  /** YYYY-MM-DD */
  creditUntil: string | null;
  /** YYYY-MM-DD */
  nextTariffFrom: string | null;
  /** YYYY-MM-DD */
  contractDate: string | null;
  /** YYYY-MM-DD */
  connectedSince: string | null;
  /** ISO 8601 */
  lastSeenOnline: string | null;
  online: boolean | null;
  trafficThisMonth: Traffic | null;
  /** A decimal string. */
  discountPercent: string | null;
  legalEntity: boolean | null;
  /** A decimal string. */
  bonusPoints: string | null;
  paymentId: string | null;
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

/** Why the billing would refuse every promised payment today, known before asking it. */
export type PromisePayRefusal =
  | 'NOT_OFFERED'
  | 'DEBT_TOO_LARGE'
  | 'NO_DEBT'
  | 'ALREADY_USED'
  | 'NOT_PAID_PREVIOUS'
  | 'PAUSED'
  | 'WRONG_DAY'
  | 'TARIFF_NOT_ALLOWED';

export interface PromisePay {
  active: { amount: Money; until: string | null } | null;
  offers: PromisePayOffer[];
  refusal: PromisePayRefusal | null;
}

export type ResetChannel = 'SMS' | 'EMAIL' | 'UNKNOWN';

/** What the billing needs back to finish a reset; kept server-side in the reset ticket. */
export interface PasswordResetStart {
  channel: ResetChannel;
  billingRef: string;
  /** The billing account the code was sent for, whatever login or e-mail was typed. */
  accountId: string;
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

export type TicketStatus = 'OPEN' | 'CLOSED';

export type MessageAuthor = 'SUBSCRIBER' | 'ISP';

/** A support conversation, without its messages (a billing may need one more call per conversation for them). */
export interface Ticket {
  id: string;
  subject: string | null;
  status: TicketStatus;
  /** ISO 8601 */
  createdAt: string;
}

export interface TicketMessage {
  from: MessageAuthor;
  /** Plain text as the billing keeps it; never rendered as HTML. */
  text: string;
  /** ISO 8601 */
  at: string;
}

export interface NewTicket {
  subject: string | null;
  text: string;
}

/** A notice from the ISP, as plain text. */
export interface Announcement {
  id: string;
  title: string;
  text: string;
  /** ISO 8601; null where the billing does not tell. */
  at: string | null;
  read: boolean;
}

export type ChargeKind = 'TARIFF' | 'SERVICE' | 'PROMISE_PAY' | 'OTHER';

/** A write-off; a storno has a negative amount. */
export interface Charge {
  /** ISO 8601 */
  date: string;
  amount: Money;
  name: string;
  kind: ChargeKind;
  note: string | null;
}

/** An invoice the billing issued; its lines are read apart, by `id`, when asked for. */
export interface Invoice {
  /** The billing's own id of it, for reading its lines; never taken from a client. */
  id: string;
  number: string | null;
  /** YYYY-MM-DD */
  date: string;
  /** YYYY-MM-DD */
  periodEnd: string | null;
  total: Money;
}

export interface InvoiceLine {
  name: string;
  amount: Money;
  /** A decimal string; null when the billing does not tell. */
  quantity: string | null;
}

export interface MonthSpend {
  /** YYYY-MM */
  month: string;
  total: Money;
  items: { name: string; kind: ChargeKind; amount: Money }[];
}

export type PauseRefusal = 'NOT_OFFERED' | 'TARIFF_NOT_ALLOWED' | 'NEGATIVE_BALANCE' | 'NO_DAYS_LEFT' | 'ALREADY_PAUSED' | 'ACCOUNT_BLOCKED';

/** What a new pause may look like, as the billing's rules say. */
export interface PauseRules {
  refusal: PauseRefusal | null;
  /** YYYY-MM-DD */
  earliestStart: string;
  /** False: a pause starts the day it is asked for. */
  chooseStart: boolean;
  /** False: a pause lasts until it is ended. */
  endRequired: boolean;
  maxDays: number | null;
  canEnd: boolean;
}

/** The subscriber's pause: the running or booked one, and the terms of a new one. */
export interface PauseInfo {
  available: boolean;
  active: boolean;
  /** YYYY-MM-DD */
  from: string | null;
  /** YYYY-MM-DD; null when it lasts until it is ended. */
  to: string | null;
  activationFee: Money | null;
  pricePerMonth: Money | null;
  daysAllowed: number | null;
  daysUsed: number | null;
  rules: PauseRules;
}

/** The days a subscriber asked to pause, both included; YYYY-MM-DD. */
export interface PausePeriod {
  from: string;
  to: string | null;
}

/** A tariff the subscriber may change to, with what the change costs and when it starts. */
export interface TariffOption {
  /** The billing's id of the tariff (Carbon's Tarif pk, Ubilling's tariff name). */
  id: string;
  name: string;
  fee: Money | null;
  period: ChargePeriod | null;
  speedIn: number | null;
  speedOut: number | null;
  /** Charged once when the change is booked; null when the billing does not tell. */
  changeFee: Money | null;
  /** YYYY-MM-DD: the day the new tariff would start. */
  from: string;
}

/** What the subscriber may do with the tariff now. */
export interface TariffChoice {
  options: TariffOption[];
  /** A change is booked and the cabinet may cancel it. */
  cancellable: boolean;
}

/** New contacts; null keeps the one the billing has. */
export interface ContactsChange {
  phone: string | null;
  email: string | null;
}
