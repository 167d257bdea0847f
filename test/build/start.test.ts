import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectPath, projectRoot } from '../../server/paths.js';

/** Output of a process so far, and its exit once it has exited. */
function watch(child: ChildProcess) {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const waitFor = async (pattern: RegExp) => {
    const deadline = Date.now() + 60_000;
    while (!pattern.test(output)) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`never printed ${pattern}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  return { output: () => output, exit, waitFor };
}

const demoEnv = () => {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'abonent-start-')) };
  delete env.BILLING_URL;
  return env;
};

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('npm start (scripts/start.mjs)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: projectRoot, stdio: 'inherit' });
  });

  it('starts a current build without building it, runs the demo without a BILLING_URL, and stops on SIGTERM', async () => {
    const start = spawn(process.execPath, ['scripts/start.mjs'], { cwd: projectRoot, env: demoEnv() });
    running.push(start);
    const started = watch(start);
    await started.waitFor(/Demo logins:/);
    expect(started.output()).toContain('build: dist/client is current');
    expect(started.output()).toContain('build: dist/server is current');
    expect(started.output()).toContain('BILL0000101');

    start.kill('SIGTERM');
    const { code, signal } = await started.exit;
    expect(code === 0 || signal === 'SIGTERM').toBe(true);
    expect(started.output()).toMatch(/"msg":"stopped"/);
  });
});

describe('the compiled server', () => {
  it('refuses to start without the persisted operations beside it, saying which file and what to run', async () => {
    // A copy of the build without the manifest, beside the libraries and the contract it needs.
    const install = mkdtempSync(join(tmpdir(), 'abonent-install-'));
    try {
      cpSync(projectPath('package.json'), join(install, 'package.json'));
      symlinkSync(projectPath('node_modules'), join(install, 'node_modules'));
      symlinkSync(projectPath('shared'), join(install, 'shared'));
      mkdirSync(join(install, 'dist'));
      cpSync(projectPath('dist', 'server'), join(install, 'dist', 'server'), { recursive: true });
      cpSync(projectPath('dist', 'shared'), join(install, 'dist', 'shared'), { recursive: true });
      rmSync(join(install, 'dist', 'server', 'persisted-documents.json'));

      const server = spawn(process.execPath, [join(install, 'dist', 'server', 'main.js'), '--demo'], { cwd: install, env: demoEnv() });
      running.push(server);
      const started = watch(server);
      const { code } = await started.exit;
      expect(code).toBe(2);
      expect(started.output()).toContain(`The PWA's persisted operations are missing (${join(install, 'dist', 'server', 'persisted-documents.json')})`);
      expect(started.output()).not.toMatch(/listening/i);
    } finally {
      rmSync(install, { recursive: true, force: true });
    }
  });
});

describe('the compiled server whose log reader went away', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', 'server'], { cwd: projectRoot, stdio: 'inherit' });
  });

  it('still stops on SIGTERM when its stdout pipe was closed before its last log lines', async () => {
    const server = spawn(process.execPath, ['dist/server/main.js', '--demo'], { cwd: projectRoot, env: demoEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    running.push(server);
    let banner = '';
    const url = await new Promise<string>((resolve) => {
      server.stdout.on('data', (chunk: Buffer) => {
        banner += chunk.toString();
        const found = /open (http:\/\/\S+)/.exec(banner);
        if (found) resolve(found[1]!);
      });
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // The reader of the log (a pager, a crashed collector) closes its end before the server's last lines.
    server.stdout.destroy();
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 5000))]);
    expect(code).toBe(0);
  });
});
