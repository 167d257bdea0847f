/**
 * What the BFF itself costs per request: the dashboard query through the BFF against the Carbon
 * simulator, and the same billing reads made directly with the Carbon adapter, in one run, with the
 * same concurrency. Prints requests per second, p50 and p99 for both and their ratio.
 * Then the scale-out figure: the same query through one instance on Redis + PostgreSQL, and through
 * two instances sharing them (requests alternate between the two, as a balancer would spread them).
 * Every process shares the same two cores, so the second instance shows what it costs and what
 * headroom is left, not what a second machine would add.
 * Run: npm run bench  (not part of npm test; the scale-out rows need Redis and PostgreSQL on loopback)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { TEST_DATABASE_URL, TEST_REDIS_URL, isolatedPlace, missingServers, removePlace } from '../integration/store/servers.js';
import { DASHBOARD, LOGIN } from '../support/operations.js';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 8) * 1000;
const WARMUP_MS = 2000;
const LOGIN_NAME = 'BILL0000101';

/**
 * Everything measured runs the compiled code that ships (`npm run build:server`, which `npm run bench`
 * does first): under tsx's on-the-fly transpiling the BFF is several times slower than in production.
 */
const compiled = <T>(module: string) => import(new URL(`../../dist/server/${module}`, import.meta.url).href) as Promise<T>;
const { createCarbon5Gateway } = await compiled<typeof import('../../server/billing/carbon5/gateway.js')>('billing/carbon5/gateway.js');
const { RequestSession } = await compiled<typeof import('../../server/domain/gateway.js')>('domain/gateway.js');

function start(args: string[], env: Record<string, string>, pick: (line: Record<string, unknown>) => string | undefined): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (text) => {
      try {
        const url = pick(JSON.parse(text) as Record<string, unknown>);
        if (url) resolve({ child, url });
      } catch {
        // the demo banner and other plain lines
      }
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

/** CPU time a process has used so far, in ms (Linux /proc; clock ticks are 10 ms here). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Figures {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU a process spent per measured request, in ms, when its pid was given. */
  cpuPerRequest: number | null;
}

async function measure(run: () => Promise<void>, cpuOf?: number): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  const worker = async (until: number, record: boolean) => {
    while (performance.now() < until) {
      const started = performance.now();
      try {
        await run();
        if (record) latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(performance.now() + WARMUP_MS, false)));
  const cpuBefore = cpuOf === undefined ? 0 : cpuMs(cpuOf);
  const began = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(began + DURATION_MS, true)));
  const elapsed = (performance.now() - began) / 1000;
  const cpuPerRequest = cpuOf === undefined ? null : (cpuMs(cpuOf) - cpuBefore) / Math.max(1, latencies.length);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? Number.NaN;
  return { requests: latencies.length, perSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors, cpuPerRequest };
}

// The Carbon simulator in a process of its own, so the benchmark does not measure it against itself.
const simulator = await start(
  ['--input-type=module', '-e', "const { startCarbon5Simulator } = await import('./dist/server/billing/carbon5/simulator.js'); const s = await startCarbon5Simulator({ writeDelayMs: 0 }); console.log(JSON.stringify({ url: s.url }));"],
  {},
  (line) => line.url as string | undefined,
);
const startBff = (env: Record<string, string> = {}) =>
  start(
    ['dist/server/main.js'],
    { BILLING_URL: simulator.url, PORT: '0', HOST: '127.0.0.1', ALLOW_ARBITRARY_OPERATIONS: 'true', DATA_DIR: `/tmp/abonent-bench-${process.pid}`, LOG_LEVEL: 'info', ...env },
    (line) => (line.msg === 'Abonent is listening' ? (line.url as string) : undefined),
  );
