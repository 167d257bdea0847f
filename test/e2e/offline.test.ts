import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Carbon5Simulator } from '../../server/billing/carbon5/simulator.js';
import { plain, signIn, useCabinetInChromium } from './browser.js';

/** The "as of" time the page should show for the dashboard it saved, in the page's own locale. */
const savedAtText = (page: Page) =>
  page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('abonent.dashboard') ?? '{}') as { savedAt?: string };
    return new Intl.DateTimeFormat('uk-UA', { hour: '2-digit', minute: '2-digit' }).format(new Date(saved.savedAt ?? 0));
  });

describe('offline and with the billing down', () => {
  const { cabinet, openPhone } = useCabinetInChromium();

  it('opens offline with the last dashboard, its time and the banner; sign-out leaves nothing private', async () => {
    const page = await openPhone();
    await signIn(page, 'BILL0000101');
    const balance = await page.getByTestId('balance').textContent();
    expect(balance).toBeTruthy();
    // The service worker has precached the shell once it is active.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const asOf = await savedAtText(page);

    await page.context().setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('offline-banner').isVisible()).toBe(true);
    expect(plain(await page.getByTestId('offline-banner').textContent())).toContain(`Немає з’єднання. Це ваш рахунок станом на ${asOf}.`);
    expect(await page.getByTestId('balance').textContent()).toBe(balance);

    await page.getByRole('navigation').getByRole('link', { name: 'Послуги' }).click();
    const connect = page.getByTestId('service-86').getByRole('button', { name: /Підключити/ });
    expect(await connect.isDisabled()).toBe(true);
    expect(await page.getByTestId('service-86').textContent()).toContain('Потрібне з’єднання');

    await page.getByRole('button', { name: 'Вийти' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вхід');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вхід');
    expect(await page.getByTestId('offline-banner').textContent()).toContain('Підключіться до інтернету, щоб увійти.');
    expect(await page.getByTestId('balance').count()).toBe(0);
    const left = await page.evaluate(async () => ({
      storage: Object.keys(localStorage).sort(),
      cached: (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)))).flat(),
    }));
    // Besides the public branding, only the note that the server session is still to be ended.
    expect(left.storage).toEqual(['abonent.cabinet', 'abonent.sign-out-pending']);
    expect(left.cached.length).toBeGreaterThan(5);
    expect(left.cached.filter((url) => /graphql|outbox|manifest\.webmanifest/.test(url))).toEqual([]);

    // Only the page's language was loaded, yet another one opens offline: the worker precached every dictionary.
    await page.getByLabel('Мова').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('shows the last dashboard with its time when the billing stops answering', async () => {
    const page = await openPhone({ locale: 'en-GB' });
    await signIn(page, 'BILL0000102');
    const balance = await page.getByTestId('balance').textContent();
    const simulator = cabinet().simulator as Carbon5Simulator;
    simulator.setFault('http500');
    try {
      await page.reload();
      await expect.poll(() => page.getByTestId('offline-banner').textContent()).toMatch(
        /^Your provider’s billing is not answering\. This is your account as of \d{2}:\d{2}\./,
      );
      expect(await page.getByTestId('balance').textContent()).toBe(balance);
    } finally {
      simulator.setFault(null);
    }
    await page.getByTestId('offline-banner').getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByTestId('offline-banner').count()).toBe(0);
  });
});
