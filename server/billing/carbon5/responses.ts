import { z } from 'zod';
import { toDecimal } from '../../../shared/money.js';
import { upstreamError } from '../../domain/errors.js';
import { parseUpstreamShape } from '../upstream.js';

/*
 * The shapes Carbon Billing 5 answers, as zod schemas. Carbon types loosely: flags come as "1"/"0"
 * or 1/0, money as a number or a numeric string, ids as numbers or digit strings, dates as
 * "YYYY-MM-DD HH:MM:SS[.ffffff]". Each schema turns that into one clean type, ignores fields it
 * does not know and gives null for the ones that are missing. Evidence tags refer to
 * shared/reference/carbon.md; [inferred] marks a shape no source shows, which the simulator mirrors.
 */

const FLAG_VALUES = new Set<unknown>([true, 1, '1']);
const FLAG_LIKE = z.union([z.boolean(), z.literal(0), z.literal(1), z.enum(['0', '1'])]);

/** A Carbon boolean; null when absent. */
export const flag = FLAG_LIKE.nullish().transform((value) => (value == null ? null : FLAG_VALUES.has(value)));

/** A Firebird primary key; negative ones exist (system rows). */
export const carbonId = z.union([z.number().int(), z.string().regex(/^-?\d+$/)]).transform(String);

export const optionalId = carbonId.nullish().transform((id) => id ?? null);

/** Money that must be there: the canonical decimal string. */
export const requiredMoney = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const decimal = toDecimal(value);
  if (decimal === null) {
    ctx.addIssue({ code: 'custom', message: 'not a decimal number' });
    return z.NEVER;
  }
  return decimal;
});

/** Money that may be missing, null or blank: null then. */
export const optionalMoney = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value) => (value == null ? null : toDecimal(value)));

/** Display text; blank counts as missing. */
export const optionalText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value == null ? null : String(value).trim() || null));

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const DOTTED_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

/** The calendar date of a Carbon date or date-time ("2025-01-31 23:59:59.000000" or "31.01.2025"); null when it is not one. */
export function datePart(text: string | null | undefined): string | null {
  if (!text) return null;
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  const dotted = iso ? null : DOTTED_DATE.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid = date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  return valid ? `${year}-${month}-${day}` : null;
}

export const optionalDate = z
  .string()
  .nullish()
  .transform((value) => datePart(value));

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/;

/**
 * An instant from a Carbon date-time. Carbon writes its local time without a zone; the BFF runs next
 * to the billing, so its own zone is taken as the billing's. A bare date is read as local midnight.
 */
export function carbonInstant(text: string): string | null {
  const day = datePart(text);
  if (!day) return null;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const time = DATE_TIME.exec(text.trim());
  const [hours, minutes, seconds] = time ? [Number(time[4]), Number(time[5]), Number(time[6] ?? 0)] : [0, 0, 0];
  return new Date(year, month - 1, date, hours, minutes, seconds).toISOString();
}

/** How Carbon refuses: {"error": "<text>"} inside HTTP 200. An empty error means none (REST v2 docs). [seen] */
export const carbonRefusal = z.object({ error: z.string().trim().min(1) });

export const NOT_AUTHORIZED_TEXT = 'Необходимо авторизоваться';

