import { describe, expect, it } from 'vitest';
import { projectPath } from '../../server/paths.js';
import { expectNoAxeViolations, useCabinetInChromiumProfile } from './browser.js';

/** CABINET_LOGO set to a 512 px PNG: in the header beside the name, and the installed app's icon. */
describe('the ISP’s logo', () => {
  const { cabinet, context } = useCabinetInChromiumProfile(
    { env: { CABINET_NAME: 'Мережа Плюс', CABINET_LOGO: projectPath('test', 'fixtures', 'logo-512.png') } },
    { locale: 'uk-UA', viewport: { width: 360, height: 780 } },
  );

  it('shows the logo in the header beside the name, which alone names the link', async () => {
    const page = await context().newPage();
    await page.goto(cabinet().url);
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
    const page = await context().newPage();
    await page.goto(cabinet().url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context().newCDPSession(page);
    expect((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
    const manifest = (await page.evaluate(() => fetch('/manifest.webmanifest').then((response) => response.json()))) as { icons: { src: string }[] };
    expect(manifest.icons[0]?.src).toBe(await page.locator('header .brand img').getAttribute('src'));
  });
});
