import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../../../server/config.js';
import { projectPath } from '../../../server/paths.js';
import { createPwaRouter } from '../../../server/pwa/router.js';
import { configuredManifest } from '../../support/manifest.js';

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <title>Abonent</title>
    <meta name="theme-color" content="#0b5cad" />
    <link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />
  </head>
  <body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body>
</html>
`;

const CABINET = { CABINET_NAME: 'Мережа <Плюс> & Co', CABINET_SHORT_NAME: 'Мережа+', CABINET_THEME_COLOR: '#c2185b' };
const config = loadConfig(CABINET);

async function serve(distDir: string, served: Config = config): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use(createPwaRouter(served, distDir));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('the PWA router', () => {
  let dist: string;
  let url: string;
  let server: Server;
  const page = (path: string, headers: Record<string, string> = {}) => fetch(url + path, { headers: { accept: 'text/html', ...headers } });

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'abonent-pwa-'));
    mkdirSync(join(dist, 'assets'));
    mkdirSync(join(dist, 'icons'));
    writeFileSync(join(dist, 'index.html'), TEMPLATE);
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync('console.log(1)'));
    writeFileSync(join(dist, 'assets', 'index-abc123.js.gz'), gzipSync('console.log(1)'));
    writeFileSync(join(dist, 'sw.js'), 'self.x = 1');
    writeFileSync(join(dist, 'icons', 'icon-192.png'), 'png');
    ({ url, server } = await serve(dist));
  });

  afterAll(() => {
    server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('generates the manifest from the configuration', async () => {
    const response = await fetch(`${url}/manifest.webmanifest`, { headers: { 'accept-language': 'ru-RU,ru;q=0.9' } });
    expect(response.headers.get('content-type')).toContain('application/manifest+json');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const manifest = (await response.json()) as Record<string, unknown>;
    expect(manifest).toMatchObject(configuredManifest(CABINET, 'ru'));
    expect(manifest.icons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sizes: '192x192', type: 'image/png' }),
        expect.objectContaining({ sizes: '512x512', purpose: 'any' }),
        expect.objectContaining({ sizes: '512x512', purpose: 'maskable' }),
      ]),
    );
  });

  it('labels the manifest English when the browser names no language the PWA speaks', async () => {
    const manifest = (await (await fetch(`${url}/manifest.webmanifest`, { headers: { 'accept-language': 'de' } })).json()) as { lang: string };
    expect(manifest.lang).toBe('en');
  });

  it('fills the ISP’s name (escaped) and colour into the page, the same for every browser, never cached', async () => {
    const response = await page('/', { 'accept-language': 'uk' });
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('vary')).toBeNull();
    const html = await response.text();
    expect(html).toContain('<title>Мережа &lt;Плюс&gt; &amp; Co</title>');
    expect(html).toContain('<meta name="theme-color" content="#c2185b" />');
    expect(await (await page('/index.html')).text()).toContain('<title>Мережа &lt;Плюс&gt; &amp; Co</title>');
  });

  it('caches hashed assets for a year and revalidates the service worker', async () => {
    expect((await fetch(`${url}/assets/index-abc123.js`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${url}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${url}/icons/icon-192.png`)).headers.get('cache-control')).toBe('public, max-age=86400');
  });

  it('sends the build’s brotli or gzip copy of a script to a browser that takes it', async () => {
    const brotli = await fetch(`${url}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toContain('text/javascript');
    expect(brotli.headers.get('vary')).toContain('Accept-Encoding');
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await brotli.text()).toBe('console.log(1)');
    const gzip = await fetch(`${url}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe('console.log(1)');
    const identity = await fetch(`${url}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(await identity.text()).toBe('console.log(1)');
  });

  it('answers in-app addresses with the shell, but not the API, the demo JSON, missing files or other methods', async () => {
    for (const path of ['/services', '/reset?ticket=abc&code=123456', '/outbox']) {
      const response = await page(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<div id="root">');
    }
    expect((await page('/graphql')).status).toBe(404);
    expect((await page('/demo/outbox')).status).toBe(404);
    expect((await page('/assets/index-gone.js')).status).toBe(404);
    expect((await fetch(`${url}/services`, { method: 'POST', headers: { accept: 'text/html' } })).status).toBe(404);
    expect((await fetch(`${url}/services`, { headers: { accept: 'application/json' } })).status).toBe(404);
  });

  it('says to build when dist/client is missing, and still serves the manifest', async () => {
    const missing = await serve(join(dist, 'not-built'));
    try {
      const response = await fetch(`${missing.url}/services`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/npm run build/);
      expect((await fetch(`${missing.url}/manifest.webmanifest`)).status).toBe(200);
      expect((await fetch(`${missing.url}/graphql`)).status).toBe(404);
    } finally {
      missing.server.close();
    }
  });
});

describe('the PWA router with the ISP’s logo', () => {
  const logoPath = projectPath('test', 'fixtures', 'logo-512.png');
  const logoBytes = readFileSync(logoPath);
  let dist: string;
  let url: string;
  let server: Server;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'abonent-pwa-'));
    writeFileSync(join(dist, 'index.html'), TEMPLATE);
    ({ url, server } = await serve(dist, loadConfig({ ...CABINET, CABINET_LOGO: logoPath })));
  });

  afterAll(() => {
    server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const logoUrl = async () => {
    const html = await (await fetch(`${url}/`, { headers: { accept: 'text/html' } })).text();
    return /<meta name="cabinet-logo" content="([^"]+)" \/>/.exec(html)?.[1] ?? '';
  };

  it('names the logo in the page for the header and makes it the tab’s icon', async () => {
    const html = await (await fetch(`${url}/`, { headers: { accept: 'text/html' } })).text();
    const logo = await logoUrl();
    expect(logo).toMatch(/^\/brand\/logo-[0-9a-f]{16}\.png$/);
    expect(html).toContain(`<link rel="icon" href="${logo}" type="image/png" />`);
    expect(html).not.toContain('/icons/icon.svg');
  });

  it('serves the logo under its hash for a year, as a picture that runs nothing', async () => {
    const response = await fetch(url + (await logoUrl()));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(Buffer.from(await response.arrayBuffer()).equals(logoBytes)).toBe(true);
  });

  it('sends a shell that asks for an earlier logo to the current one', async () => {
    const response = await fetch(`${url}/brand/logo-0123456789abcdef.png`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(await logoUrl());
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('makes a logo of 512 px the app’s icon in the manifest, keeping the bundled maskable one', async () => {
    const manifest = (await (await fetch(`${url}/manifest.webmanifest`)).json()) as { icons: unknown[] };
    expect(manifest.icons).toEqual([
      { src: await logoUrl(), sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ]);
  });

  it('without a logo: no logo in the page, the bundled icons, and no logo to fetch', async () => {
    const plain = await serve(dist);
    try {
      const html = await (await fetch(`${plain.url}/`, { headers: { accept: 'text/html' } })).text();
      expect(html).not.toContain('cabinet-logo');
      expect(html).toContain('<link rel="icon" href="/icons/icon.svg" type="image/svg+xml" />');
      expect((await fetch(`${plain.url}/brand/logo-0123456789abcdef.png`)).status).toBe(404);
    } finally {
      plain.server.close();
    }
  });

  it('refuses to start with a logo file it cannot read, naming CABINET_LOGO', () => {
    const missing = loadConfig({ CABINET_LOGO: join(dist, 'logo.png') });
    expect(() => createPwaRouter(missing, dist)).toThrow(ConfigError);
    expect(() => createPwaRouter(missing, dist)).toThrow(/CABINET_LOGO: cannot read .*logo\.png \(ENOENT\)/);
  });
});
