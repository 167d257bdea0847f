import { createHash } from 'node:crypto';
import { z } from 'zod';
import { upstreamError, upstreamUnavailable } from '../../domain/errors.js';
import { parseUpstreamShape } from '../upstream.js';
import { isFloatText } from '../../../shared/money.js';

/**
 * What Ubilling answers, as zod schemas and parsers. Every RemoteAPI reply is HTTP 200 with
 * `text/html`, errors included; numbers come as strings; JSON escapes non-ASCII as \uXXXX; an empty
 * PHP array is `[]`; missing joins are `null`; with `display_errors=On` PHP notices may come before
 * the body and a fatal error replaces it. Nothing here keeps a password: `Password` is dropped (or
 * turned into the md5 XMLAgent needs) by the schema itself, so it never leaves this file.
 */

const PHP_NOTICE =
  /^\s*(?:<br \/>\s*)?(?:<b>)?(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards)(?:<\/b>)?:[\s\S]*? on line (?:<b>)?\d+(?:<\/b>)?(?:<br \/>)?\s*/;
const PHP_FATAL = /^\s*(?:<br \/>\s*)?(?:<b>)?(?:PHP )?(?:Fatal error|Parse error)(?:<\/b>)?:/;
const HTML_PAGE = /^\s*<(?:!doctype|html)/i;

/** The error strings RemoteAPI dies with, typos and spacing as Ubilling prints them. */
const REMOTE_API_ERRORS = new Map<string, string>([
  ['ERROR:GET_NO_KEY', 'no key was sent'],
  ['ERROR:GET_WRONG_KEY', 'the key was refused: check UBILLING_SERIAL'],
  ['ERROR:NO_UBSERIAL_EXISTS', 'this Ubilling has no serial yet'],
  ['ERROR:API_DISABLED', 'RemoteAPI is off (alter.ini REMOTEAPI_ENABLED=0)'],
  ['ERROR:GET_NO_ACTION', 'no action was sent'],
  ['ERROR:GET_NO_PARAM', 'a parameter is missing'],
  ['ERROR:PARAMS_MISSED', 'a parameter is missing'],
  ['ERROR: ASTERISK DISABLED', 'the asterisk calls are off (alter.ini ASTERISK_ENABLED=0)'],
  ['ERROR: NOT HAVE NUMBER', 'neither login nor number was sent'],
  ['ERROR: NOT HAVE PARAMETR', 'no param was sent'],
  ['ERROR: MISTAKE PARAMETR', 'the param is unknown to this Ubilling'],
  ['ERROR: NOT OUR USER', 'no subscriber matched'],
  ['ERROR: USERBYIP DISABLED', 'userbyip is off (alter.ini USERBYIP_ENABLED=0)'],
  ['ERROR: EMPTY IP', 'no ip was sent'],
]);

/**
 * The body without the PHP notices printed before it. A fatal error means the billing broke
 * (with display_errors=Off the same failure is an HTTP 500), and the web UI's HTML page means
 * the action is unknown or listed in REMOTEAPI_DISABLE_CALLS.
 */
export function cleanBody(name: string, raw: string): string {
  let body = raw;
  for (let match = PHP_NOTICE.exec(body); match; match = PHP_NOTICE.exec(body)) body = body.slice(match[0].length);
  if (PHP_FATAL.test(body)) throw upstreamUnavailable(`${name}: the billing failed with a PHP fatal error`);
  if (HTML_PAGE.test(body)) throw upstreamError(`${name}: answered with its web page (the call is disabled or unknown there)`);
  return body;
}

/** Turns a RemoteAPI error string into UPSTREAM_ERROR; the detail names the error, never the body. */
export function failOnRemoteApiError(name: string, body: string): void {
  const known = REMOTE_API_ERRORS.get(body.trim());
  if (known) throw upstreamError(`${name}: ${body.trim()} (${known})`);
  if (/^\s*ERROR/.test(body)) throw upstreamError(`${name}: an error reply (${body.length} bytes)`);
}

