import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../server/logger.js';
import { requestIdFor, runInRequest } from '../../../server/observability/request-context.js';

function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('debug', sink), entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>), text: () => lines.join('') };
}

describe('structured logs', () => {
  it('redact secrets by configuration, wherever a careless call puts them', () => {
    const { logger, text, entries } = capture();
    const secrets = {
      password: 'pw-plain-1',
      identity: { login: 'BILL1', secret: 'suid-144997776676316356' },
      headers: { cookie: 'abonent_session=cookie-value-1', authorization: 'Bearer bearer-value-1' },
      config: {
        REDIS_URL: 'redis://:redis-pass-1@10.0.0.5:6379',
        DATABASE_URL: 'postgresql://abonent:pg-pass-1@10.0.0.6/abonent',
        METRICS_TOKEN: 'metrics-token-value-1',
        CARBON_API_PASSWORD: 'carbon-psw-1',
        UBILLING_SERIAL: 'UBserial0123456789',
      },
      options: { serial: 'UBserial9876543210', apiPassword: 'api-psw-2', uberpassword: 'md5-value-1' },
    };
    logger.info(secrets, 'a careless line');
    logger.warn({ request: { password: 'pw-nested-2', code: 'RESETC' } }, 'another');
    for (const value of ['pw-plain-1', 'suid-144997776676316356', 'cookie-value-1', 'bearer-value-1', 'redis-pass-1', 'pg-pass-1', 'metrics-token-value-1', 'carbon-psw-1', 'UBserial', 'api-psw-2', 'md5-value-1', 'pw-nested-2', 'RESETC']) {
      expect(text()).not.toContain(value);
    }
    expect(entries()[0]).toMatchObject({ level: 30, msg: 'a careless line', identity: { login: 'BILL1', secret: '[redacted]' } });
  });

  it("keep an error's code, ours or Node's, while a reset code stays redacted", () => {
    const { logger, entries } = capture();
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    logger.warn({ err: refused, code: 'UPSTREAM_UNAVAILABLE' }, 'billing down');
    logger.warn({ err: Object.assign(new Error('timeout'), { code: 'UND_ERR_CONNECT_TIMEOUT' }), args: { code: '7Q4K9Z' } }, 'slow');
    expect(entries()[0]).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', err: { code: 'ECONNREFUSED' } });
    expect(entries()[1]).toMatchObject({ err: { code: 'UND_ERR_CONNECT_TIMEOUT' }, args: { code: '[redacted]' } });
  });

  it("carry the request's id on every line written while it is handled, and none outside", async () => {
    const { logger, entries } = capture();
    await runInRequest({ requestId: 'req-00000001', logger }, async () => {
      logger.info('in the request');
      await new Promise((resolve) => setTimeout(resolve, 5));
      logger.debug({ call: 'carbon5 web_cabinet.get_user' }, 'billing call');
    });
    logger.info('outside');
    expect(entries().map((entry) => [entry.msg, entry.requestId])).toEqual([
      ['in the request', 'req-00000001'],
      ['billing call', 'req-00000001'],
      ['outside', undefined],
    ]);
  });
});

describe('request ids', () => {
  it("keep a trusted proxy's well-formed id and make a new one otherwise", () => {
    expect(requestIdFor('0123456789abcdef0123456789abcdef', true)).toBe('0123456789abcdef0123456789abcdef');
    expect(requestIdFor('0123456789abcdef0123456789abcdef', false)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor('short', true)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor('has a space in it', true)).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor(undefined, true)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
