import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { toDecimal } from '../../../shared/money.js';
import { upstreamError } from '../../domain/errors.js';
import { parseUpstreamShape } from '../upstream.js';
import { optionalDate } from '../carbon-dates.js';

/*
 * What Carbon's legacy api.php answers, as zod schemas. It runs a Firebird stored procedure and
 * prints its output rows as XML in windows-1251, one lower-case element per output field [seen:
 * <suid>, <id>, <login>, <gen_pwd>, <contract_number>, <balance>, <tarif_txt>, <abonent_pay> in two
 * third-party clients; the Java one decodes windows-1251]. Every value is text; NULL is empty.
 * The envelope, <response> with one <row> per output row or one <error> with Firebird's exception
 * text, is [inferred]: no source shows it, and the simulator writes the same.
 */

// ---------------------------------------------------------------------------------------------
// Bytes to text

const XML_DECLARED_ENCODING = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;
const CHARSET_PARAMETER = /;\s*charset\s*=\s*"?([A-Za-z0-9._-]+)"?/i;

/**
 * The text of an api.php answer. The XML declaration names the encoding the body was written in;
 * the Content-Type header comes next (PHP's default header may claim UTF-8 for a windows-1251 body,
 * so it does not outrank the declaration); with neither, valid UTF-8 is UTF-8 and anything else is
 * windows-1251, Carbon's own encoding.
 */
export function decodeBody(label: string, bytes: Uint8Array, contentType: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = XML_DECLARED_ENCODING.exec(head)?.[1] ?? CHARSET_PARAMETER.exec(contentType)?.[1];
  if (declared !== undefined) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      throw upstreamError(`${label}: unknown encoding ${JSON.stringify(declared.slice(0, 40))}`);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

// ---------------------------------------------------------------------------------------------
// Text to rows

export type ApiPhpRow = Record<string, unknown>;

/** A procedure's output rows, or Carbon's refusal (a Firebird exception) as its text. */
export type ApiPhpAnswer = { refused: string } | { rows: ApiPhpRow[] };

const xmlParser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  // Also decodes character references (&#1048;), which PHP's XML writers use for what the charset lacks.
  htmlEntities: true,
  isArray: (tagName) => tagName === 'row',
});

const envelope = z.union([
  z.strictObject({ error: z.string() }),
  z.strictObject({ row: z.array(z.union([z.record(z.string(), z.unknown()), z.literal('')])) }),
  z.literal(''),
]);

/** The rows or the refusal in an api.php answer; anything that is not that XML is UPSTREAM_ERROR. */
export function parseApiPhpXml(label: string, text: string): ApiPhpAnswer {
  // A DOCTYPE could declare entities; api.php never sends one.
  if (/<!DOCTYPE/i.test(text)) throw upstreamError(`${label}: an XML answer with a DOCTYPE`);
  let document: unknown;
  try {
    document = xmlParser.parse(text);
  } catch {
    throw upstreamError(`${label}: not XML (${text.length} characters)`);
  }
  const roots = document !== null && typeof document === 'object' ? Object.values(document) : [];
  if (roots.length !== 1) throw upstreamError(`${label}: not an api.php answer (${roots.length} root elements)`);
  const answer = parseUpstreamShape(label, envelope, roots[0]);
  if (answer === '') return { rows: [] };
  if ('error' in answer) return { refused: answer.error.trim() };
  return { rows: answer.row.map((row) => (row === '' ? {} : row)) };
}


// ---------------------------------------------------------------------------------------------
// Refusals

const FIREBIRD_EXCEPTION_HEAD = /^exception\s+\d+\s+(?:[A-Z][A-Z0-9_$]*\s+)?/;
const FIREBIRD_WHERE = /\s+At (?:procedure|trigger) '[^']*'.*$/s;

/**
 * The reason in a Firebird exception, as a subscriber may read it: "exception 3 E_PROMISE_ACTIVE
 * Обещанный платеж уже подключен At procedure 'WEB_USER_PROMISE_PAY' line: 41, col: 5" becomes
 * "Обещанный платеж уже подключен". [inferred: Firebird's own wording of a user exception]
 */
export function billingReason(refusal: string): string {
  const reason = refusal.replace(FIREBIRD_EXCEPTION_HEAD, '').replace(FIREBIRD_WHERE, '').trim();
  return (reason.split('\n')[0] ?? '').trim().slice(0, 200) || 'The billing refused the request.';
}

/** A refusal because the operator's SUID expired or is unknown. [inferred] */
export function isSessionExpired(refusal: string): boolean {
  return /\bSUID\b/i.test(refusal) || /сесси[яию]/i.test(refusal);
}

// ---------------------------------------------------------------------------------------------
// Field values: always text in the XML

/** Display text; empty (NULL) is null. */
const text = z
  .string()
  .nullish()
  .transform((value) => (value == null ? null : value.trim() || null));

const requiredText = z.string().trim().min(1);

