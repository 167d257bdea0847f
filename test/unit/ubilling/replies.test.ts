import { describe, expect, it } from 'vitest';
import { compareDecimals, plainDecimal } from '../../../shared/money.js';
import {
  md5,
  objectKeysInOrder,
  parseContragentData,
  parseCreditor,
  parseJustAuth,
  parseOnlineDaysLeft,
  parsePayments,
  parseSc,
  parseTariffVservices,
  parseUserByIp,
  parseUserdata,
  parseUserDataByLogin,
  parseUserSpends,
} from '../../../server/billing/ubilling/replies.js';
import { thrown } from '../../support/expectations.js';

const IVANOV =
  '{"ivanov":{"login":"ivanov","Password":"codr52mv","Cash":"123.45","Credit":"0","CreditExpire":"0","Passive":"0","Down":"0","AlwaysOnline":"1","Tariff":"Unlim-100","Fee":"150","period":"month","contract":"1001","mobile":"0671234567","agentid":null,"contrname":null,"ext_mobiles":["0509998877"]}}';
const HTML_WARNING =
  '<br />\n<b>Warning</b>:  Trying to access array offset on value of type null in <b>/var/www/billing/api/libs/api.asterisk.php</b> on line <b>1170</b><br />\n';
const TEXT_WARNING = '\nWarning: Undefined array key "mobile" in /var/www/billing/api/libs/api.asterisk.php on line 1170\n';
const FATAL =
  "<br />\n<b>Fatal error</b>:  Uncaught mysqli_sql_exception: You have an error in your SQL syntax; near 'y'' at line 9 in /x/api.mysql.php:101\nStack trace:\n#0 {main}\n  thrown in <b>/x/api.mysql.php</b> on line <b>101</b><br />\n";

describe('getuserdatabylogin', () => {
  it('reads the subscriber and drops Password in the parser', () => {
    const reply = parseUserDataByLogin('t', IVANOV, 'ivanov');
    expect(reply.kind).toBe('user');
    if (reply.kind !== 'user') return;
    expect(reply.user).toMatchObject({ login: 'ivanov', Cash: '123.45', CreditExpire: 0, Passive: false, Down: false, Fee: '150', contract: '1001' });
    expect(reply.user).not.toHaveProperty('Password');
    expect(JSON.stringify(reply)).not.toContain('codr52mv');
  });

  it('tells an unknown login ([]) from a failed check', () => {
    expect(parseUserDataByLogin('t', '[]', 'nosuchuser')).toEqual({ kind: 'unknown' });
    expect(parseUserDataByLogin('t', '{"ERROR":"Auth failed"}', 'ivanov')).toEqual({ kind: 'authFailed' });
  });

  it('takes null joins for a subscriber without contract, phones or tariff row', () => {
    const reply = parseUserDataByLogin(
      't',
      '{"ghost":{"login":"ghost","Password":"ghost123","Cash":"10","Credit":"0","CreditExpire":"0","Passive":"1","Down":"0","AlwaysOnline":"1","Tariff":"Gone","Fee":null,"period":null,"contract":null,"mobile":null,"agentid":null,"contrname":null,"ext_mobiles":[]}}',
      'ghost',
    );
    expect(reply).toMatchObject({ kind: 'user', user: { Fee: null, period: null, contract: null, mobile: null, Passive: true } });
  });

  it('reads the body after PHP warnings, in HTML and in text framing', () => {
    expect(parseUserDataByLogin('t', HTML_WARNING + HTML_WARNING + IVANOV, 'ivanov').kind).toBe('user');
    expect(parseUserDataByLogin('t', TEXT_WARNING + IVANOV, 'ivanov').kind).toBe('user');
    expect(parseUserDataByLogin('t', 'unexpected noise [1] ' + IVANOV, 'ivanov').kind).toBe('user');
  });

  it('turns a PHP fatal error into UPSTREAM_UNAVAILABLE and garbage into UPSTREAM_ERROR, without the body', () => {
    expect(thrown(() => parseUserDataByLogin('t', FATAL, 'ivanov')).code).toBe('UPSTREAM_UNAVAILABLE');
    const garbage = thrown(() => parseUserDataByLogin('t', '{"ivanov":{"login":', 'ivanov'));
    expect(garbage.code).toBe('UPSTREAM_ERROR');
    expect(garbage.detail).not.toContain('ivanov');
  });

  it('refuses a reply about another subscriber and a reply with the wrong shape', () => {
    expect(thrown(() => parseUserDataByLogin('t', IVANOV, 'petrenko')).code).toBe('UPSTREAM_ERROR');
    const wrongShape = thrown(() => parseUserDataByLogin('t', IVANOV.replace('"Cash":"123.45"', '"Cash":"lots"'), 'ivanov'));
    expect(wrongShape.detail).toContain('Cash');
    expect(wrongShape.detail).not.toContain('codr52mv');
  });

  it('names the RemoteAPI error strings, typos included, and the web page for a disabled call', () => {
    expect(thrown(() => parseUserDataByLogin('t', 'ERROR:GET_WRONG_KEY', 'ivanov')).detail).toContain('UBILLING_SERIAL');
    expect(thrown(() => parseUserDataByLogin('t', 'ERROR: NOT HAVE PARAMETR', 'ivanov')).detail).toContain('ERROR: NOT HAVE PARAMETR');
    expect(thrown(() => parseUserDataByLogin('t', 'ERROR: ASTERISK DISABLED', 'ivanov')).detail).toContain('ASTERISK_ENABLED');
    expect(thrown(() => parseUserDataByLogin('t', '<!doctype html>\n<html lang="uk">', 'ivanov')).detail).toContain('web page');
  });
});

