import { describe, expect, it } from 'vitest';
import {
  authLoginRow,
  billingReason,
  decodeBody,
  finOperRow,
  isSessionExpired,
  parseApiPhpXml,
  usrGetPassword,
  usrGetRow,
} from '../../../server/billing/carbon-legacy/responses.js';
import { windows1251, xmlAnswer } from '../../../server/billing/carbon-legacy/simulator.js';
import { thrown } from '../../support/expectations.js';

const LABEL = 'carbon-legacy TEST';
const NAME = 'Шевченко Тарас Григорович, Ёлкин Ъ';

describe('decoding the bytes', () => {
  it('reads windows-1251 as the XML declaration says, whatever PHP’s default header claims', () => {
    const bytes = windows1251(`<?xml version="1.0" encoding="windows-1251"?><response><row><name>${NAME}</name></row></response>`);
    expect(decodeBody(LABEL, bytes, 'text/html; charset=UTF-8')).toContain(NAME);
    expect(decodeBody(LABEL, bytes, 'text/xml')).toContain(NAME);
  });

  it('reads the header’s charset when there is no declaration', () => {
    const bytes = windows1251(`<response><row><name>${NAME}</name></row></response>`);
    expect(decodeBody(LABEL, bytes, 'text/xml; charset=windows-1251')).toContain(NAME);
    expect(decodeBody(LABEL, bytes, 'text/xml; charset="cp1251"')).toContain(NAME);
    expect(decodeBody(LABEL, Buffer.from(`<response>${NAME}</response>`, 'utf8'), 'text/xml; charset=utf-8')).toContain(NAME);
  });

  it('with neither, takes valid UTF-8 as UTF-8 and anything else as windows-1251', () => {
    expect(decodeBody(LABEL, Buffer.from(`<response>${NAME}</response>`, 'utf8'), 'text/xml')).toBe(`<response>${NAME}</response>`);
    expect(decodeBody(LABEL, windows1251(`<response>${NAME}</response>`), '')).toBe(`<response>${NAME}</response>`);
  });

  it('refuses an encoding no decoder knows', () => {
    const error = thrown(() => decodeBody(LABEL, Buffer.from('<?xml version="1.0" encoding="x-klingon"?><response/>'), 'text/xml'));
    expect(error.code).toBe('UPSTREAM_ERROR');
  });
});

describe('reading the XML', () => {
  it('gives the rows as text, NULL as empty, and the simulator’s writing back as it was', () => {
    const xml = xmlAnswer({ rows: [{ id: 1001, login: 'ivanov', name: 'O\'Brien & <Sons>', email: null }, { id: 1002, login: 'petrov', name: NAME, email: 'p@example.com' }] });
    expect(parseApiPhpXml(LABEL, xml)).toEqual({
      rows: [
        { id: '1001', login: 'ivanov', name: 'O\'Brien & <Sons>', email: '' },
        { id: '1002', login: 'petrov', name: NAME, email: 'p@example.com' },
      ],
    });
  });

  it('keeps digit strings as text: no leading zero or long number is lost', () => {
    expect(parseApiPhpXml(LABEL, '<response><row><suid>000123456789012345678</suid><contract_number>007</contract_number></row></response>')).toEqual({
      rows: [{ suid: '000123456789012345678', contract_number: '007' }],
    });
  });

  it('gives no rows for an empty answer, and an empty row as one without fields', () => {
    expect(parseApiPhpXml(LABEL, xmlAnswer({ rows: [] }))).toEqual({ rows: [] });
    expect(parseApiPhpXml(LABEL, '<response><row></row></response>')).toEqual({ rows: [{}] });
  });

  it('gives the refusal’s text', () => {
    expect(parseApiPhpXml(LABEL, xmlAnswer({ error: "exception 1 E_BAD_SUID Сессия не найдена At procedure 'CLN_USR_GET' line: 17, col: 5" }))).toEqual({
      refused: "exception 1 E_BAD_SUID Сессия не найдена At procedure 'CLN_USR_GET' line: 17, col: 5",
    });
  });

  it('reads CDATA and character references', () => {
    expect(parseApiPhpXml(LABEL, '<response><row><descr><![CDATA[a < b & c]]></descr><name>&#1048;&#x432;</name></row></response>')).toEqual({
      rows: [{ descr: 'a < b & c', name: 'Ив' }],
    });
  });

  it('is UPSTREAM_ERROR for a PHP warning, JSON, two roots, a nested field or a DOCTYPE', () => {
    for (const text of [
      '<br />\n<b>Warning</b>:  ibase_connect(): Unable to complete network request',
      '{"suid": "1"}',
      '',
      '<response><row><id>1</id></row></response><response/>',
      '<response><other>1</other></response>',
      '<!DOCTYPE response [<!ENTITY x "y">]><response><row><id>&x;</id></row></response>',
    ]) {
      expect(thrown(() => parseApiPhpXml(LABEL, text)).code, text).toBe('UPSTREAM_ERROR');
    }
  });
});

