import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors.js';
import { CabinetError, upstreamError, upstreamUnavailable } from '../../../server/domain/errors.js';
import { storeUnavailable } from '../../../server/store/store.js';
import { DASHBOARD, ME, inProcessCabinet, signedInClient, type InProcessCabinet } from './in-process-cabinet.js';

const INTERNAL = 'Something went wrong on our side. Please try again in a minute.';
const STORE_DOWN = 'The cabinet cannot reach its storage right now. Please try again in a minute.';

describe('errors on the wire', () => {
  let cabinet: InProcessCabinet;
  beforeEach(async () => {
    cabinet = await inProcessCabinet();
  });
  afterEach(() => cabinet.close());

  it.each([
    ['NOT_ALLOWED', new CabinetError('NOT_ALLOWED', 'Your account is switched off.')],
    ['UPSTREAM_UNAVAILABLE', upstreamUnavailable('carbon5 get_user: timeout')],
    ['UPSTREAM_ERROR', upstreamError('carbon5 get_user: unexpected shape')],
    ['RATE_LIMITED', new CabinetError('RATE_LIMITED', 'Too many attempts.', { retryAfter: 30 })],
    ['STORE_UNAVAILABLE', storeUnavailable('redis get: not connected')],
  ] as const)('a CabinetError keeps its code %s and its safe message; the detail stays in the log', async (code, error) => {
    const client = await signedInClient(cabinet);
    cabinet.gateway.fail('getSubscriber', () => error);
    const answer = await client.request(ME);
    expect(answer.status).toBe(200);
    expect(answer.errors).toEqual([
      {
        message: error.message,
        path: ['me'],
        locations: expect.any(Array),
        extensions: { code, ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }) },
      },
    ]);
    if (error.detail) {
      expect(answer.text).not.toContain(error.detail);
      if (code !== 'NOT_ALLOWED' && code !== 'RATE_LIMITED') expect(cabinet.logs()).toContain(error.detail);
    }
  });

  it('our own bug is INTERNAL_ERROR: nothing of it reaches the client, the log has its stack', async () => {
    const client = await signedInClient(cabinet);
    cabinet.gateway.fail('getServices', () => new TypeError("Cannot read properties of undefined (reading 'usluga_id') at /srv/abonent/mapper.ts"));
    const answer = await client.request<{ me: { login: string } | null }>(DASHBOARD);
    expect(answer.status).toBe(200);
    expect(answer.errors).toEqual([{ message: INTERNAL, path: ['me', 'services'], locations: expect.any(Array), extensions: { code: 'INTERNAL_ERROR' } }]);
    expect(answer.text).not.toMatch(/usluga_id|mapper|TypeError|srv/);
    const logged = cabinet.logs().split('\n').find((line) => line.includes('unexpected error in a resolver'));
    expect(logged).toContain('"level":50');
    expect(logged).toMatch(/"stack":"TypeError: Cannot read properties of undefined/);
    expect(logged).toContain('"path":["me","services"]');
  });

  it('a store that fails under a resolver is STORE_UNAVAILABLE, not the billing and not a bug', async () => {
    const client = await signedInClient(cabinet);
    const sqliteBusy = new Database.SqliteError('database is locked', 'SQLITE_BUSY');
    cabinet.store.push.remove = () => Promise.reject(sqliteBusy);
    const answer = await client.request('mutation { unregisterPush(endpointOrToken: "https://push.example/abc") }');
    expect(answer.status).toBe(200);
    expect(answer.errors?.[0]).toMatchObject({ message: STORE_DOWN, extensions: { code: 'STORE_UNAVAILABLE' } });
    expect(answer.text).not.toContain('locked');
    expect(cabinet.logs()).toContain('"detail":"sqlite: SQLITE_BUSY"');
  });

  it('a statement we got wrong is still our bug, even when SQLite reports it', async () => {
    const client = await signedInClient(cabinet);
    cabinet.store.push.remove = () => Promise.reject(new Database.SqliteError('no such column: adress', 'SQLITE_ERROR'));
    const answer = await client.request('mutation { unregisterPush(endpointOrToken: "https://push.example/abc") }');
    expect(answer.errors?.[0]).toEqual({ message: INTERNAL, path: ['unregisterPush'], locations: expect.any(Array), extensions: { code: 'INTERNAL_ERROR' } });
    expect(answer.text).not.toContain('adress');
  });

  it('every code on the wire is from the closed list', async () => {
    const client = await signedInClient(cabinet);
    cabinet.gateway.fail('getSpends', () => new Error('boom'));
    cabinet.gateway.fail('getPayments', () => upstreamUnavailable('x'));
    const answer = await client.request('{ a: me { spends { name } } b: me { payments { date } } }');
    const codes = answer.errors?.map((error) => error.extensions?.code);
    expect(codes?.sort()).toEqual(['INTERNAL_ERROR', 'UPSTREAM_UNAVAILABLE']);
    for (const code of codes ?? []) expect(ERROR_CODES).toContain(code);
  });
});
