import { UBILLING_SC_DEFAULTS } from './credit-rules.js';

/*
 * What a simulated Ubilling holds: its subscribers (Stargazer's users table with the columns the
 * cabinet reads), tariffs, virtual services, payments, fees, tickets and announcements, and the
 * switches of alter.ini and userstats.ini. The simulator serves it; the demo and each test seed it.
 */

export interface SimTariff {
  name: string;
  fee: number;
  period: 'month' | 'day';
}

export interface SimVservice {
  /** The tag the service is bound to; a subscriber has the service when it has the tag. */
  tagId: number;
  /** The tag's name, which is how Ubilling names the service. */
  name: string;
  price: number;
  /** charge_period_days: 0 unset, 1 daily, 30 monthly... */
  periodDays: number;
}

export interface SimUser {
  login: string;
  password: string;
  /** Stargazer keeps money as doubles; the simulator too, to print them as the database does. */
  cash: number;
  credit: number;
  /** Unix time; 0 = none. */
  creditExpire: number;
  passive: boolean;
  down: boolean;
  alwaysOnline: boolean;
  tariff: string;
  /** Next month's tariff ("" = none). */
  tariffChange: string;
  ip: string;
  realname: string | null;
  address: string | null;
  /** null = no `phones` row. */
  phone: string | null;
  mobile: string | null;
  extMobiles: string[];
  email: string | null;
  contract: string | null;
  contractDate: string | null;
  paymentId: string | null;
  /** This month's traffic counters (users.D0 + … and U0 + …), in bytes. */
  downloadBytes: number;
  uploadBytes: number;
  tags: number[];
  /** When the account was last frozen (the weblog's PASSIVE CHANGE), Y-m-d H:i:s; "" when never. */
  frozenSince: string;
  /** frozen_charge_days: days of freeze used in the current period. */
  freezeDaysUsed: number;
}

export type SimUserSeed = Pick<SimUser, 'login' | 'password' | 'tariff'> & Partial<SimUser>;

export interface SimPayment {
  id: number;
  login: string;
  /** Y-m-d H:i:s, local time. */
  date: string;
  summ: number;
  /** The balance before the payment. */
  balance: number;
  note: string;
}

/** A row of `fees`: what Stargazer's fee harvest took from the account (`summ` negative). */
export interface SimFee {
  login: string;
  /** Y-m-d H:i:s, local time. */
  date: string;
  summ: number;
  /** The balance before the fee (`from`). */
  from: number;
  note: string;
}

export type SimContragent = Record<string, string>;

/** A row of the `ticketing` table: a subscriber's message (`from` = login) or the ISP's (`from` "NULL", `to` = login). */
export interface SimTicket {
  id: number;
  /** Y-m-d H:i:s, local time. */
  date: string;
  from: string;
  to: string | null;
  /** The conversation a reply belongs to; null on the message that opens one. */
  replyid: number | null;
  /** 0 open, 1 closed. */
  status: 0 | 1;
  text: string;
}

/** A row of `zbsannouncements`. */
export interface SimAnnouncement {
  id: number;
  public: boolean;
  type: 'text' | 'html';
  title: string;
  text: string;
}

/** userstats.ini's freeze switches (AF_*, FREEZE_*) and alter.ini's FREEZE_DAYS_CHARGE_ENABLED. */
export interface FreezeSettings {
  /** AF_ENABLED */
  enabled: boolean;
  /** AF_FREEZPRICE, charged by every dofreeze. */
  price: number;
  /** AF_TARIFFSALLOWED */
  tariffsAllowed: string[];
  /** AF_TARIFF_ALLOW_ANY */
  anyTariff: boolean;
  /** FREEZE_ALLOW_ON_NEGATIVE_BALANCE */
  negativeBalanceAllowed: boolean;
  /** The tariff's price of a frozen month. */
  frozenMonthPrice: number;
  /** FREEZE_DAYS_CHARGE_ENABLED with its days allowed and the working days that restore them; null when off. */
  daysCharge: { total: number; restore: number } | null;
}

/** userstats.ini's tariff changer (TC_*) and TC_EXTENDED_MATRIX off: from and to lists. */
export interface TariffChangerSettings {
  /** TC_ENABLED */
  enabled: boolean;
  /** TC_TARIFFENABLEDFROM */
  allowedFrom: string[];
  /** TC_TARIFFSALLOWED */
  allowedTo: string[];
  priceUp: number;
  priceDown: number;
  priceSimilar: number;
  /** TC_RIGHTNOW */
  rightNow: boolean;
  /** TC_CREDIT: a fee larger than the balance is given as credit. */
  credit: boolean;
}

export interface SelfCreditSettings {
  enabled: boolean;
  minDay: number;
  maxDay: number;
  term: number;
  price: number;
  cashTypeId: number;
  monthControl: boolean;
  tariffsAllowed: string[];
  hackControl: boolean;
}