/** A Firebird integer key. */
const pk = z
  .string()
  .trim()
  .regex(/^-?\d{1,18}$/);

const optionalPk = z
  .string()
  .trim()
  .regex(/^(?:-?\d{1,18})?$/)
  .nullish()
  .transform((value) => value || null);

/** A smallint flag: "1" true, "0" false, empty null. Anything else is not Carbon's. */
const flag = z
  .enum(['0', '1', ''])
  .nullish()
  .transform((value) => (value === '1' ? true : value === '0' ? false : null));

/** numeric(15,2) as PHP prints it ("412.5", "-120.50"); required. */
const requiredMoney = z.string().transform((value, ctx) => {
  const decimal = toDecimal(value);
  if (decimal === null) {
    ctx.addIssue({ code: 'custom', message: 'not a decimal number' });
    return z.NEVER;
  }
  return decimal;
});

const optionalMoney = z
  .string()
  .nullish()
  .transform((value) => (value == null || value.trim() === '' ? null : toDecimal(value)));


// ---------------------------------------------------------------------------------------------
// Procedures

/** CLN_AUTH_LOGIN: the operator's SUID. [seen: <suid>] A zero or empty one is no session. [inferred] */
export const authLoginRow = z.object({
  suid: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, 'not a SUID')
    .refine((suid) => !/^0+$/.test(suid), 'no session'),
});

/** CLN_USR_FIND_2, per its documented outputs. [known; seen: <id>] */
export const usrFindRow = z.object({
  id: pk,
  login: text,
  identify: text,
  deleted: flag,
  end_user: flag,
});

/**
 * CLN_USR_GET, the fields the cabinet shows. [known: the vendor's list of outputs; seen: login,
 * contract_number, balance, tarif_txt, abonent_pay] The password fields are left out on purpose:
 * this row is kept for the request; `usrGetPassword` reads them only at sign-in.
 */
export const usrGetRow = z
  .object({
    user_id: pk,
    login: requiredText,
    name: text,
    email: text,
    sms: text,
    contract_number: text,
    /** IP INTEGER: the address as a signed 32-bit number, 0 or empty when none. [known: the vendor's list of outputs] */
    ip: optionalPk,
    mac: text,
    /** LOGGED: 1 while the account has a session on the NAS. [inferred from the name] */
    logged: flag,
    /** CREATE_DATE, the day the account was made. */
    create_date: optionalDate,
    balance: requiredMoney,
    enabled: flag,
    deleted: flag,
    end_user: flag,
    tarif_id: optionalPk,
    /** [inferred] "<TARIF_ID> <name>": the Python client drops its first three characters. */
    tarif_txt: text,
    abonent_pay: optionalMoney,
    limit_lock: flag,
    auto_account_lock: flag,
    own_disabled_end: optionalDate,
    promise_pay: optionalMoney,
    promise_date_end: optionalDate,
    root_admin: flag,
    tech_admin: flag,
    fin_admin: flag,
    card_admin: flag,
    read_admin: flag,
    full_admin: flag,
    sorm_admin: flag,
  })
  .transform(({ root_admin, tech_admin, fin_admin, card_admin, read_admin, full_admin, sorm_admin, ...row }) => ({
    ...row,
    /** Billing staff are users too; the cabinet is for subscribers only. */
    isStaff: [root_admin, tech_admin, fin_admin, card_admin, read_admin, full_admin, sorm_admin].some((value) => value === true),
  }));

/** GEN_PWD, the subscriber's password as the billing keeps it. [seen: both clients compare it] Read at sign-in only, never kept. */
export const usrGetPassword = z.object({ gen_pwd: z.string().nullish().transform((value) => value ?? '') });

/** CLN_FIN_OPER: [inferred] the fields CLN_FIN_OPER_ADD takes, plus the row id and the operation type (2 = приход). */
export const finOperRow = z.object({
  id: optionalPk,
  user_id: optionalPk,
  op_date: z.string(),
  summa: requiredMoney,
  descr: text,
  op_type: optionalPk,
});

/** CLN_USLUGA_LIST: [inferred] the catalogue of services, with the cabinet flags Carbon 5 still carries. */
export const uslugaRow = z.object({
  id: pk,
  name: requiredText,
  comment: text,
  summa: optionalMoney,
  is_show_web: flag,
  web_allow_disable: flag,
});

/** CLN_USR_USLUGA_LIST: [inferred] the subscriber's service bindings, the rows CLN_USR_USLUGA_EDIT writes. */
export const usrUslugaRow = z.object({
  id: pk,
  user_id: pk,
  usluga_id: pk,
  enabled: flag,
});

export type UsrGetRow = z.infer<typeof usrGetRow>;
export type FinOperRow = z.infer<typeof finOperRow>;
export type UslugaRow = z.infer<typeof uslugaRow>;
export type UsrUslugaRow = z.infer<typeof usrUslugaRow>;