interface JsonText {
  value: unknown;
  /** The part of the body that was the JSON, to read object keys in their order. */
  text: string;
}

/** Parses the JSON in a body, also when something the notice filter did not know came before it. */
function findJson(name: string, body: string): JsonText {
  const text = body.trim();
  try {
    return { value: JSON.parse(text), text };
  } catch {
    let attempts = 0;
    for (let start = text.search(/[[{]/); start >= 0 && attempts < 32; attempts++) {
      const candidate = text.slice(start);
      try {
        return { value: JSON.parse(candidate), text: candidate };
      } catch {
        const next = candidate.slice(1).search(/[[{]/);
        start = next < 0 ? -1 : start + 1 + next;
      }
    }
  }
  throw upstreamError(`${name}: not JSON (${body.length} bytes)`);
}

function readJson(name: string, raw: string): JsonText {
  const body = cleanBody(name, raw);
  failOnRemoteApiError(name, body);
  return findJson(name, body);
}

/**
 * The keys of a top-level JSON object in the order they were written. JavaScript objects put
 * integer-like keys first, and a tariff named "100" must still come first in `getuserspends`.
 */
export function objectKeysInOrder(json: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expectKey = false;
  for (let index = 0; index < json.length; index++) {
    const char = json[index];
    if (char === '"') {
      let end = index + 1;
      while (end < json.length && json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      if (depth === 1 && expectKey) keys.push(JSON.parse(json.slice(index, end + 1)) as string);
      expectKey = false;
      index = end;
    } else if (char === '{' || char === '[') {
      depth++;
      if (depth === 1) expectKey = char === '{';
    } else if (char === '}' || char === ']') {
      depth--;
    } else if (char === ',' && depth === 1) {
      expectKey = true;
    }
  }
  return keys;
}



const isEmptyPhpArray = (value: unknown) => Array.isArray(value) && value.length === 0;

/** A number as Ubilling prints a database value: a string, in general float syntax. */
const floatText = z.string().refine(isFloatText, 'not a number');
const intText = z.string().regex(/^-?\d+$/);
const flagText = intText.transform((value) => value !== '0');
/** ini values are strings, but a typed ini scanner makes them numbers. */
const iniValue = z.union([z.string(), z.number()]).transform(String);

export const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

// ---------------------------------------------------------------- RemoteAPI: action=asterisk

/** One subscriber of `getuserdatabylogin`, without `Password`. */
export const userRowSchema = z.object({
  login: z.string(),
  Cash: floatText,
  Credit: floatText,
  /** Unix time; "0" = no expiry. */
  CreditExpire: intText.transform(Number),
  Passive: flagText,
  Down: flagText,
  AlwaysOnline: flagText,
  Tariff: z.string(),
  Fee: floatText.nullable(),
  period: z.string().nullable(),
  contract: z.string().nullable(),
  mobile: z.string().nullable(),
  ext_mobiles: z.array(z.string()).optional(),
});
export type UserRow = z.infer<typeof userRowSchema>;

/**
 * `passwordMd5`: the md5 of the live users table's password, to tell whether the password a
 * session was opened with still holds; the plain password goes no further than this file.
 */
export type UserDataReply = { kind: 'user'; user: UserRow; passwordMd5: string | null } | { kind: 'unknown' } | { kind: 'authFailed' };

const passwordOnlySchema = z.object({ Password: z.string() });

const authFailedSchema = z.object({ ERROR: z.literal('Auth failed') });

/** Built once, like every schema here: zod schemas are costly to construct. */
const userRowsSchema = z.record(z.string(), userRowSchema);

export function parseUserDataByLogin(name: string, raw: string, login: string): UserDataReply {
  const { value } = readJson(name, raw);
  if (isEmptyPhpArray(value)) return { kind: 'unknown' };
  if (authFailedSchema.safeParse(value).success) return { kind: 'authFailed' };
  const users = parseUpstreamShape(name, userRowsSchema, value);
  const rows = Object.values(users);
  const user = rows.length === 1 ? rows[0] : undefined;
  if (!user || user.login.toLowerCase() !== login.toLowerCase()) throw upstreamError(`${name}: the reply is not about the subscriber asked for`);
  const password = passwordOnlySchema.safeParse(Object.values(value as Record<string, unknown>)[0]);
  return { kind: 'user', user, passwordMd5: password.success ? md5(password.data.Password) : null };
}

/** A recurring charge as `getuserspends` or XMLAgent `tariffvservices` list it. */
export interface ChargeLine {
  kind: 'tariff' | 'vservice';
  name: string;
  price: string | null;
  /** "month"/"day" for a tariff; charge_period_days ("0" unset, "1" daily, "30"...) for a vservice. */
  period: string | null;
}

const spendsSchema = z.record(z.string(), z.object({ price: floatText.nullable(), daysperiod: z.string().nullable() }));

/** Null for an unknown subscriber (`[]`). The tariff is always the first key. */
export function parseUserSpends(name: string, raw: string): ChargeLine[] | null {
  const { value, text } = readJson(name, raw);
  if (isEmptyPhpArray(value)) return null;
  const spends = parseUpstreamShape(name, spendsSchema, value);
  return objectKeysInOrder(text).flatMap((key, index) => {
    const spend = spends[key];
    return spend ? [{ kind: index === 0 ? 'tariff' : 'vservice', name: key, price: spend.price, period: spend.daysperiod } as const] : [];
  });
}

/** N days, -1 debt, -2 free tariff, 0 unknown subscriber or tariff. */
export function parseOnlineDaysLeft(name: string, raw: string): number {
  const body = cleanBody(name, raw).trim();
  failOnRemoteApiError(name, body);
  if (!/^-?\d{1,6}$/.test(body)) throw upstreamError(`${name}: not a number of days (${body.length} bytes)`);
  return Number(body);
}

const contragentSchema = z.object({
  id: z.string().nullable().optional(),
  contrname: z.string().nullable().optional(),
  agnameabbr: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  agmail: z.string().nullable().optional(),
  juraddr: z.string().nullable().optional(),
  phisaddr: z.string().nullable().optional(),
  siteurl: z.string().nullable().optional(),
});
export type Contragent = z.infer<typeof contragentSchema>;

/** Null when no contragent is assigned (`[]`). */
export function parseContragentData(name: string, raw: string): Contragent | null {
  const { value } = readJson(name, raw);
  if (isEmptyPhpArray(value)) return null;
  return parseUpstreamShape(name, contragentSchema, value);
}

// ---------------------------------------------------------------- RemoteAPI: other actions

const userByIpSchema = z.union([
  z.object({ result: z.literal(0) }).transform(() => null),
  z.object({
    result: z.literal(1),
    // The plain password is hashed here and forgotten: XMLAgent needs only its md5.
    userdata: z.object({ login: z.string(), Password: z.string() }).transform(({ login, Password }) => ({ login, uberpassword: md5(Password) })),
  }).transform(({ userdata }) => userdata),
]);
export type UserByIp = { login: string; uberpassword: string };

/** Null when no subscriber has the address, or when the ISP left userbyip off. */
export function parseUserByIp(name: string, raw: string): UserByIp | null {
  const body = cleanBody(name, raw);
  if (body.trim() === 'ERROR: USERBYIP DISABLED') return null;
  failOnRemoteApiError(name, body);
  return parseUpstreamShape(name, userByIpSchema, findJson(name, body).value);
}

export function parseSc(name: string, raw: string): void {
  const body = cleanBody(name, raw).trim();
  failOnRemoteApiError(name, body);
  if (body !== 'SC:OK') throw upstreamError(`${name}: unexpected reply (${body.length} bytes)`);
}

/** `?module=remoteapi&key=…` with no action: the cheapest call that proves the key works. */
export const isAliveReply = (raw: string) => raw.trim() === 'ERROR:GET_NO_ACTION';

// ---------------------------------------------------------------- Userstats: XMLAgent and agents

const XMLAGENT_REASONS = new Set(['disabled', 'wrong_uberauth']);

function readAgentJson(name: string, raw: string): JsonText {
  const json = findJson(name, cleanBody(name, raw));
  const reason = (json.value as { reason?: unknown } | null)?.reason;
  if (typeof reason === 'string') {
    throw upstreamError(`${name}: XMLAgent refused (${XMLAGENT_REASONS.has(reason) ? reason : 'unknown reason'})`);
  }
  return json;
}

const justAuthSchema = z.object({ auth: z.literal(true), login: z.string() }).transform(({ login }) => ({ login }));

/** A wrong login or password is an HTTP 401 before this; here the login XMLAgent resolved. */
export function parseJustAuth(name: string, raw: string): { login: string } {
  return parseUpstreamShape(name, justAuthSchema, readAgentJson(name, raw).value);
}

const nullableText = z.string().nullable().optional().transform((value) => value ?? null);

export const userdataSchema = z.object({
  login: z.string(),
  address: nullableText,
  realname: nullableText,
  /** users.IP, the one address Stargazer gives the account. */
  ip: nullableText,
  phone: nullableText,
  mobile: nullableText,
  email: nullableText,
  contract: nullableText,
  /** Y-m-d, or null without a contract row. */
  contractdate: nullableText,
  payid: nullableText,
  tariff: nullableText,
  tariffnm: nullableText,
  /** This month's traffic as zbs_convert_size prints it: "12.34 Gb", "0 b". */
  traffdownload: nullableText,
  traffupload: nullableText,
  accountstate: nullableText,
  cash: z.union([z.number(), floatText]).optional(),
});
export type Userdata = z.infer<typeof userdataSchema>;

export function parseUserdata(name: string, raw: string): Userdata {
  return parseUpstreamShape(name, userdataSchema, readAgentJson(name, raw).value);
}

const paymentSchema = z.object({ date: z.string(), summ: floatText, balance: floatText.nullable().optional() });
export type PaymentRow = z.infer<typeof paymentSchema>;

/** Newest first as XMLAgent sends them (id DESC); `[]` when none or when payments are off in userstats. */
export function parsePayments(name: string, raw: string): PaymentRow[] {
  return parseUpstreamShape(name, z.array(paymentSchema), readAgentJson(name, raw).value);
}

/**
 * A row of XMLAgent `feecharges`: Stargazer's fee harvest (`fees`, type `mainsrv`) merged with the
 * negative rows of `payments`. `summ` is negative for money taken, `balance` the balance before it
 * (unused here), `note` the payment's note, which userstats replaces by the service's name when it is
 * `Service:<id>` of a known virtual service (type `virtualsrv`); everything else is `other`.
 */
const feeChargeSchema = z.object({
  date: z.string(),
  summ: floatText,
  note: z.string().nullish().transform((value) => value ?? ''),
  type: z.string().nullish().transform((value) => value ?? 'other'),
});
export type FeeChargeRow = z.infer<typeof feeChargeSchema>;

/** Oldest first as userstats sends them; `[]` when there are none in the period. */
export function parseFeeCharges(name: string, raw: string): FeeChargeRow[] {
  return parseUpstreamShape(name, z.array(feeChargeSchema), readAgentJson(name, raw).value);
}

const tariffVserviceSchema = z.union([
  z
    .object({ tariffname: z.string(), tariffprice: floatText.nullable(), tariffdaysperiod: z.string().nullable() })
    .transform((row): ChargeLine => ({ kind: 'tariff', name: row.tariffname, price: row.tariffprice, period: row.tariffdaysperiod })),
  z
    .object({ vsrvname: z.string(), vsrvprice: floatText.nullable(), vsrvdaysperiod: z.union([z.string(), z.number()]).nullable() })
    .transform((row): ChargeLine => ({
      kind: 'vservice',
      name: row.vsrvname,
      price: row.vsrvprice,
      period: row.vsrvdaysperiod === null ? null : String(row.vsrvdaysperiod),
    })),
]);

/**
 * `tarifftoswitchallowed`: `[{"tariff": name}]` (api.xmlagent.php; later versions are said to add a
 * price, which is read from the price list instead). Names are trimmed: the settings are comma lists.
 */
const tariffsToSwitchSchema = z.array(z.object({ tariff: z.string() }));

export function parseTariffsToSwitch(name: string, raw: string): string[] {
  const rows = parseUpstreamShape(name, tariffsToSwitchSchema, readAgentJson(name, raw).value);
  return rows.map((row) => row.tariff.trim()).filter(Boolean);
}

export function parseTariffVservices(name: string, raw: string): ChargeLine[] {
  return parseUpstreamShape(name, z.array(tariffVserviceSchema), readAgentJson(name, raw).value);
}

const creditorSchema = z.object({
  status: z.number().int(),
  message: z.string(),
  fullmessage: z.string().optional(),
  minday: iniValue.optional(),
  maxday: iniValue.optional(),
  creditterm: iniValue.optional(),
  creditprice: iniValue.optional(),
  currency: iniValue.optional(),
  creditintro: z.string().optional(),
});
export type CreditorReply = z.infer<typeof creditorSchema>;

/** The creditor agent: status 0 is success (also for `justcheck`), 1–10 the reasons it refused. */
export function parseCreditor(name: string, raw: string): CreditorReply {
  return parseUpstreamShape(name, creditorSchema, readAgentJson(name, raw).value);
}

const agentId = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(String);
const agentFlag = z.union([z.string(), z.number(), z.boolean()]).nullish().transform((value) => value === true || value === 1 || value === '1');

/**
 * A row of XMLAgent `tickets`: the subscriber's own messages (`from` = login, `to` null) and the ISP's
 * (`from` the literal "NULL", `to` = login). `replyid` is the conversation a reply belongs to; status
 * "0" open, "1" closed, kept on the conversation's first row.
 */
const ticketRowSchema = z.object({
  id: agentId,
  date: z.string(),
  from: z.string().nullable().optional().transform((value) => value ?? null),
  to: z.string().nullable().optional().transform((value) => value ?? null),
  replyid: agentId.nullable().optional().transform((value) => (value === undefined || value === null || value === '0' ? null : value)),
  status: z.union([z.string(), z.number()]).nullable().optional().transform((value) => String(value ?? '0')),
  text: z.string().nullable().transform((value) => value ?? ''),
});
export type TicketRow = z.infer<typeof ticketRowSchema>;

/** `[]` when there are none, or when ticketing is off in userstats (TICKETING_ENABLED=0). */
export function parseTickets(name: string, raw: string): TicketRow[] {
  return parseUpstreamShape(name, z.array(ticketRowSchema), readAgentJson(name, raw).value);
}

const ticketCreatedSchema = z.object({ created: z.string(), id: z.union([z.string(), z.number()]).transform(String) });

/**
 * `ticketcreate`: {"created":"success","id":"123"}, or the same inside "ticket" (both renderings are
 * seen); the new message's id, or null when Ubilling says "error". Anything else is UPSTREAM_ERROR.
 */
export function parseTicketCreated(name: string, raw: string): string | null {
  const { value } = readAgentJson(name, raw);
  const inner = (value as { ticket?: unknown } | null)?.ticket ?? value;
  const reply = parseUpstreamShape(name, ticketCreatedSchema, inner);
  return reply.created === 'success' && /^[1-9]\d*$/.test(reply.id) ? reply.id : null;
}

const announcementSchema = z.object({
  unic: agentId,
  read: agentFlag,
  type: z.string().nullish().transform((value) => value ?? 'text'),
  title: z.string().nullish().transform((value) => value ?? ''),
  text: z.string().nullish().transform((value) => value ?? ''),
});
export type AnnouncementRow = z.infer<typeof announcementSchema>;

/** Public announcements, newest first, with the subscriber's read mark; `[]` when AN_ENABLED=0. */
export function parseAnnouncements(name: string, raw: string): AnnouncementRow[] {
  return parseUpstreamShape(name, z.array(announcementSchema), readAgentJson(name, raw).value);
}

/** `annreadall` answers `[]`; anything that is not JSON is UPSTREAM_ERROR. */
export function parseAnnReadAll(name: string, raw: string): void {
  readAgentJson(name, raw);
}

// ---------------------------------------------------------------- XMLAgent: freezedata, dofreeze, dounfreeze

/** A count that is null unless FREEZE_DAYS_CHARGE_ENABLED; numbers or numeric strings otherwise. */
const freezeDays = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((value) => (value === undefined || value === null || value === '' || !Number.isFinite(Number(value)) ? null : Math.trunc(Number(value))));
const agentBool = z.union([z.boolean(), z.number(), z.string()]).nullish().transform((value) => value === true || value === 1 || value === '1' || value === 'true');
const optionalFloat = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value === null || value === undefined || !isFloatText(String(value)) ? null : String(value)));

const freezeDataSchema = z.object({
  result: z.string().optional(),
  freezeSelfAvailable: agentBool,
  /** AF_FREEZPRICE: charged by every dofreeze. */
  activationCost: optionalFloat,
  /** AF_TARIFFSALLOWED, comma separated. */
  tariffsAllowedList: z.string().nullish().transform((value) => (value ?? '').split(',').map((name) => name.trim()).filter(Boolean)),
  tariffAllowedAny: agentBool,
  negativeBalanceFreezeAllowed: agentBool,
  userBalance: optionalFloat,
  userTariff: z.string().nullish().transform((value) => value ?? ''),
  /** The tariff's own price of a frozen month. */
  userTariffFreezePrice: optionalFloat,
  freezeStatus: z.string().nullish().transform((value) => (value ?? '').toLowerCase()),
  /** The day of the last freeze, "Y-m-d H:i:s" or blank. */
  dateFrom: z.string().nullish(),
  freezeDaysChargeActive: agentBool,
  freezeDaysTotal: freezeDays,
  freezeDaysRestore: freezeDays,
  freezeDaysUsed: freezeDays,
  freezeDaysAvailable: freezeDays,
  freezeDaysWorked: freezeDays,
});
export type FreezeData = z.infer<typeof freezeDataSchema>;

/** `freezedata`: the rules userstats' own freeze form applies, which `dofreeze` itself does not. */
export function parseFreezeData(name: string, raw: string): FreezeData {
  const data = parseUpstreamShape(name, freezeDataSchema, readAgentJson(name, raw).value);
  if (data.result !== undefined && data.result.toLowerCase() !== 'success') throw upstreamError(`${name}: result ${data.result.slice(0, 40)}`);
  return data;
}

const freezeResultSchema = z.object({ result: z.string(), message: z.string().nullish() });

/**
 * `dofreeze` / `dounfreeze`: {"result":"Success"|"Failure","message":…}. The message is userstats'
 * English sentence, kept for the operator's log only.
 */
export function parseFreezeResult(name: string, raw: string): { done: boolean; message: string } {
  const reply = parseUpstreamShape(name, freezeResultSchema, readAgentJson(name, raw).value);
  const result = reply.result.toLowerCase();
  if (result !== 'success' && result !== 'failure') throw upstreamError(`${name}: unknown result`);
  return { done: result === 'success', message: (reply.message ?? '').slice(0, 200) };
}