/** The alter.ini and userstats.ini switches that change what the simulator answers. */
export interface UbillingSettings {
  remoteApiEnabled: boolean;
  asteriskEnabled: boolean;
  userByIpEnabled: boolean;
  /** alter.ini SPREAD_FEE: monthly fees charged daily. */
  spreadFee: boolean;
  /** alter.ini FUNDSFLOW_CONSIDER_VSERVICES: the default of `includevsrvs`. */
  fundsflowConsiderVservices: boolean;
  /** userstats.ini UBA_ENABLED. */
  xmlAgentEnabled: boolean;
  /** userstats.ini XMLAGENT_EXTENDED_AUTH_ON: requests need uberkey=md5(serial). */
  xmlAgentExtendedAuth: boolean;
  paymentsEnabled: boolean;
  /** False models a core that is down behind a live RemoteAPI: `sc` books the fee and says SC:OK, but sets no credit. */
  coreSetsCredit: boolean;
  /** userstats.ini TICKETING_ENABLED. */
  ticketingEnabled: boolean;
  /** userstats.ini AN_ENABLED. */
  announcementsEnabled: boolean;
  currency: string;
  selfCredit: SelfCreditSettings;
  freeze: FreezeSettings;
  /** userstats.ini XMLAGENT_SELF_UNFREEZE_ALLOWED */
  selfUnfreezeAllowed: boolean;
  tariffChanger: TariffChangerSettings;
}

export interface UbillingSeed {
  tariffs: SimTariff[];
  vservices?: SimVservice[];
  users: SimUserSeed[];
  payments?: Omit<SimPayment, 'id'>[];
  /** Stargazer's fee harvest; virtual services' charges are negative `payments` noted `Service:<tagId>`. */
  fees?: SimFee[];
  /** The default contragent (DEFAULT_ASSIGN_AGENT), assigned to every subscriber with an address. */
  contragent?: SimContragent | null;
  /** zbssclog: the self-credits already taken. */
  creditLog?: { login: string; date: string }[];
  tickets?: SimTicket[];
  announcements?: SimAnnouncement[];
  /** zbsannhist: announcements a subscriber has read, as "login:id". */
  announcementsRead?: string[];
}

/** alter.ini and userstats.ini as a fresh install ships them. */
export const UBILLING_STOCK_SETTINGS: Readonly<UbillingSettings> = {
  remoteApiEnabled: true,
  asteriskEnabled: true,
  userByIpEnabled: false,
  spreadFee: false,
  fundsflowConsiderVservices: false,
  xmlAgentEnabled: true,
  xmlAgentExtendedAuth: false,
  paymentsEnabled: true,
  coreSetsCredit: true,
  ticketingEnabled: true,
  announcementsEnabled: true,
  currency: 'UAH',
  // userstats.ini's SC_* as shipped: the same defaults the BFF's own rules start from.
  selfCredit: {
    enabled: UBILLING_SC_DEFAULTS.enabled,
    minDay: UBILLING_SC_DEFAULTS.minDay,
    maxDay: UBILLING_SC_DEFAULTS.maxDay,
    term: UBILLING_SC_DEFAULTS.termDays,
    price: Number(UBILLING_SC_DEFAULTS.price),
    cashTypeId: UBILLING_SC_DEFAULTS.cashTypeId,
    monthControl: UBILLING_SC_DEFAULTS.onceAMonth,
    tariffsAllowed: [...UBILLING_SC_DEFAULTS.tariffsAllowed],
    hackControl: false,
  },
  freeze: { enabled: false, price: 0, tariffsAllowed: [], anyTariff: false, negativeBalanceAllowed: false, frozenMonthPrice: 0, daysCharge: null },
  selfUnfreezeAllowed: false,
  tariffChanger: { enabled: false, allowedFrom: [], allowedTo: [], priceUp: 0, priceDown: 0, priceSimilar: 0, rightNow: false, credit: false },
};

let nextHost = 0;

/** A seeded user with what its seed leaves out: no money, online, an address of its own, some traffic. */
export function completeUser(seed: SimUserSeed): SimUser {
  nextHost++;
  return {
    cash: 0,
    credit: 0,
    creditExpire: 0,
    passive: false,
    down: false,
    alwaysOnline: true,
    tariffChange: '',
    ip: `10.${(nextHost >> 16) & 255}.${(nextHost >> 8) & 255}.${nextHost & 255}`,
    realname: null,
    address: null,
    phone: null,
    mobile: null,
    extMobiles: [],
    email: null,
    contract: null,
    contractDate: null,
    paymentId: null,
    downloadBytes: 13_249_974_108,
    uploadBytes: 1_288_490_189,
    tags: [],
    frozenSince: seed.passive ? '2026-01-05 10:00:00' : '',
    freezeDaysUsed: 0,
    ...structuredClone(seed),
  };
}

