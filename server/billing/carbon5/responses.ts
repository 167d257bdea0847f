import { z } from 'zod';
import { toDecimal } from '../../../shared/money.js';
import { carbonInstant, optionalDate } from '../carbon-dates.js';
import { upstreamError } from '../../domain/errors.js';
import { parseUpstreamShape } from '../upstream.js';

/*
 * The shapes Carbon Billing 5 answers, as zod schemas. Carbon types loosely: flags come as "1"/"0"
 * or 1/0, money as a number or a numeric string, ids as numbers or digit strings, dates as
 * "YYYY-MM-DD HH:MM:SS[.ffffff]". Each schema turns that into one clean type, ignores fields it
 * does not know and gives null for the ones that are missing. Evidence tags: [seen: …] names where
 * the shape was observed (the vendor's pages, open-source clients of Carbon's API in Go, Kotlin, PHP
 * and JavaScript); [inferred] marks a shape no source shows, which the simulator mirrors.
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

/** How Carbon refuses: {"error": "<text>"} inside HTTP 200. An empty error means none (REST v2 docs). [seen] */
export const carbonRefusal = z.object({ error: z.string().trim().min(1) });

export const NOT_AUTHORIZED_TEXT = 'Необходимо авторизоваться';

/** The answer to an expired or unknown suid. [seen: spektr-account-api] */
export function isNotAuthorized(error: string): boolean {
  return error.toLowerCase().includes(NOT_AUTHORIZED_TEXT.toLowerCase());
}

/** Users objects.get + get_or_create_dynamic_session. [known: docs, result.fields.suid] */
export const dynamicSessionResult = z.object({
  fields: z.object({ suid: z.union([z.string().trim().min(1), z.number()]).transform(String) }),
});

/**
 * Users objects.get: the account's current password, `gen_pwd` [seen: public clients read it among
 * the Users fields]. Only ever compared with a session's fingerprint, never kept, logged or returned;
 * a wrong shape is reported by field name only, never with the value.
 */
export const usersPasswordResult = z.object({ fields: z.object({ gen_pwd: z.string().min(1) }) });

/**
 * REST v2 Abonents objects.get: the current tariff and the one booked for the next period, as the
 * vendor's REST v2 page sets them (tarif_next_id, tarif_next_date). Other fields are ignored.
 */
export const abonentTariffsResult = z.object({
  fields: z.object({ tarif_id: optionalId, tarif_next_id: optionalId, tarif_next_date: optionalDate }),
});

/** REST v2 Tarif objects.get: the vendor's page shows `name` (and looks tariffs up by it); no fee or speeds. */
export const tarifResult = z.object({ pk: carbonId, fields: z.object({ name: z.string().trim().min(1) }) });

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