/** The answer to an expired or unknown suid. [seen: spektr-account-api] */
export function isNotAuthorized(error: string): boolean {
  return error.toLowerCase().includes(NOT_AUTHORIZED_TEXT.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// web_cabinet.* results (system_api body, or REST v2 result[0] decoded)

/** web_cabinet.login and try_auto_login. [seen: session_id, user; user.pk seen in a Laravel DTO] "0" means no session. [seen in early Go code] */
export const loginAnswer = z.object({
  session_id: z
    .union([z.string(), z.number()])
    .transform(String)
    .refine((suid) => suid.trim() !== '' && suid !== '0', 'no session'),
  user: z.object({ pk: carbonId, login: optionalText }),
});

/** web_cabinet.get_user. [seen: Go, Kotlin; carbon.md §4.3] */
export const getUserAnswer = z.object({
  user: z.object({
    pk: optionalId,
    login: optionalText,
    __abonent: optionalText,
    enabled: flag,
    phone: optionalText,
    email: optionalText,
    abonent_pay: optionalMoney,
    abonent: z.object({
      pk: optionalId,
      name: optionalText,
      contract_number: optionalText,
      /** "№ 10001466 Баланс: 390.67" [seen]; read only for the account number, which has no structured field. */
      __account: optionalText,
      __tarif: optionalText,
      /** [inferred] display string of tarif_next, by the "__<fk>" convention. */
      __tarif_next: optionalText,
      minimal_pay_sum: optionalMoney,
      recomend_pay_sum: optionalMoney,
      sms: optionalText,
      email: optionalText,
      __home: optionalText,
      a_home_number: optionalText,
      own_disabled_start: optionalDate,
      own_disabled_end: optionalDate,
      /** [inferred] the active promised amount, "0.00" when none; fields seen on Abonents via REST v2. */
      promise_pay: optionalMoney,
      promise_date_end: optionalDate,
    }),
  }),
});

/** web_cabinet.user_info. [seen: Laravel UserInfoDTO keys] balance comes as a number. */
export const userInfoAnswer = z.object({
  tarif_id: optionalId,
  balance: requiredMoney,
  in_block: flag,
  enough_to_date: optionalDate,
  minimal_pay_sum: optionalMoney,
  recomend_pay_sum: optionalMoney,
});

/** An item of get_usluga_list[0]: a service the subscriber may have; pk is the service id. [seen: carbonlk] */
const availableUsluga = z.object({
  pk: carbonId,
  name: z.string().trim().min(1),
  comments: optionalText,
  summa: optionalMoney,
  is_show_web: flag,
  web_allow_disable: flag,
});

/** An item of get_usluga_list[1]: a binding; pk is the binding id, "__usluga" is "<service name>: …". [seen] */
const userUsluga = z.object({
  pk: carbonId,
  /** [inferred] no source shows it; used when present, else the name before ":". */
  usluga_id: optionalId,
  __usluga: optionalText,
  __self: optionalText,
  debit: optionalMoney,
  activated: flag,
});

/** web_cabinet.get_usluga_list: [available, connected, descriptions]. [seen: "массив из трёх массивов"] The third is not needed. */
export const uslugaListAnswer = z.tuple([z.array(availableUsluga), z.array(userUsluga)]).rest(z.unknown());

/** web_cabinet.get_promise_pay_list: [inferred] an array of offers; price is the fee. */
export const promisePayListAnswer = z.array(
  z.object({
    id: carbonId,
    name: optionalText,
    summa: requiredMoney,
    days: z.union([z.number().int().positive(), z.string().regex(/^\d+$/).transform(Number)]),
    price: optionalMoney,
  }),
);

/** web_cabinet.get_pay_log. [seen: tele-com JS reads items[].op_date/op_summa] descr: [inferred] from FinanceOperations. */
export const payLogAnswer = z.object({
  items: z.array(
    z.object({
      op_date: z.string(),
      op_summa: requiredMoney,
      descr: optionalText,
    }),
  ),
});

/**
 * set_user_usluga, remove_user_usluga, add_promise_pay, submit_password: {"message"?}. [declared: carbonlk;
 * inferred for the others] Seen clients count any object without an error as done, so this does too.
 */
export const messageAnswer = z.object({ message: optionalText });

/** web_cabinet.reset_password: the docs say it yields uid; [inferred] {"uid", "message"} with the channel in the message. */
export const resetPasswordAnswer = z.object({ uid: carbonId, message: optionalText });

// ---------------------------------------------------------------------------------------------
// REST v2

/** {"call", "result"} or {"call", "error"}. [known: REST v2 docs] */
const restEnvelope = z.object({
  call: z.string().optional(),
  error: z.string().nullish(),
  result: z.unknown().optional(),
});

export type RestAnswer = { refused: string } | { result: unknown };

/** The REST v2 envelope: Carbon's refusal, or its result. */
export function parseRestEnvelope(label: string, body: unknown): RestAnswer {
  const envelope = parseUpstreamShape(label, restEnvelope, body);
  if (envelope.error && envelope.error.trim() !== '') return { refused: envelope.error.trim() };
  if (!('result' in envelope)) throw upstreamError(`${label}: REST v2 answer has neither result nor error`);
  return { result: envelope.result };
}

/** web_cabinet.* over REST v2: result[0] is the method's answer as a JSON string. [seen: Laravel json_decode(result[0])] */
export function decodeCabinetResult(label: string, result: unknown): unknown {
  const [encoded] = parseUpstreamShape(label, z.tuple([z.string()]).rest(z.unknown()), result);
  try {
    return JSON.parse(encoded);
  } catch {
    throw upstreamError(`${label}: result[0] is not JSON (${encoded.length} bytes)`);
  }
}

/** Users objects.get + get_or_create_dynamic_session. [known: docs, result.fields.suid] */
export const dynamicSessionResult = z.object({
  fields: z.object({ suid: z.union([z.string().trim().min(1), z.number()]).transform(String) }),
});

// ---------------------------------------------------------------------------------------------

export type CabinetAnswer<T> = { refused: string } | { value: T };

/** A web_cabinet.* answer: Carbon's refusal text, or the value in the expected shape. */
export function parseCabinetAnswer<T>(label: string, schema: z.ZodType<T>, body: unknown): CabinetAnswer<T> {
  const refusal = carbonRefusal.safeParse(body);
  if (refusal.success) return { refused: refusal.data.error };
  return { value: parseUpstreamShape(label, schema, body) };
}

