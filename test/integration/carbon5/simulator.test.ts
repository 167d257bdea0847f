import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { carbonSeed, demoSeed } from '../../../server/billing/carbon5/demo-data.js';
import { pythonJson } from '../../../server/billing/carbon5/python-json.js';
import { startCarbon5Simulator, type Carbon5Simulator, type Carbon5SimulatorOptions } from '../../../server/billing/carbon5/simulator.js';

const PSW = 'collector-like-psw';
const simulators: Carbon5Simulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((simulator) => simulator.close()));
});

async function carbon(options: Carbon5SimulatorOptions = {}) {
  const simulator = await startCarbon5Simulator({ apiPassword: PSW, writeDelayMs: 0, seed: demoSeed('2025-01-15'), now: () => new Date(2025, 0, 15, 12), ...options });
  simulators.push(simulator);
  return simulator;
}

function systemApiUrl(simulator: Carbon5Simulator, method: string, arg: unknown, extra: Record<string, string> = { psw: PSW }) {
  const url = new URL('/system_api/', simulator.url);
  const params = { format: 'json', context: 'web', model: 'users', method1: `web_cabinet.${method}`, arg1: JSON.stringify(arg), ...extra };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url;
}

async function systemApi(simulator: Carbon5Simulator, method: string, arg: unknown) {
  return (await fetch(systemApiUrl(simulator, method, arg))).json() as Promise<Record<string, unknown>>;
}

async function restV2(simulator: Carbon5Simulator, model: string, calls: [string, unknown][]) {
  const form = new URLSearchParams();
  calls.forEach(([method, arg], index) => {
    form.set(`method${index + 1}`, method);
    form.set(`arg${index + 1}`, JSON.stringify(arg));
  });
  const response = await fetch(new URL(`/rest_api/v2/${model}/`, simulator.url), { method: 'POST', body: form });
  return { response, text: await response.text() };
}

async function suidOf(simulator: Carbon5Simulator, login: string) {
  return String((await systemApi(simulator, 'login', { login, passwd: 'demo' })).session_id);
}

