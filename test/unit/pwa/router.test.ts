import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { createPwaRouter } from '../../../server/pwa/router.js';

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <title>Abonent</title>
    <meta name="theme-color" content="#0b5cad" />
  </head>
  <body><div id="root"></div><script type="module" src="/assets/index-abc123.js"></script></body>
</html>
`;

const config = loadConfig({ CABINET_NAME: 'Мережа <Плюс> & Co', CABINET_SHORT_NAME: 'Мережа+', CABINET_THEME_COLOR: '#c2185b' });

async function serve(distDir: string): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use(createPwaRouter(config, distDir));
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
    expect(manifest).toMatchObject({
      name: 'Мережа <Плюс> & Co',
      short_name: 'Мережа+',
      theme_color: '#c2185b',
      background_color: '#c2185b',
      display: 'standalone',
      start_url: '/',
      scope: '/',
      lang: 'ru',
    });
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