const bff = await startBff();
const headers: Record<string, string> = { 'content-type': 'application/json', 'x-graphql-csrf': '1' };
const dashboardBody = JSON.stringify({ query: DASHBOARD });
const signIn = async (url: string) => {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query: LOGIN, variables: { login: LOGIN_NAME, password: 'demo' } }) });
  return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
};
const dashboard = async (url: string, cookie: string) => {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { ...headers, cookie }, body: dashboardBody });
  const result = (await response.json()) as { errors?: unknown };
  if (result.errors) throw new Error(JSON.stringify(result.errors));
};

try {
  const cookie = await signIn(bff.url);
  const throughBff = await measure(() => dashboard(bff.url, cookie), bff.child.pid);

  // The same reads the dashboard resolvers make, straight from the adapter to the billing.
  const gateway = createCarbon5Gateway({ url: simulator.url, timeoutMs: 5000, currency: 'UAH' });
  const identity = await gateway.login(LOGIN_NAME, 'demo');
  const direct = await measure(async () => {
    const session = new RequestSession(identity);
    await Promise.all([gateway.getSubscriber(session), gateway.getSpends(session), gateway.getServices(session), gateway.getPromisePay(session)]);
  }, process.pid);

  const row = (name: string, f: Figures) =>
    `${name.padEnd(28)} ${f.perSecond.toFixed(0).padStart(8)} ${f.p50.toFixed(2).padStart(9)} ${f.p99.toFixed(2).padStart(9)} ${String(f.errors).padStart(7)}`;
  console.log(`\nDashboard, ${CONCURRENCY} concurrent clients, ${DURATION_MS / 1000} s after ${WARMUP_MS / 1000} s warm-up (2 cores shared by all processes)`);
  console.log(`${'path'.padEnd(28)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'errors'.padStart(7)}`);
  console.log(row('through the BFF (GraphQL)', throughBff));
  console.log(row('billing reads made directly', direct));
  console.log(
    `BFF / direct: throughput ${(throughBff.perSecond / direct.perSecond).toFixed(2)}x, p50 ${(throughBff.p50 / direct.p50).toFixed(2)}x, p99 ${(throughBff.p99 / direct.p99).toFixed(2)}x; BFF cost per request ≈ ${(throughBff.p50 - direct.p50).toFixed(2)} ms at p50`,
  );
  console.log(
    `CPU per dashboard: the BFF process ${throughBff.cpuPerRequest?.toFixed(2)} ms (GraphQL, session, 4 billing calls out, 1 answer back); the process making the reads directly ${direct.cpuPerRequest?.toFixed(2)} ms`,
  );
  await gateway.close();

  const missing = await missingServers();
  if (missing) {
    console.log(`\nScale-out figure skipped: ${missing}`);
  } else {
    const place = isolatedPlace();
    const shared = { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: place.keyPrefix, DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: place.schema };
    const instances = [await startBff(shared), await startBff(shared)];
    try {
      const [first, second] = instances.map((instance) => instance.url) as [string, string];
      // One session, opened on the first instance, used on both: the store is what makes that work.
      const sharedCookie = await signIn(first);
      const one = await measure(() => dashboard(first, sharedCookie));
      let turn = 0;
      const two = await measure(() => dashboard((turn += 1) % 2 ? first : second, sharedCookie));
      console.log(`\nScale-out: the same dashboard through Redis + PostgreSQL, ${CONCURRENCY} concurrent clients in all`);
      console.log(`${'path'.padEnd(28)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'errors'.padStart(7)}`);
      console.log(row('one instance', one));
      console.log(row('two instances, shared store', two));
      console.log(`two / one: throughput ${(two.perSecond / one.perSecond).toFixed(2)}x, p50 ${(two.p50 / one.p50).toFixed(2)}x, p99 ${(two.p99 / one.p99).toFixed(2)}x`);
    } finally {
      for (const instance of instances) instance.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await removePlace(place);
    }
  }
} finally {
  bff.child.kill('SIGTERM');
  simulator.child.kill('SIGTERM');
}