describe('the Carbon 5 simulator speaks Carbon', () => {
  it('answers system_api with the raw result as Python writes JSON: \\u escapes, ", " separators, string flags', async () => {
    const simulator = await carbon();
    const response = await fetch(systemApiUrl(simulator, 'login', { login: 'BILL0000101', passwd: 'demo' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(text).toMatch(/^\{"session_id": "\d{18}", "user": \{"pk": 101, "login": "BILL0000101"/);
    expect(text).toContain('"__abonent": "\\u0428\\u0435\\u0432\\u0447\\u0435\\u043d\\u043a\\u043e');
    expect(text).toContain('"enabled": "1"');
    expect(/[\u0080-\uffff]/.test(text)).toBe(false);
  });

  it('refuses a wrong context with Carbon’s text, and a missing or wrong psw', async () => {
    const simulator = await carbon();
    const context = await fetch(systemApiUrl(simulator, 'user_info', { suid: '' }, { context: 'cabinet', psw: PSW }));
    expect([context.status, await context.text()]).toEqual([200, 'Context=cabinet is not defined']);
    expect((await fetch(systemApiUrl(simulator, 'user_info', { suid: '' }, {}))).status).toBe(403);
    expect((await fetch(systemApiUrl(simulator, 'user_info', { suid: '' }, { psw: 'guess' }))).status).toBe(403);
    const open = await carbon({ apiPassword: undefined });
    expect(await (await fetch(systemApiUrl(open, 'user_info', { suid: '' }, {}))).json()).toEqual({ error: 'Необходимо авторизоваться' });
  });

  it('reads system_api parameters from a POSTed form as well as from the query', async () => {
    const simulator = await carbon();
    const form = new URLSearchParams({ format: 'json', context: 'web', model: 'Users', psw: PSW, method1: 'web_cabinet.login', arg1: JSON.stringify({ login: 'BILL0000102', passwd: 'demo' }) });
    const answer = (await (await fetch(new URL('/system_api/', simulator.url), { method: 'POST', body: form })).json()) as { user: { login: string } };
    expect(answer.user.login).toBe('BILL0000102');
  });

  it('answers web_cabinet over REST v2 with result[0] as a JSON string, errors inside it', async () => {
    const simulator = await carbon();
    const suid = await suidOf(simulator, 'BILL0000101');
    const { response, text } = await restV2(simulator, 'Users', [['web_cabinet.get_usluga_list', { suid, get_user_uslugas_all: 1 }]]);
    expect(response.headers.get('content-type')).toBe('application/json');
    const envelope = JSON.parse(text) as { call: string; result: [string] };
    expect(envelope.call).toBe('/rest_api/v2/Users/');
    const [available, connected, descriptions] = JSON.parse(envelope.result[0]) as [Record<string, unknown>[], Record<string, unknown>[], unknown[]];
    expect(available.find((service) => service.pk === 95)).toMatchObject({ is_show_web: '0', web_allow_disable: '0', summa: '0.00' });
    expect(connected.map((binding) => String(binding.__usluga).split(':')[0])).toEqual(['Статична IP-адреса', 'Оренда роутера']);
    expect(connected[0]).not.toHaveProperty('usluga_id');
    expect(descriptions).toHaveLength(available.length);

    const expired = JSON.parse((await restV2(simulator, 'Users', [['web_cabinet.get_promise_pay_list', { suid: 'dead' }]])).text) as { result: [string] };
    expect(JSON.parse(expired.result[0])).toEqual({ error: 'Необходимо авторизоваться' });
  });

  it('refuses unknown objects and methods in the REST v2 envelope, and shows a docs page on GET', async () => {
    const simulator = await carbon();
    expect(JSON.parse((await restV2(simulator, 'Users', [['objects.get', { id: 999 }]])).text)).toEqual({
      call: '/rest_api/v2/Users/',
      error: 'Users matching query does not exist.',
    });
    expect(JSON.parse((await restV2(simulator, 'Kassa', [['objects.get', { id: 17 }]])).text)).toHaveProperty('error');
    expect(JSON.parse((await restV2(simulator, 'Tarif', [['objects.get', { id: 17 }]])).text)).toMatchObject({ result: { pk: 17, model: 'Tarif', fields: { name: 'Домашній 100' } } });
    expect(JSON.parse((await restV2(simulator, 'Tarif', [['objects.get', { id: 999 }]])).text)).toHaveProperty('error');
    expect(JSON.parse((await restV2(simulator, 'Users', [['objects.get', { id: 101 }], ['delete', {}]])).text)).toHaveProperty('error');
    const docs = await fetch(new URL('/rest_api/v2/Users/', simulator.url));
    expect(docs.headers.get('content-type')).toContain('text/html');
    expect(await docs.text()).toContain('REST API v2: Users');
  });

  it('keeps one live suid per account: a new login or dynamic session ends the old one', async () => {
    const simulator = await carbon();
    const first = await suidOf(simulator, 'BILL0000101');
    const second = await suidOf(simulator, 'BILL0000101');
    expect(second).not.toBe(first);
    expect(await systemApi(simulator, 'user_info', { suid: first })).toEqual({ error: 'Необходимо авторизоваться' });
    expect(await systemApi(simulator, 'user_info', { suid: second })).toMatchObject({ balance: 412.5, in_block: '0', enough_to_date: '2025-02-21 00:00:00' });

    const dynamic = JSON.parse((await restV2(simulator, 'Users', [['objects.get', { id: '101' }], ['get_or_create_dynamic_session', {}]])).text) as {
      result: { pk: null; model: string; fields: { suid: string } };
    };
    expect(dynamic.result).toMatchObject({ pk: null, model: 'DynamicSessions', fields: { ttype: 'None', suid: expect.stringMatching(/^\d{18}$/) } });
    expect(await systemApi(simulator, 'user_info', { suid: second })).toEqual({ error: 'Необходимо авторизоваться' });
    expect(await systemApi(simulator, 'user_info', { suid: dynamic.result.fields.suid })).toHaveProperty('balance', 412.5);

    simulator.expireSession('BILL0000101');
    expect(simulator.account('BILL0000101').signedIn).toBe(false);
    expect(await systemApi(simulator, 'get_user', { suid: dynamic.result.fields.suid })).toEqual({ error: 'Необходимо авторизоваться' });
  });

  it('serves the password as Users gen_pwd, changed by set_user_info, a reset and the test hook; the suid lives on', async () => {
    const simulator = await carbon();
    const genPwd = async () =>
      (JSON.parse((await restV2(simulator, 'Users', [['objects.get', { id: '101' }]])).text) as { result: { fields: { gen_pwd: string } } }).result.fields.gen_pwd;
    expect(await genPwd()).toBe('demo');
    const suid = await suidOf(simulator, 'BILL0000101');
    const changed = await restV2(simulator, 'Users', [['web_cabinet.set_user_info', { suid, user_password: 'changed-in-cabinet' }]]);
    expect(JSON.parse(changed.text)).toEqual({ call: '/rest_api/v2/Users/', result: ['{}'] });
    expect(await genPwd()).toBe('changed-in-cabinet');
    expect(await systemApi(simulator, 'user_info', { suid })).toHaveProperty('balance', 412.5);
    simulator.changePassword('BILL0000101', 'changed-by-operator');
    expect(await genPwd()).toBe('changed-by-operator');
    const { uid } = await systemApi(simulator, 'reset_password', { login: 'BILL0000101', base_url: '' });
    const code = /([A-Z0-9]{6})$/.exec(simulator.outbox().at(-1)!.text)![1];
    await restV2(simulator, 'Users', [['web_cabinet.submit_password', { token: code, uid, psw1: 'changed-by-reset', psw2: 'changed-by-reset' }]]);
    expect(await genPwd()).toBe('changed-by-reset');
  });

  it('refuses to remove a service with web_allow_disable "0", and queues other writes for writeDelayMs', async () => {
    const simulator = await carbon({ writeDelayMs: 100 });
    const suid = await suidOf(simulator, 'BILL0000101');
    const cabinet = async (method: string, arg: object) =>
      JSON.parse((JSON.parse((await restV2(simulator, 'Users', [[`web_cabinet.${method}`, { suid, ...arg }]])).text) as { result: [string] }).result[0]);

    expect(await cabinet('remove_user_usluga', { usluga_id: 87 })).toEqual({ error: 'Отключение данной услуги через личный кабинет запрещено' });
    expect(await cabinet('set_user_usluga', { usluga_id: '95' })).toEqual({ error: 'Услуга недоступна для подключения' });
    expect(await cabinet('set_user_usluga', { usluga_id: 90 })).toEqual({ message: 'Заявка на подключение услуги принята' });
    expect(await cabinet('set_user_usluga', { usluga_id: 90 })).toEqual({ error: 'Заявка по данной услуге уже обрабатывается' });
    expect(simulator.account('BILL0000101')).toMatchObject({ connectedServiceIds: [12, 87], queuedWrites: [{ serviceId: 90, action: 'connect' }] });
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(simulator.account('BILL0000101')).toMatchObject({ connectedServiceIds: [12, 87, 90], queuedWrites: [] });
  });

  it('sends a six-character upper-case reset code and checks it with the passwords', async () => {
    const simulator = await carbon();
    const reset = JSON.parse(
      (JSON.parse((await restV2(simulator, 'Users', [['web_cabinet.reset_password', { login: 'BILL0000102', base_url: '' }]])).text) as { result: [string] }).result[0],
    );
    expect(reset).toEqual({ uid: '102', message: expect.stringMatching(/^Код отправлен по SMS на номер \+380\*+67$/) });
    const code = /: ([A-Z0-9]{6})$/.exec(simulator.outbox()[0]?.text ?? '')?.[1];
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const submit = async (arg: object) =>
      JSON.parse((JSON.parse((await restV2(simulator, 'Users', [['web_cabinet.submit_password', { uid: '102', ...arg }]])).text) as { result: [string] }).result[0]);
    expect(await submit({ token: code, psw1: 'abcdefg', psw2: 'abcdefh' })).toEqual({ error: 'Пароли не совпадают' });
    expect(await submit({ token: code, psw1: 'abcdef', psw2: 'abcdef' })).toEqual({ error: 'Пароль должен быть длиннее 6 символов' });
    expect(await submit({ token: code?.toLowerCase(), psw1: 'abcdefg', psw2: 'abcdefg' })).toEqual({ error: 'Неверный код подтверждения' });
    expect(await submit({ token: code, psw1: 'abcdefg', psw2: 'abcdefg' })).toEqual({ message: 'Пароль успешно изменен' });
    expect(simulator.account('BILL0000102').password).toBe('abcdefg');
  });

  it('counts each method asked for, and lets a test seed its own accounts', async () => {
    const simulator = await carbon({ seed: carbonSeed().subscriber({ login: 'TEST-1', password: 'p', balance: '1.00' }).build() });
    expect(simulator.demoLogins).toEqual([{ login: 'TEST-1', password: 'p', description: 'A subscriber' }]);
    await systemApi(simulator, 'login', { login: 'TEST-1', passwd: 'p' });
    await systemApi(simulator, 'login', { login: 'TEST-1', passwd: 'x' });
    await restV2(simulator, 'Users', [['objects.get', { login: 'TEST-1' }], ['get_or_create_dynamic_session', {}]]);
    expect(simulator.calls).toEqual({ 'web_cabinet.login': 2, 'Users.objects.get': 1, 'Users.get_or_create_dynamic_session': 1 });
  });

  it('closes with a keep-alive connection open and a slow answer pending', async () => {
    const simulator = await carbon();
    simulator.setFault('slow');
    const url = new URL(systemApiUrl(simulator, 'user_info', { suid: '' }));
    const pending = new Promise<string>((resolve) => {
      const outgoing = request(url, { headers: { connection: 'keep-alive' } }, () => resolve('answered'));
      outgoing.on('error', () => resolve('cut'));
      outgoing.end();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await simulator.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBe('cut');
  });

  it('holds every answer back by answerDelayMs, a service time spent waiting, and still answers it whole', async () => {
    const simulator = await carbon({ answerDelayMs: 200 });
    const started = performance.now();
    const answers = await Promise.all([1, 2, 3, 4].map(() => systemApi(simulator, 'login', { login: 'BILL0000101', passwd: 'demo' })));
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(195);
    // Held back side by side, not one after another (800 ms): a delay, not a queue.
    expect(elapsed).toBeLessThan(700);
    expect(answers.map((answer) => typeof answer.session_id)).toEqual(['string', 'string', 'string', 'string']);
  });
});

describe('pythonJson', () => {
  it('writes like json.dumps with its defaults', () => {
    expect(pythonJson({ a: [1, 'б', null, true], b: { c: 'x"y' }, skipped: undefined })).toBe('{"a": [1, "\\u0431", null, true], "b": {"c": "x\\"y"}}');
    expect(pythonJson('№ 1')).toBe('"\\u2116 1"');
    expect(pythonJson([])).toBe('[]');
  });
});
