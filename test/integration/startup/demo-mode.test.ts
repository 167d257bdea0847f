import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The server as the systemd unit runs it (`node dist/server/main.js`, here through tsx) serves the
 * demo only when told: a production start without BILLING_URL must not quietly serve fake
 * subscribers, the outbox of reset codes and auto-login from loopback.
 */
interface Run {
  stdout: string;
  stderr: string;
  /** The exit code, or null while it runs. */
  code: number | null;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

const dataDirs: string[] = [];
const running: Run[] = [];

function runServer(env: Record<string, string>, args: string[] = []): Run {
  const dataDir = mkdtempSync(join(tmpdir(), 'abonent-demo-mode-'));
  dataDirs.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    // Only what the test sets: no BILLING_URL or DEMO leaks in from the developer's shell.
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = {
    stdout: '',
    stderr: '',
    code: null,
    exited: once(child, 'exit').then(([code]) => (run.code = code as number | null)),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return run.exited;
    },
  };
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  running.push(run);
  return run;
}

/** Resolves with the URL the demo banner prints once the server listens; rejects if it exits first. */
async function demoUrl(run: Run): Promise<string> {
  const deadline = Date.now() + 25_000;
  while (Date.now() < deadline) {
    const match = /Abonent demo on .*: open (http:\/\/\S+)/.exec(run.stdout);
    if (match && run.stdout.includes('Demo logins:')) return match[1]!;
    if (run.code !== null) throw new Error(`exited with ${run.code} before serving the demo:\n${run.stderr}${run.stdout}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no demo banner in time:\n${run.stderr}${run.stdout}`);
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((run) => run.stop()));
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the demo is explicit', () => {
  it('refuses to start without BILLING_URL, naming it, and touches no store', async () => {
    const run = runServer({});
    expect(await run.exited).toBe(2);
    expect(run.stderr).toMatch(/BILLING_URL is not set/);
    expect(run.stderr).toMatch(/DEMO=true/);
    expect(run.stdout).not.toMatch(/Demo logins|Abonent is listening/);
    expect(readdirSync(dataDirs[0]!)).toEqual([]);
  });

  it('serves the demo with DEMO=true: its logins, the outbox, the cabinet marked as a demo', async () => {
    const run = runServer({ DEMO: 'true', ALLOW_ARBITRARY_OPERATIONS: 'true' });
    const url = await demoUrl(run);
    expect(run.stdout).toMatch(/Abonent demo on a simulated Carbon Billing 5/);
    expect(run.stdout).toMatch(/BILL0000101 +password: demo/);
    const outbox = await fetch(`${url}/demo/outbox`);
    expect(outbox.status).toBe(200);
    expect(await outbox.json()).toEqual([]);
    const cabinet = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-graphql-csrf': '1' },
      body: JSON.stringify({ query: '{ cabinet { billingKind demo } }' }),
    });
    expect(await cabinet.json()).toEqual({ data: { cabinet: { billingKind: 'CARBON5', demo: true } } });
    expect(await run.stop()).toBe(0);
  });

  it('takes --demo as DEMO=true, for every billing (here Ubilling, whose simulator loads only now)', async () => {
    const run = runServer({ BILLING_KIND: 'ubilling' }, ['--demo']);
    await demoUrl(run);
    expect(run.stdout).toMatch(/Abonent demo on a simulated Ubilling/);
    expect(run.stdout).toMatch(/ivanov +password: ivanov-demo/);
  });

  it('refuses DEMO together with a BILLING_URL rather than pick one', async () => {
    const run = runServer({ DEMO: 'true', BILLING_URL: 'http://127.0.0.1:9/' });
    expect(await run.exited).toBe(2);
    expect(run.stderr).toMatch(/DEMO: the demo runs on a simulated billing/);
    expect(run.stdout).not.toMatch(/Demo logins/);
  });
});