describe('getuserspends', () => {
  it('keeps the tariff first, unescapes \\uXXXX and \\/, and reads null prices', () => {
    const lines = parseUserSpends(
      't',
      '{"Unlim-50":{"price":"100","daysperiod":"month"},"TV\\/HD \\"Max\\" \\u0491":{"price":"12.5","daysperiod":"1"},"\\u041a\\u0456\\u043d\\u043e":{"price":null,"daysperiod":null}}',
    );
    expect(lines).toEqual([
      { kind: 'tariff', name: 'Unlim-50', price: '100', period: 'month' },
      { kind: 'vservice', name: 'TV/HD "Max" ґ', price: '12.5', period: '1' },
      { kind: 'vservice', name: 'Кіно', price: null, period: null },
    ]);
  });

  it('keeps the written order where JavaScript would put integer-like keys first', () => {
    const lines = parseUserSpends('t', '{"Home":{"price":"150","daysperiod":"month"},"100":{"price":"5","daysperiod":"30"}}');
    expect(lines?.map((line) => [line.kind, line.name])).toEqual([
      ['tariff', 'Home'],
      ['vservice', '100'],
    ]);
    expect(objectKeysInOrder('{"a":{"b":"c,\\"d"},"2":[1,{"x":1}],"e":"f"}')).toEqual(['a', '2', 'e']);
  });

  it('returns null for an unknown subscriber', () => {
    expect(parseUserSpends('t', '[]')).toBeNull();
  });
});

describe('getonlinedaysleft', () => {
  it('reads N, -1, -2 and 0, also after warnings', () => {
    expect(parseOnlineDaysLeft('t', '9')).toBe(9);
    expect(parseOnlineDaysLeft('t', '-1')).toBe(-1);
    expect(parseOnlineDaysLeft('t', '-2')).toBe(-2);
    expect(parseOnlineDaysLeft('t', HTML_WARNING + '0')).toBe(0);
    expect(thrown(() => parseOnlineDaysLeft('t', 'nine')).code).toBe('UPSTREAM_ERROR');
  });
});

