import { describe, expect, it } from 'vitest';
import { i18nFor } from '../support/i18n.js';
import { phonePage, signIn, useCabinetInChromium } from './browser.js';

/**
 * What the page does before its words are in: main.tsx starts the dictionary and the first Start
 * query together, and the bar with the ISP's name is painted while they travel.
 */
describe('the first load', () => {
  const { cabinet, browser, openPhone } = useCabinetInChromium({ env: { CABINET_NAME: 'Мережа Плюс' } });

  it('shows the bar with the ISP’s name while the dictionary loads, then the sign-in in the page’s language', async () => {
    const page = await phonePage(browser(), { locale: 'en-GB' });
    let releaseDictionary = () => {};
    const dictionaryHeld = new Promise<void>((resolve) => (releaseDictionary = resolve));
    await page.route(/\/assets\/en-[\w-]+\.js$/, async (route) => {
      await dictionaryHeld;
      await route.continue();
    });
    await page.goto(cabinet().url);
    await expect.poll(() => page.locator('header .brand').textContent()).toBe('Мережа Плюс');
    expect(await page.locator('main, h1').count()).toBe(0);

    releaseDictionary();
    await expect.poll(() => page.locator('h1').textContent()).toBe(i18nFor('en', ['en-GB']).m.signInTitle);
    expect(await page.locator('header .brand').textContent()).toBe('Мережа Плюс');
  });

  it('reads the Start query once as the page opens (main.tsx sends it before React starts) and shows the dashboard from it', async () => {
    const page = await openPhone({ locale: 'en-GB' });
    await signIn(page, 'BILL0000101');
    await expect.poll(() => page.getByTestId('balance').count()).toBe(1);

    const operations: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/graphql') operations.push((request.postDataJSON() as { operationName: string }).operationName);
    });
    await page.reload();
    await expect.poll(() => page.getByTestId('balance').count()).toBe(1);
    expect(operations.filter((name) => name === 'Start')).toEqual(['Start']);
  });
});
