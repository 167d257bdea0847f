import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../server/paths.js';
import { useCabinetInChromiumProfile } from './browser.js';
import { configuredManifest } from '../support/manifest.js';

const BRANDING = { CABINET_NAME: 'Мережа Плюс', CABINET_SHORT_NAME: 'Мережа+', CABINET_THEME_COLOR: '#c2185b' };

describe('installable, named and coloured after the ISP', () => {
  const { cabinet, context } = useCabinetInChromiumProfile({ env: BRANDING }, { locale: 'uk-UA' });

  it('has no installability errors and a valid manifest from the configuration', async () => {
    const page = await context().newPage();
    await page.goto(cabinet().url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const { url, errors } = await cdp.send('Page.getAppManifest');
    expect(url).toBe(`${cabinet().url}/manifest.webmanifest`);
    expect(errors).toEqual([]);

    const manifest = await page.evaluate(() => fetch('/manifest.webmanifest').then((response) => response.json()));
    expect(manifest).toMatchObject(configuredManifest(BRANDING, 'uk'));
    expect(manifest.icons).toEqual(expect.arrayContaining([expect.objectContaining({ purpose: 'maskable', sizes: '512x512' })]));
    for (const icon of manifest.icons as { src: string; type: string }[]) {
      const response = await page.request.get(cabinet().url + icon.src);
      expect(response.headers()['content-type'], icon.src).toBe(icon.type);
    }
  });

  it('puts the ISP’s name and colour in the page and paints the bar with it', async () => {
    const page = await context().newPage();
    await page.goto(`${cabinet().url}/services`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вхід');
    expect(await page.title()).toBe('Вхід · Мережа Плюс');
    expect(await page.locator('meta[name="theme-color"]').getAttribute('content')).toBe('#c2185b');
    expect(await page.locator('header').evaluate((bar) => getComputedStyle(bar).backgroundColor)).toBe('rgb(194, 24, 91)');
  });

  it('offers a new version with "reload" and swaps the whole shell only when asked', async () => {
    const page = await context().newPage();
    await page.goto(cabinet().url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    const swPath = projectPath('dist', 'client', 'sw.js');
    const released = readFileSync(swPath);
    try {
      // A new release: any byte of sw.js changing makes the browser install it beside the running one.
      appendFileSync(swPath, `\n// release ${Date.now()}\n`);
      await page.reload();
      const banner = page.getByRole('status').filter({ hasText: 'Готова нова версія кабінету.' });
      await expect.poll(() => banner.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)))).toBe(true);
      await Promise.all([page.waitForEvent('load'), banner.getByRole('button', { name: 'Перезавантажити' }).click()]);
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.waiting)))).toBe(false);
      expect(await banner.count()).toBe(0);
    } finally {
      writeFileSync(swPath, released);
    }
  });
});
