import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { md5 } from '../../../server/billing/ubilling/replies.js';
import { startUbillingSimulator, type UbillingSimulator } from '../../../server/billing/ubilling/simulator.js';
import { NOV_2, PASSWORDS, SERIAL, seed } from './world.js';

/** The simulator answers as the observed Ubilling 1.6.4 did, byte for byte. */

const NOV_22 = new Date(2026, 10, 22, 12, 0, 0);
let simulator: UbillingSimulator;

afterEach(async () => {
  await simulator?.close();
});

async function start(options: Parameters<typeof startUbillingSimulator>[0] = {}) {
  simulator = await startUbillingSimulator({ serial: SERIAL, seed: seed(), now: () => NOV_22, ...options });
  return simulator;
}

async function get(path: string) {
  const response = await fetch(new URL(path, simulator.url));
  return { status: response.status, type: response.headers.get('content-type'), headers: response.headers, body: await response.text() };
}

const api = (query: string) => get(`/?module=remoteapi&key=${SERIAL}${query}`);

describe('RemoteAPI gates', () => {
  it('answers every error with HTTP 200, text/html and the literal string, no newline', async () => {
    await start();
    const noKey = await get('/?module=remoteapi');
    expect(noKey).toMatchObject({ status: 200, type: 'text/html; charset=UTF-8', body: 'ERROR:GET_NO_KEY' });
    expect(noKey.headers.get('last-modified')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(noKey.headers.get('cache-control')).toBe('no-store, no-cache, must-revalidate');
    expect((await get('/?module=remoteapi&key=UBffffffffffffffffffffffffffffffff')).body).toBe('ERROR:GET_WRONG_KEY');
    expect((await api('')).body).toBe('ERROR:GET_NO_ACTION');
    expect((await get(`/?module=remoteapi&key=${SERIAL}-`)).body).toBe('ERROR:GET_NO_ACTION');
    expect((await get('/?module=remoteapi&action=identify')).body).toBe('cdef');
  });

  it('renders the web page for an unknown or empty action and for no key with an action', async () => {
    await start();
    for (const path of [`/?module=remoteapi&key=${SERIAL}&action=nosuchaction`, `/?module=remoteapi&key=${SERIAL}&action=`, '/?module=remoteapi&action=asterisk']) {
      const reply = await get(path);
      expect(reply.status).toBe(200);
      expect(reply.body.startsWith('<!doctype html>\n<html lang="uk">')).toBe(true);
      expect(reply.body.endsWith('</html>')).toBe(true);
    }
  });

  it('checks the asterisk gates in order, typos kept', async () => {
    await start();
    expect((await api('&action=asterisk&param=getuserspends')).body).toBe('ERROR: NOT HAVE NUMBER');
    expect((await api('&action=asterisk&login=ivanov')).body).toBe('ERROR: NOT HAVE PARAMETR');
    expect((await api('&action=asterisk&login=ivanov&param=')).body).toBe('ERROR: NOT HAVE PARAMETR');
    expect((await api('&action=asterisk&param=bogus&login=nosuchuser')).body).toBe('ERROR: MISTAKE PARAMETR');
    expect((await api('&action=asterisk&param=bogus&number=0990000000')).body).toBe('ERROR: NOT OUR USER');
    simulator.configure({ asteriskEnabled: false });
    expect((await api('&action=asterisk&param=getuserspends&login=ivanov')).body).toBe('ERROR: ASTERISK DISABLED');
    simulator.configure({ remoteApiEnabled: false });
    expect((await api('&action=asterisk&param=getuserspends&login=ivanov')).body).toBe('ERROR:API_DISABLED');
  });
});

describe('RemoteAPI asterisk replies', () => {
  it('gives getuserdatabylogin as observed, Password included, and the auth split', async () => {
    await start();
    const observed =
      '{"ivanov":{"login":"ivanov","Password":"codr52mv","Cash":"123.45","Credit":"0","CreditExpire":"0","Passive":"0","Down":"0","AlwaysOnline":"1","Tariff":"Unlim-100","Fee":"150","period":"month","contract":"1001","mobile":"0671234567","agentid":null,"contrname":null,"ext_mobiles":[]}}';
    expect((await api('&action=asterisk&param=getuserdatabylogin&login=ivanov&userpass=codr52mv')).body).toBe(observed);
    expect((await api('&action=asterisk&param=getuserdatabylogin&login=ivanov&userpass=0')).body).toBe(observed);
    expect((await api('&action=asterisk&param=getuserdatabylogin&login=ivanov&userpass=wrong')).body).toBe('{"ERROR":"Auth failed"}');
    expect((await api('&action=asterisk&param=getuserdatabylogin&login=nosuchuser')).body).toBe('[]');
    expect((await api('&action=asterisk&param=getuserdatabylogin&login=nosuchuser&userpass=x')).body).toBe('{"ERROR":"Auth failed"}');
    expect((await api('&action=asterisk&param=getuserdatabylogin&login=freeuser')).body).toContain('"contract":null,"mobile":null');
  });

  it('keeps the old password valid until the user cache is rebuilt', async () => {
    await start();
    await api('&action=asterisk&param=getuserdatabylogin&login=ivanov&userpass=codr52mv');
    simulator.changePassword('ivanov', 'newpass9');
    expect((await api('&action=asterisk&param=getuserdatabylogin&login=ivanov&userpass=newpass9')).body).toBe('{"ERROR":"Auth failed"}');
    expect((await api('&action=asterisk&param=getuserdatabylogin&login=ivanov&userpass=codr52mv')).body).toContain('"Password":"newpass9"');
    simulator.flushUserCache();
    expect((await api('&action=asterisk&param=getuserdatabylogin&login=ivanov&userpass=newpass9')).body).toContain('"login":"ivanov"');
  });

  it('gives getuserspends with PHP escapes, always with vservices', async () => {
    await start();
    const observed = '{"Unlim-100":{"price":"150","daysperiod":"month"},"IPTV":{"price":"50","daysperiod":"30"},"\\u041a\\u0456\\u043d\\u043e":{"price":"30","daysperiod":"30"}}';
    expect((await api('&action=asterisk&param=getuserspends&login=ivanov')).body).toBe(observed);
    expect((await api('&action=asterisk&param=getuserspends&login=ivanov&includevsrvs=1')).body).toBe(observed);
    expect((await api('&action=asterisk&param=getuserspends&login=nosuchuser')).body).toBe('[]');
  });

  it('counts getonlinedaysleft as observed on 2026-11-22', async () => {
    await start();
    const days = async (query: string) => (await api(`&action=asterisk&param=getonlinedaysleft${query}`)).body;
    expect(await days('&login=ivanov')).toBe('9');
    expect(await days('&login=ivanov&includevsrvs=1')).toBe('9');
    expect(await days('&login=petrenko')).toBe('-1');
    expect(await days('&login=freeuser')).toBe('-2');
    expect(await days('&login=nosuchuser')).toBe('0');
    expect(await days('&number=0671234567')).toBe('9');
    simulator.updateUser('ivanov', { cash: 200 });
    expect(await days('&login=ivanov')).toBe('40');
    expect(await days('&login=ivanov&includevsrvs=1')).toBe('9');
    simulator.updateUser('ivanov', { cash: -0.1 - 0.2 + 0.3 });
    expect((await api('&action=asterisk&param=getuserdatabylogin&login=ivanov')).body).toContain('"Cash":"-5.551115123125783e-17"');
    expect(await days('&login=ivanov')).toBe('-1');
  });

  it('gives getcontragentdata for a subscriber with an address, [] otherwise', async () => {
    await start();
    expect((await api('&action=asterisk&param=getcontragentdata&login=ivanov')).body).toBe(
      '{"id":"1","bankacc":"UA213223130000026007233566001","bankname":"Bank","bankcode":"300001","edrpo":"12345678","ipn":"","licensenum":"","juraddr":"Kyiv Khreshchatyk 1","phisaddr":"Kyiv Khreshchatyk 1","phone":"+380441234567","contrname":"ISP LLC","agnameabbr":"ISP","agsignatory":"Director","agsignatory2":"","agbasis":"Statute","agmail":"billing@isp.example","siteurl":"https:\\/\\/isp.example"}',
    );
    expect((await api('&action=asterisk&param=getcontragentdata&login=freeuser')).body).toBe('[]');
  });

  it('fails like PHP on a quote in the login: HTTP 500, empty body', async () => {
    await start();
    expect(await api("&action=asterisk&param=getuserdatabylogin&login=x'y")).toMatchObject({ status: 500, body: '' });
  });
});

describe('RemoteAPI userbyip and sc', () => {
  it('answers userbyip per USERBYIP_ENABLED', async () => {
    await start();
    expect((await api('&action=userbyip&ip=172.16.0.15')).body).toBe('ERROR: USERBYIP DISABLED');
    simulator.configure({ userByIpEnabled: true });
    const found = await api('&action=userbyip&ip=172.16.0.15');
    expect(found.type).toBe('application/json; charset=UTF-8');
    expect(JSON.parse(found.body)).toMatchObject({ result: 1, userdata: { login: 'ivanov', Password: 'codr52mv' } });
    expect((await api('&action=userbyip&ip=10.9.9.9')).body).toBe('{"result":0}');
    expect((await api('&action=userbyip')).body).toBe('ERROR: EMPTY IP');
  });

  it('sets the credit and charges the fee on sc', async () => {
    await start();
    expect((await api('&action=sc&login=petrenko&cr=105')).body).toBe('ERROR:PARAMS_MISSED');
    expect((await api('&action=sc&login=petrenko&cr=105&end=2026-11-25&fee=5&ct=1')).body).toBe('SC:OK');
    expect(simulator.user('petrenko')).toMatchObject({ credit: 105, cash: -20.5, creditExpire: new Date(2026, 10, 25).getTime() / 1000 });
    expect(simulator.payments('petrenko')).toEqual([expect.objectContaining({ summ: -5, balance: -15.5, note: 'SCFEE' })]);
  });
});

describe('userstats: XMLAgent and the creditor agent', () => {
  const agent = (query: string, login = 'ivanov', password: string = PASSWORDS.ivanov) =>
    get(`/userstats/?xmlagent=true&json=true${query}&uberlogin=${login}&uberpassword=${md5(password)}`);

  it('refuses a wrong pair with 401 and shows the login page without one', async () => {
    await start();
    expect(await agent('&justauth=true', 'ivanov', 'wrong')).toMatchObject({ status: 401, body: 'ERROR_WRONG_UBERAUTH' });
    expect((await get('/userstats/?xmlagent=true&json=true')).body).toContain('<form');
  });

  it('answers justauth, userdata, payments and tariffvservices as JSON', async () => {
    await start();
    const auth = await agent('&justauth=true');
    expect(auth).toMatchObject({ type: 'application/json; charset=UTF-8', body: '{"auth":true,"login":"ivanov","message":"Authentication successful"}' });
    simulator.updateUser('ivanov', { cash: 100 });
    const userdata = (await agent('')).body;
    expect(userdata).toContain('"cash":100.0,');
    expect(userdata).toContain('"realname":"\\u0406\\u0432\\u0430\\u043d\\u043e\\u0432 \\u0406\\u0432\\u0430\\u043d"');
    expect(userdata).toContain('"accountstate":"active"');
    expect((await agent('&payments=true')).body).toBe(
      '[{"date":"2026-10-01 00:10:00","summ":"-50","balance":"73.45"},{"date":"2026-09-01 09:02:11","summ":"-5","balance":"28.45"},{"date":"2026-10-30 18:40:05","summ":"100","balance":"23.45"},{"date":"2026-08-01 10:15:00","summ":"150","balance":"3.45"}]',
    );
    expect((await agent('&tariffvservices=true')).body).toBe(
      '[{"tariffname":"Unlim-100","tariffprice":"150","tariffdaysperiod":"month"},{"vsrvname":"IPTV","vsrvprice":"50","vsrvdaysperiod":"30"},{"vsrvname":"\\u041a\\u0456\\u043d\\u043e","vsrvprice":"30","vsrvdaysperiod":"30"}]',
    );
    simulator.configure({ paymentsEnabled: false });
    expect((await agent('&payments=true')).body).toBe('[]');
  });

  it('answers feecharges with fees and negative payments, oldest first, dateto ending at that day\'s midnight', async () => {
    await start();
    expect((await agent('&feecharges=true&datefrom=2026-10-01&dateto=2026-10-31')).body).toBe(
      '[{"date":"2026-10-01 00:00:05","summ":"-150","balance":"223.45","note":"","type":"mainsrv"},' +
        '{"date":"2026-10-01 00:10:00","summ":"-50","balance":"73.45","note":"IPTV","type":"virtualsrv"},' +
        '{"date":"2026-10-15 00:00:05","summ":"75","balance":"23.45","note":"","type":"mainsrv"}]',
    );
    const all = JSON.parse((await agent('&feecharges=true')).body) as { date: string; type: string; note: string }[];
    expect(all.map((row) => [row.date, row.type, row.note])).toEqual([
      ['2026-09-01 09:02:11', 'other', 'SCFEE'],
      ['2026-10-01 00:00:05', 'mainsrv', ''],
      ['2026-10-01 00:10:00', 'virtualsrv', 'IPTV'],
      ['2026-10-15 00:00:05', 'mainsrv', ''],
      ['2026-10-31 18:00:00', 'mainsrv', ''],
      ['2026-11-01 00:00:05', 'mainsrv', ''],
    ]);
    expect((await agent('&feecharges=true', 'freeuser', PASSWORDS.freeuser)).body).toBe('[]');
  });

  it('answers the REST switches: disabled, and extended auth by md5(serial)', async () => {
    await start();
    simulator.configure({ xmlAgentExtendedAuth: true });
    expect((await agent('&justauth=true')).body).toBe('{"reason":"wrong_uberauth"}');
    expect((await agent(`&justauth=true&uberkey=${md5(SERIAL)}`)).body).toContain('"auth":true');
    simulator.configure({ xmlAgentEnabled: false });
    expect((await agent('&justauth=true')).body).toBe('{"reason":"disabled"}');
  });

  it('runs the creditor agent with its status codes and the creditterm quirk', async () => {
    await start({ now: () => NOV_2, settings: { selfCredit: { enabled: true, minDay: 1, maxDay: 5, term: 3, price: 5, cashTypeId: 1, monthControl: true, tariffsAllowed: [], hackControl: false } } });
    const credit = (login: keyof typeof PASSWORDS, extra = '') =>
      get(`/userstats/?module=creditor&agentcredit=true&json=true${extra}&uberlogin=${login}&uberpassword=${md5(PASSWORDS[login])}`);
    const check = await credit('petrenko', '&justcheck=true');
    expect(check.body).toBe(
      '{"status":0,"message":"success","fullmessage":"","minday":"1","maxday":"5","creditterm":"5","creditprice":"5","currency":"UAH","creditintro":"If you wait too long to pay for the service, here you can get credit for 3 days. The price of this service is: 5 UAH. Also you promise to pay for the current month, in accordance with your service plan. Additional services are not subject to credit."}',
    );
    expect(simulator.user('petrenko')).toMatchObject({ credit: 0 });
    expect(JSON.parse((await credit('ivanov')).body)).toMatchObject({ status: 5, message: 'too much money', creditterm: '3' });
    expect(JSON.parse((await credit('frozen')).body)).toMatchObject({ status: 4, message: 'account frozen' });
    expect(JSON.parse((await credit('bigdebt')).body)).toMatchObject({ status: 6, message: 'not enough money' });
    expect(JSON.parse((await credit('onpromise')).body)).toMatchObject({ status: 3, message: 'already have a credit' });
    expect(JSON.parse((await credit('petrenko')).body)).toMatchObject({ status: 0 });
    expect(simulator.user('petrenko')).toMatchObject({ credit: 105, cash: -20.5 });
    simulator.updateUser('petrenko', { credit: 0, creditExpire: 0 });
    expect(JSON.parse((await credit('petrenko')).body)).toMatchObject({ status: 9, message: 'already used in this month' });
    simulator.configure({ selfCredit: { ...simulator['settings'].selfCredit, enabled: false } });
    expect((await credit('petrenko')).body).toBe('{"status":1,"message":"disabled"}');
  });
});

describe('test hooks', () => {
  it('counts requests with secrets redacted and injects faults', async () => {
    await start();
    await api('&action=asterisk&param=getuserdatabylogin&login=ivanov&userpass=codr52mv');
    expect(simulator.requestCount).toBe(1);
    expect(JSON.stringify(simulator.requests())).not.toMatch(/UB0123456789abcdef|codr52mv/);
    simulator.setFault('http500');
    expect(await api('')).toMatchObject({ status: 500, body: '' });
    simulator.setFault('fatal');
    expect((await api('')).body).toContain('<b>Fatal error</b>:  Uncaught');
    simulator.setFault('notices');
    expect((await api('')).body).toMatch(/^<br \/>\n<b>Warning<\/b>:.*ERROR:GET_NO_ACTION$/s);
    simulator.setFault(null);
    expect((await api('')).body).toBe('ERROR:GET_NO_ACTION');
  });

  it('closes at once, keep-alive connections and held replies included', async () => {
    await start();
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve) => request(simulator.url, { agent }, (response) => response.resume().on('end', resolve)).end());
    simulator.setFault('slow');
    const held = fetch(new URL(`/?module=remoteapi&key=${SERIAL}`, simulator.url)).catch(() => 'aborted');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await simulator.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await held).toBe('aborted');
    agent.destroy();
  });
});
