import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { billingCircuit, callUpstream } from '../../../server/billing/upstream.js';
import { failure } from '../../support/expectations.js';

/**
 * The billing-call helper against a billing on loopback whose answers the test scripts: reads are
 * repeated after quick failures and writes never are; a billing that stops answering opens its
 * circuit, and a probe closes it again.
 */
type Answer = number | 'hang';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

/** A billing that answers each request with the next scripted status (the last one repeats). */
async function billing(script: Answer[]) {
  let received = 0;
  const server = createServer((_request, response) => {
    const answer = script[Math.min(received, script.length - 1)]!;
    received += 1;
    if (answer === 'hang') return;
    response.writeHead(answer, { 'content-type': 'text/plain' }).end(answer === 200 ? 'fine' : 'not fine');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return {
    url,
    received: () => received,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
    restart: () => new Promise<void>((resolve) => server.listen(Number(url.port), '127.0.0.1', resolve)),
  };
}


const call = (url: URL, read: boolean, timeoutMs = 1000) => callUpstream({ name: 'test call', url, timeoutMs, read });

describe('billing calls', () => {
  it('repeat a read after a quick failure, with a short random pause', async () => {
    const fake = await billing([503, 502, 200]);
    const started = performance.now();
    expect((await call(fake.url, true)).body).toBe('fine');
    expect(fake.received()).toBe(3);
    expect(performance.now() - started).toBeLessThan(600);
  });

  it('send a write once, whatever the answer', async () => {
    const fake = await billing([503, 200]);
    expect((await failure(call(fake.url, false))).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(fake.received()).toBe(1);
  });

  it('do not repeat a read that timed out, nor one the billing asked to slow down (429)', async () => {
    const slow = await billing(['hang', 200]);
    expect((await failure(call(slow.url, true, 200))).detail).toBe('test call: no answer within 200 ms');
    expect(slow.received()).toBe(1);
    const throttled = await billing([429, 200]);
    expect((await failure(call(throttled.url, true))).detail).toBe('test call: HTTP 429');
    expect(throttled.received()).toBe(1);
  });

  it('give up on a read after three tries', async () => {
    const fake = await billing([500]);
    expect((await failure(call(fake.url, true))).detail).toBe('test call: HTTP 500');
    expect(fake.received()).toBe(3);
  });

  it('keep the circuit closed on HTTP 500: the billing answers, other calls may work', async () => {
    const fake = await billing([500, 500, 500, 500, 500, 500, 500, 500, 200]);
    for (let attempt = 0; attempt < 8; attempt += 1) await failure(call(fake.url, false));
    expect((await call(fake.url, false)).body).toBe('fine');
  });

  it('open the circuit of a billing that stopped answering, fail fast while open, and close it after a probe', async () => {
    const fake = await billing([200]);
    await fake.stop();
    for (let attempt = 0; attempt < 5; attempt += 1) expect((await failure(call(fake.url, false))).detail).toMatch(/^test call: ECONNREFUSED/);
    expect(billingCircuit()).toBe('open');
    await fake.restart();
    const refused = await failure(call(fake.url, true));
    expect(refused.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(refused.detail).toBe('test call: not sent, the billing failed 5 times in a row (circuit open)');
    expect(fake.received()).toBe(0);

    // The first pause is 1 to 2 seconds; then one call goes through, and its success closes the circuit.
    await sleep(2100);
    expect((await call(fake.url, true)).body).toBe('fine');
    expect(billingCircuit()).toBe('closed');
    expect(fake.received()).toBe(1);
  });
});
