import { request } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientTls } from '../../../server/billing/carbon-legacy/certificates.js';
import { createTestPki } from '../../../server/billing/carbon-legacy/test-pki.js';
import { CARBON_LEGACY_TEXTS, windows1251, type CarbonLegacySimulator } from '../../../server/billing/carbon-legacy/simulator.js';
import { closeWorlds, OPERATOR, seedWith, startWorld, testPki } from './world.js';

afterEach(closeWorlds);

interface Reply {
  status: number;
  contentType: string;
  bytes: Buffer;
}

/** A raw HTTPS GET, to see the billing's bytes and its TLS refusals without the adapter in between. */
function get(simulator: CarbonLegacySimulator, path: string, tls: ClientTls): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const outgoing = request(new URL(path, simulator.url), { ...tls, agent: false }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, contentType: incoming.headers['content-type'] ?? '', bytes: Buffer.concat(chunks) }));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const apiPhp = (procedure: string, ...args: string[]) =>
  `/api.php?${new URLSearchParams([['cmd', 'execute'], ['proc', procedure], ...args.map((arg, index) => [`arg${index + 1}`, arg])]).toString()}`;

async function world() {
  const { simulator, pki } = await startWorld();
  const tls: ClientTls = { pfx: pki.client.pfx, passphrase: pki.client.passphrase, ca: pki.ca.cert };
  const call = async (path: string) => {
    const reply = await get(simulator, path, tls);
    return { ...reply, text: new TextDecoder('windows-1251').decode(reply.bytes) };
  };
  const suid = /<suid>(\d+)<\/suid>/.exec((await call(apiPhp('CLN_AUTH_LOGIN', OPERATOR.login, OPERATOR.password, '0'))).text)?.[1] ?? '';
  return { simulator, pki, tls, call, suid };
}

describe('the Carbon legacy simulator speaks api.php', () => {
  it('admits only a client certificate its CA signed', async () => {
    const { simulator, pki } = await world();
    const stranger = await createTestPki('Stranger');
    await expect(get(simulator, apiPhp('CLN_AUTH_LOGIN'), { ca: pki.ca.cert })).rejects.toThrow();
    await expect(get(simulator, apiPhp('CLN_AUTH_LOGIN'), { cert: stranger.client.cert, key: stranger.client.key, ca: pki.ca.cert })).rejects.toThrow();
    expect(simulator.refusedConnections).toBe(2);
    expect((await get(simulator, apiPhp('CLN_AUTH_LOGIN'), { cert: pki.client.cert, key: pki.client.key, ca: pki.ca.cert })).status).toBe(200);
  });

  it('answers with XML in windows-1251: the declaration, <response>, one <row> per row, lower-case fields', async () => {
    const { call, suid } = await world();
    expect(suid).toMatch(/^\d{9}$/);
    const reply = await call(apiPhp('CLN_USR_GET', suid, '1001'));
    expect(reply.status).toBe(200);
    expect(reply.contentType).toBe('text/xml');
    expect(reply.text).toMatch(/^<\?xml version="1\.0" encoding="windows-1251"\?>\n<response>\n<row><user_id>1001<\/user_id><parent_id>2<\/parent_id><tarif_id>21<\/tarif_id>/);
    expect(reply.bytes.includes(windows1251('<name>Иванов Пётр Сергеевич</name>'))).toBe(true);
    expect(reply.bytes.includes(Buffer.from('Иванов', 'utf8'))).toBe(false);
    expect(reply.text).toContain('<gen_pwd>demo</gen_pwd>');
    expect(reply.text).toContain('<tarif_txt>21 Домашний 100</tarif_txt>');
    expect(reply.text).toContain('<psw></psw>');
  });

  it('writes Ukrainian letters in windows-1251 and what the code page lacks as "?"', () => {
    expect([...windows1251('Її Єє Ґґ Іі')]).toEqual([0xaf, 0xbf, 0x20, 0xaa, 0xba, 0x20, 0xa5, 0xb4, 0x20, 0xb2, 0xb3]);
    expect(windows1251('ok😀ł').toString('latin1')).toBe('ok??');
  });

  it('escapes XML in values', async () => {
    const seed = seedWith((builder) => builder.subscriber({ login: 'quotes', fullName: 'O\'Brien & <Sons> "Ltd"' }));
    const { simulator, pki } = await startWorld({ seed });
    const tls = { pfx: pki.client.pfx, passphrase: pki.client.passphrase, ca: pki.ca.cert };
    const suid = /<suid>(\d+)<\/suid>/.exec((await get(simulator, apiPhp('CLN_AUTH_LOGIN', OPERATOR.login, OPERATOR.password, '0'), tls)).bytes.toString('latin1'))?.[1] ?? '';
    const reply = (await get(simulator, apiPhp('CLN_USR_GET', suid, '1001'), tls)).bytes.toString('latin1');
    expect(reply).toContain('<name>O&apos;Brien &amp; &lt;Sons&gt; &quot;Ltd&quot;</name>');
  });

  it('refuses in HTTP 200 with a Firebird exception: a bad SUID, a wrong operator, too many arguments, an unknown procedure, a malformed number', async () => {
    const { call, suid } = await world();
    const error = async (path: string) => /<error>([^<]*)<\/error>/.exec((await call(path)).text)?.[1]?.replaceAll('&apos;', "'").replaceAll('&quot;', '"');
    expect(await error(apiPhp('CLN_USR_GET', '123', '1001'))).toBe(`exception 1 E_BAD_SUID ${CARBON_LEGACY_TEXTS.badSuid} At procedure 'CLN_USR_GET' line: 17, col: 5`);
    expect(await error(apiPhp('CLN_AUTH_LOGIN', OPERATOR.login, 'guess', '0'))).toContain(CARBON_LEGACY_TEXTS.badOperator);
    expect(await error(apiPhp('CLN_USR_GET', suid, '1001', '3'))).toBe('Dynamic SQL Error Input parameter mismatch for procedure CLN_USR_GET');
    expect(await error(apiPhp('CLN_USR_DELETE', suid))).toContain('Procedure unknown CLN_USR_DELETE');
    expect(await error(apiPhp('CLN_USR_GET', suid, '1001 OR 1=1'))).toBe('conversion error from string "1001 OR 1=1"');
  });

  it('finds users the way CONTAINING does, and takes the 24 arguments of the seen clients', async () => {
    const { call, suid } = await world();
    const find = (login: string) => apiPhp('CLN_USR_FIND_2', suid, 'null', login, ...Array<string>(21).fill('null'));
    const ids = (text: string) => [...text.matchAll(/<id>(\d+)<\/id>/g)].map((match) => match[1]);
    expect(ids((await call(find('ivanov'))).text)).toEqual(['1001']);
    expect(ids((await call(find('O'))).text)).toEqual(['1001', '1002', '1003']);
    expect(ids((await call(find('nobody'))).text)).toEqual([]);
    expect((await call(find('nobody'))).text).toBe('<?xml version="1.0" encoding="windows-1251"?>\n<response>\n\n</response>\n');
  });

  it('answers 404 off api.php, and counts what it was asked', async () => {
    const { simulator, call } = await world();
    expect((await call('/index.php')).status).toBe(404);
    expect(simulator.calls).toEqual({ CLN_AUTH_LOGIN: 1 });
    expect(simulator.demoLogins.map((demo) => demo.login)).toEqual(['ivanov', 'kovalenko', 'sidorov', 'melnik']);
    expect(simulator.outbox()).toEqual([]);
    expect((await testPki()).client.passphrase).toMatch(/^[0-9a-f]{24}$/);
  });
});
