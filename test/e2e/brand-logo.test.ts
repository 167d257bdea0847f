import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../../server/paths.js';
import { startCabinet, type TestCabinet } from '../support/cabinet.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, expectNoAxeViolations } from './browser.js';

/** CABINET_LOGO set to a 512 px PNG: in the header beside the name, and the installed app's icon. */
describe('the ISP’s logo', () => {
  let cabinet: TestCabinet;
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    // A real profile, as in installable.test.ts: Chromium reports installability only outside incognito.
    profile = mkdtempSync(join(tmpdir(), 'abonent-chromium-'));
    [cabinet, context] = await Promise.all([
      startCabinet({ env: { CABINET_NAME: 'Мережа Плюс', CABINET_LOGO: projectPath('test', 'fixtures', 'logo-512.png') } }),
      chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
        locale: 'uk-UA',
        viewport: { width: 360, height: 780 },
      }),
    ]);
  });

  afterAll(async () => {
    await context?.close();
    await cabinet?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('shows the logo in the header beside the name, which alone names the link', async () => {
    const page = await context.newPage();
    await page.goto(cabinet.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вхід');
    const logo = page.locator('header .brand img');
    expect(await logo.getAttribute('src')).toMatch(/^\/brand\/logo-[0-9a-f]{16}\.png$/);
    expect(await logo.getAttribute('alt')).toBe('');
    await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(512);
    expect(await logo.boundingBox()).toMatchObject({ width: 32, height: 32 });
    expect(await page.locator('header').getByRole('link', { name: 'Мережа Плюс', exact: true }).count()).toBe(1);
    await expectNoAxeViolations(page, 'sign-in with a logo');
  });

  it('installs with the logo as the app’s icon', async () => {
    const page = await context.newPage();
    await page.goto(cabinet.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    expect((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
    const manifest = (await page.evaluate(() => fetch('/manifest.webmanifest').then((response) => response.json()))) as { icons: { src: string }[] };
    expect(manifest.icons[0]?.src).toBe(await page.locator('header .brand img').getAttribute('src'));
  });
});