describe('refusals', () => {
  it('keeps the reason of a Firebird exception and drops its wrapping', () => {
    expect(billingReason("exception 13 E_PROMISE_ACTIVE Обещанный платеж уже подключен At procedure 'WEB_USER_PROMISE_PAY' line: 101, col: 5")).toBe(
      'Обещанный платеж уже подключен',
    );
    expect(billingReason("exception 3\nE_X\nНедостаточно средств\nAt procedure 'X' line: 1, col: 1")).toBe('Недостаточно средств');
    expect(billingReason('Обещанный платеж недоступен')).toBe('Обещанный платеж недоступен');
    expect(billingReason('')).toBe('The billing refused the request.');
    expect(billingReason('x'.repeat(500))).toHaveLength(200);
  });

  it('tells an expired operator session from other refusals', () => {
    expect(isSessionExpired("exception 1 E_BAD_SUID Сессия не найдена или устарела At procedure 'CLN_USR_GET'")).toBe(true);
    expect(isSessionExpired('Invalid SUID')).toBe(true);
    expect(isSessionExpired('СЕССИЯ ИСТЕКЛА')).toBe(true);
    expect(isSessionExpired('Обещанный платеж уже подключен')).toBe(false);
  });
});

describe('rows', () => {
  const usrGet = (fields: Record<string, string> = {}) => ({
    user_id: '1001',
    login: 'ivanov',
    name: 'Иванов Пётр',
    balance: '412.5',
    enabled: '1',
    deleted: '0',
    end_user: '1',
    tarif_id: '21',
    tarif_txt: '21 Домашний 100',
    abonent_pay: '300',
    promise_pay: '0.00',
    promise_date_end: '',
    own_disabled_end: '',
    gen_pwd: 'secret-password',
    psw: 'other',
    root_admin: '0',
    ...fields,
  });

  it('CLN_USR_GET: money as canonical decimals, flags, dates, and never the password fields', () => {
    const row = usrGetRow.parse(usrGet({ promise_date_end: '2025-01-18 23:59:59', own_disabled_end: '2025-01-20' }));
    expect(row).toMatchObject({ user_id: '1001', balance: '412.50', abonent_pay: '300.00', enabled: true, deleted: false, promise_date_end: '2025-01-18', own_disabled_end: '2025-01-20', isStaff: false });
    expect(JSON.stringify(row)).not.toContain('secret-password');
    expect(JSON.stringify(row)).not.toContain('other');
    expect(usrGetPassword.parse(usrGet()).gen_pwd).toBe('secret-password');
    expect(usrGetPassword.parse({}).gen_pwd).toBe('');
  });

  it('CLN_USR_GET: any staff flag marks billing staff', () => {
    for (const flag of ['root_admin', 'tech_admin', 'fin_admin', 'card_admin', 'read_admin', 'full_admin', 'sorm_admin']) {
      expect(usrGetRow.parse(usrGet({ [flag]: '1' })).isStaff, flag).toBe(true);
    }
  });

  it('CLN_USR_GET: refuses a balance that is not a number and a flag that is not 0 or 1', () => {
    expect(usrGetRow.safeParse(usrGet({ balance: 'много' })).success).toBe(false);
    expect(usrGetRow.safeParse(usrGet({ enabled: 'yes' })).success).toBe(false);
    expect(usrGetRow.safeParse(usrGet({ user_id: '10 01' })).success).toBe(false);
  });

  it('CLN_AUTH_LOGIN: a SUID of digits; zero or empty is no session', () => {
    expect(authLoginRow.parse({ suid: ' 123456789 ' }).suid).toBe('123456789');
    for (const suid of ['0', '000', '', 'abc']) expect(authLoginRow.safeParse({ suid }).success, suid).toBe(false);
    expect(authLoginRow.safeParse(undefined).success).toBe(false);
  });

  it('CLN_FIN_OPER: an operation with its type', () => {
    expect(finOperRow.parse({ id: '5', user_id: '1001', op_date: '2025-01-13 09:41:12', summa: '500', descr: 'Сбербанк', op_type: '2', number: '1' })).toEqual({
      id: '5',
      user_id: '1001',
      op_date: '2025-01-13 09:41:12',
      summa: '500.00',
      descr: 'Сбербанк',
      op_type: '2',
    });
  });
});
