import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectPath, projectRoot } from '../../server/paths.js';

/**
 * Checks what the client build produced; builds it first unless dist/client is current, with
 * NODE_ENV=development as `NODE_ENV=development npm start` has it: the build must not follow it.
 */
const dist = projectPath('dist', 'client');

describe('the built PWA', () => {
  let sw = '';
  let html = '';
  let precached: string[] = [];

  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', 'client'], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development' } });
    sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    html = readFileSync(join(dist, 'index.html'), 'utf8');
    precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((match) => match[1] ?? '');
  });

  it('precaches the whole shell: the page, every script and style, the icons', () => {
    expect(precached).toContain('index.html');
    expect(precached).toEqual(expect.arrayContaining(['icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png']));
    for (const asset of html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)) expect(precached).toContain(asset[1]);
    expect(precached.some((url) => /^assets\/Services-.*\.js$/.test(url))).toBe(true);
    // Offline too, the page starts the worker that loads the number and date formats.
    expect(precached.some((url) => /^assets\/warm-up\.worker-.*\.js$/.test(url))).toBe(true);
  });

  it('never caches GraphQL, the demo outbox or the generated manifest, and has no runtime caching at all', () => {
    expect(precached.some((url) => /graphql|demo|manifest/.test(url))).toBe(false);
    expect(sw).toContain('denylist:[/^\\/graphql/,/^\\/demo\\//,/^\\/manifest\\.webmanifest/]');
    for (const strategy of ['NetworkFirst', 'CacheFirst', 'StaleWhileRevalidate', 'NetworkOnly']) expect(sw).not.toContain(strategy);
  });

  it('leaves the manifest to the BFF and links it, with the theme colour tag Lighthouse asks for', () => {
    expect(existsSync(join(dist, 'manifest.webmanifest'))).toBe(false);
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest" />');
    expect(html).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}" \/>/);
  });

  it("is the production bundle, with React's production runtime", () => {
    const scripts = precached.filter((url) => url.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    for (const script of scripts) expect(readFileSync(join(dist, script), 'utf8'), script).not.toContain('jsxDEV');
  });

  it('loads only the page language’s dictionary: each is its own precached chunk, none is in the entry', () => {
    const entry = /<script type="module" crossorigin src="\/(assets\/[^"]+)"/.exec(html)?.[1] ?? '';
    const code = readFileSync(join(dist, entry), 'utf8');
    // A word from each dictionary that no other text of the app uses.
    for (const [language, word] of [['uk', 'Головне'], ['ru', 'Главное'], ['en', 'As on this device']] as const) {
      expect(code, language).not.toContain(word);
      const chunk = precached.find((url) => url.startsWith(`assets/${language}-`) && url.endsWith('.js'));
      expect(chunk, language).toBeDefined();
      expect(readFileSync(join(dist, chunk ?? ''), 'utf8')).toContain(word);
    }
  });

  it('ships no GraphQL document text, only persisted hashes, each screen’s in its own chunk', () => {
    const entry = /<script type="module" crossorigin src="\/(assets\/[^"]+)"/.exec(html)?.[1] ?? '';
    const code = readFileSync(join(dist, entry), 'utf8');
    expect(code).toMatch(/sha256:[0-9a-f]{64}/);
    expect(code).not.toContain('selectionSet');
    // The first screen carries its own operations, not those of the screens loaded on demand.
    const operation = (name: string) => new RegExp(`value:["'\`]${name}["'\`]`);
    expect(code).toMatch(operation('Start'));
    expect(code).not.toMatch(operation('SpendingHistory'));
    const services = precached.find((url) => /^assets\/Services-.*\.js$/.test(url)) ?? '';
    expect(readFileSync(join(dist, services), 'utf8')).toMatch(operation('ConnectService'));
  });
});