describe('the other RemoteAPI replies', () => {
  it('reads a contragent row and [] for none', () => {
    expect(parseContragentData('t', '{"id":"1","contrname":"ISP LLC","phone":"+380441234567","agmail":"b@isp.example","siteurl":"https:\\/\\/isp.example"}')).toMatchObject({
      contrname: 'ISP LLC',
      siteurl: 'https://isp.example',
    });
    expect(parseContragentData('t', '[]')).toBeNull();
  });

  it('reads userbyip, keeping only the md5 of the password', () => {
    const found = parseUserByIp('t', '{"result":1,"userdata":{"login":"ivanov","Password":"codr52mv","Cash":"1"}}');
    expect(found).toEqual({ login: 'ivanov', uberpassword: '614e8c88061bc45a75fdc1b2eefe1e84' });
    expect(parseUserByIp('t', '{"result":0}')).toBeNull();
    expect(parseUserByIp('t', 'ERROR: USERBYIP DISABLED')).toBeNull();
  });

  it('accepts SC:OK and nothing else from sc', () => {
    expect(() => parseSc('t', 'SC:OK')).not.toThrow();
    expect(thrown(() => parseSc('t', 'ERROR:PARAMS_MISSED')).code).toBe('UPSTREAM_ERROR');
  });
});

describe('XMLAgent and the creditor agent', () => {
  it('reads justauth and userdata with its JSON-number cash and null fields', () => {
    expect(parseJustAuth('t', '{"auth":true,"login":"ivanov","message":"Authentication successful"}')).toEqual({ login: 'ivanov' });
    const userdata = parseUserdata(
      't',
      '{"address":null,"realname":"\\u0406\\u0432\\u0430\\u043d\\u043e\\u0432","login":"ivanov","cash":100.0,"ip":"172.16.0.15","phone":null,"mobile":null,"email":null,"credit":"0","creditexpire":"No","payid":"0","contract":null,"tariff":"Unlim-100","tariffnm":"No","accountstate":"active","accountexpire":"No","version":"2"}',
    );
    expect(userdata).toMatchObject({ login: 'ivanov', realname: 'Іванов', address: null, email: null, cash: 100 });
  });

  it('reads payments, [] for none, and tariffvservices records', () => {
    expect(parsePayments('t', '[{"date":"2026-08-01 10:15:00","summ":"150","balance":"-3.5"}]')).toEqual([{ date: '2026-08-01 10:15:00', summ: '150', balance: '-3.5' }]);
    expect(parsePayments('t', '[]')).toEqual([]);
    expect(
      parseTariffVservices('t', '[{"tariffname":"Unlim-100","tariffprice":"150","tariffdaysperiod":"month"},{"vsrvname":"IPTV","vsrvprice":"50","vsrvdaysperiod":"30"}]'),
    ).toEqual([
      { kind: 'tariff', name: 'Unlim-100', price: '150', period: 'month' },
      { kind: 'vservice', name: 'IPTV', price: '50', period: '30' },
    ]);
  });

  it('reads the creditor statuses, and refuses XMLAgent reasons', () => {
    expect(parseCreditor('t', '{"status":1,"message":"disabled"}')).toEqual({ status: 1, message: 'disabled' });
    expect(parseCreditor('t', '{"status":0,"message":"success","fullmessage":"","minday":"1","maxday":"3","creditterm":"3","creditprice":5,"currency":"UAH"}')).toMatchObject({
      status: 0,
      creditprice: '5',
    });
    expect(thrown(() => parseUserdata('t', '{"reason":"wrong_uberauth"}')).detail).toContain('wrong_uberauth');
    expect(thrown(() => parsePayments('t', '{"reason":"disabled"}')).detail).toContain('disabled');
  });
});

describe('numbers as Ubilling prints them', () => {
  it('reads exponent notation exactly, without floats', () => {
    expect(plainDecimal('-5.551115123125783e-17')).toBe('-0.00000000000000005551115123125783');
    expect(plainDecimal('0.30000000000000004')).toBe('0.30000000000000004');
    expect(plainDecimal('1.5E+3')).toBe('1500');
    expect(plainDecimal('-0')).toBe('0');
    expect(plainDecimal('12,5')).toBeNull();
    expect(compareDecimals('-5.551115123125783e-17', '0')).toBe(-1);
    expect(compareDecimals('15.50', '15.5')).toBe(0);
  });

  it('hashes the password the way XMLAgent expects', () => {
    expect(md5('codr52mv')).toBe('614e8c88061bc45a75fdc1b2eefe1e84');
  });
});