/** web_cabinet.get_user. [seen: Go and Kotlin clients] */
export const getUserAnswer = z.object({
  user: z.object({
    pk: optionalId,
    login: optionalText,
    __abonent: optionalText,
    enabled: flag,
    phone: optionalText,
    email: optionalText,
    /** [inferred] get_user's user is the Users row, whose REST v2 fields include ip (seen: Users fields=["ip"]). */
    ip: optionalText,
    /** [inferred] Users.mac, which REST v2 sets (seen: set {"mac": "00:AA:CC:11:44:88"}). */
    mac: optionalText,
    abonent_pay: optionalMoney,
    /** [seen: carbonlk types] when the next monthly fee is charged. */
    abonent_pay_next_date: optionalDate,
    abonent: z.object({
      pk: optionalId,
      name: optionalText,
      contract_number: optionalText,
      /** "№ 10001466 Баланс: 390.67" [seen]; read only for the account number, which has no structured field. */
      __account: optionalText,
      __tarif: optionalText,
      /** [inferred] display string of tarif_next, by the "__<fk>" convention. */
      __tarif_next: optionalText,
      /** Abonents.tarif_next_date, when the booked tariff starts. [seen on Abonents via REST v2] */
      tarif_next_date: optionalDate,
      /** Abonents.activate_date, the day the connection started. [seen on Abonents via REST v2] */
      activate_date: optionalDate,
      /** [inferred] the contract's date beside contract_number; null when Carbon does not send it. */
      contract_date: optionalDate,
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
/**
 * REST v2 ArchAccountStack objects.filter: the balance changes of an abonent. The filter is seen in
 * third-party code; the fields are inferred: change_balance_time, summa (negative when money was
 * written off), the service (usluga, __usluga) or the tariff (tarif, __tarif) it was for, comment.
 */
export const archAccountStackResult = z.array(
  z.object({
    pk: z.union([z.number(), z.string()]).nullish(),
    fields: z.object({
      change_balance_time: z.string(),
      summa: requiredMoney,
      usluga: z.union([z.number(), z.string()]).nullish(),
      __usluga: optionalText,
      tarif: z.union([z.number(), z.string()]).nullish(),
      __tarif: optionalText,
      storno: z.union([z.number(), z.string(), z.boolean()]).nullish(),
      comment: optionalText,
    }),
  }),
);

/** A quantity as Carbon may send a Decimal: a number or a numeric string; null when absent or not a number. */
const optionalQuantity = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((value) => (value == null || !/^-?\d+(?:\.\d+)?$/.test(String(value).trim()) ? null : String(value).trim()));

/**
 * REST v2 FinanceOperations objects.filter {abonent_id, op_type: 5} with fields op_summa, op_date,
 * number, period_end_date: the invoices issued to an abonent, pk the invoice's id. [seen: the
 * vendor's REST v2 page asks for these fields] Their types are [inferred]: op_summa a Decimal as a
 * string or a number (its sign too: the total is read as its magnitude), op_date a date-time,
 * period_end_date a date, number a string or a number.
 */
export const invoicesResult = z.array(
  z.object({
    pk: carbonId,
    fields: z.object({
      op_summa: requiredMoney,
      op_date: z.string(),
      number: optionalText,
      period_end_date: z.string().nullish(),
    }),
  }),
);

/**
 * REST v2 FinanceOperationsDetail objects.filter {finance_operation_id} with fields usluga, unit, vv,
 * price, name: an invoice's lines. [seen: the vendor's page, "services, units, names and sums"]
 * [inferred] `name` the line's text, `price` the line's sum, `vv` how many units it counts, `usluga`
 * the service (a nested object or an id, unused but for its name when the line has none).
 */
export const invoiceLinesResult = z.array(
  z.object({
    fields: z.object({
      name: optionalText,
      price: requiredMoney,
      vv: optionalQuantity,
      usluga: z
        .union([z.object({ fields: z.object({ name: optionalText }).partial() }).partial(), z.number(), z.string()])
        .nullish()
        .transform((value) => (value !== null && typeof value === 'object' ? (value.fields?.name ?? null) : null)),
    }),
  }),
);

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
// Helpdesk: get_helpdesk_dialogs, get_helpdesk_comments, create_ticket. Seen only in public
// third-party clients of the cabinet: the request arguments are seen, the answers' keys mostly are
// not. Every key is optional and unknown ones are ignored; a ticket without an id or a date, or a
// comment without a date, makes the whole answer UPSTREAM_ERROR rather than a guess.

/** One ticket of get_helpdesk_dialogs. [seen: an id, pk, a subject, a text, a status ("Ожидает ответа"), a created date; key names inferred] */
const helpdeskDialog = z
  .object({
    id: optionalId,
    pk: optionalId,
    subj: optionalText,
    subject: optionalText,
    ticket_text: optionalText,
    text: optionalText,
    /** [inferred] a display string by the "__<fk>" convention, or the status itself. */
    __status: optionalText,
    status: optionalText,
    create_date: optionalText,
  })
  .transform((item, ctx) => {
    const id = item.pk ?? item.id;
    const createdAt = item.create_date === null ? null : carbonInstant(item.create_date);
    if (id === null || createdAt === null) {
      ctx.addIssue({ code: 'custom', message: 'a ticket without an id or a date' });
      return z.NEVER;
    }
    return { id, subject: item.subj ?? item.subject, text: item.ticket_text ?? item.text, status: item.__status ?? item.status, createdAt };
  });

/** web_cabinet.get_helpdesk_dialogs {suid, parent_id: null}: {"items": [ticket…]}. [seen: the items wrapper] */
export const helpdeskDialogsAnswer = z.object({ items: z.array(helpdeskDialog) });

/**
 * web_cabinet.get_helpdesk_comments {suid, parent_id}: [{"id","pk","text","create_date","__creator_abonent","read_comment"}].
 * [seen: these keys] `__creator_abonent` names the subscriber on their own comments; [inferred] it is
 * empty on the ISP's.
 */
export const helpdeskCommentsAnswer = z.array(
  z
    .object({
      id: optionalId,
      pk: optionalId,
      text: optionalText,
      create_date: optionalText,
      __creator_abonent: optionalText,
    })
    .transform((comment, ctx) => {
      const at = comment.create_date === null ? null : carbonInstant(comment.create_date);
      if (at === null) {
        ctx.addIssue({ code: 'custom', message: 'a comment without a date' });
        return z.NEVER;
      }
      return { id: comment.pk ?? comment.id, text: comment.text ?? '', at, bySubscriber: comment.__creator_abonent !== null };
    }),
);

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

/** The REST v2 result of a web_cabinet.* method: the answer as a JSON string first. Built once: zod schemas are costly to construct. */
const cabinetResult = z.tuple([z.string()]).rest(z.unknown());

/** web_cabinet.* over REST v2: result[0] is the method's answer as a JSON string. [seen: Laravel json_decode(result[0])] */
export function decodeCabinetResult(label: string, result: unknown): unknown {
  const [encoded] = parseUpstreamShape(label, cabinetResult, result);
  try {
    return JSON.parse(encoded);
  } catch {
    throw upstreamError(`${label}: result[0] is not JSON (${encoded.length} bytes)`);
  }
}

// ---------------------------------------------------------------------------------------------

export type CabinetAnswer<T> = { refused: string } | { value: T };

/** A web_cabinet.* answer: Carbon's refusal text, or the value in the expected shape. */
export function parseCabinetAnswer<T>(label: string, schema: z.ZodType<T>, body: unknown): CabinetAnswer<T> {
  const refusal = carbonRefusal.safeParse(body);
  if (refusal.success) return { refused: refusal.data.error };
  return { value: parseUpstreamShape(label, schema, body) };
}

