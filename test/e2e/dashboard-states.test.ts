import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSeed } from '../../server/billing/carbon5/demo-data.js';
import { ymd } from '../../shared/dates.js';
import type { I18n, Language } from '../../client/src/i18n/index.js';
import { expectNoAxeViolations, plain, signIn, useCabinetInChromium } from './browser.js';
import { historyTexts, i18nFor } from '../support/i18n.js';

/**
 * The dashboard of each of the four Carbon demo subscribers, as a screen reader gets it (the
 * accessibility tree), axe-clean light and dark, and every signed-in screen at 320 px with the text at
 * 200% without horizontal scrolling. Texts come from the language's dictionary.
 */
const today = ymd(new Date());
const demo = demoSeed(today).accounts;
const account = (login: string) => demo.find((candidate) => candidate.login === login)!;
const money = (t: I18n, amount: string) => t.moneyMagnitude({ amount, currency: 'UAH' });

const states: { login: string; language: Language; locale: string; headline(t: I18n): string; daysLeft: boolean }[] = [
  { login: 'BILL0000101', language: 'uk', locale: 'uk-UA', headline: (t) => t.m.headlineWorksUntil({ date: '' }).trim(), daysLeft: true },
  { login: 'BILL0000102', language: 'ru', locale: 'ru-RU', headline: (t) => t.m.headlineDebtTopUp({ amount: money(t, '120.50') }), daysLeft: false },
  { login: 'BILL0000103', language: 'en', locale: 'en-US', headline: (t) => t.m.headlineOffTopUp({ amount: money(t, '850.00') }), daysLeft: false },
  { login: 'BILL0000104', language: 'uk', locale: 'uk-UA', headline: (t) => t.m.headlinePausedUntil({ date: t.date(account('BILL0000104').frozen!.to) }), daysLeft: false },
];

describe('the dashboard in each demo state', () => {
  const { openPhone } = useCabinetInChromium();

  async function signedIn(login: string, locale: string): Promise<Page> {
    const page = await openPhone({ locale });
    await signIn(page, login);
    await expect.poll(() => page.getByTestId('balance').count()).toBe(1);
    return page;
  }

  for (const state of states) {
    it(`reads ${state.login} to a screen reader as one headline first, in ${state.language}, axe-clean light and dark`, async () => {
      const t = i18nFor(state.language, [state.locale]);
      const page = await signedIn(state.login, state.locale);
      const tree = await page.getByRole('region', { name: t.m.balance }).ariaSnapshot();
      const lines = tree.split('\n').map((line) => plain(line));
      // The headline is the first thing read in the card, before the balance.
      expect(lines[0]).toBe(`- region "${t.m.balance}":`);
      expect(lines[1]).toMatch(/^- paragraph: /);
      expect(plain(lines[1]!.replace(/^- paragraph: /, ''))).toContain(plain(state.headline(t)));
      // Days left only where they mean something; then read right after the headline.
      expect(await page.getByTestId('days-left').count()).toBe(state.daysLeft ? 1 : 0);
      if (state.daysLeft) {
        const daysLeft = plain(await page.getByTestId('days-left').innerText());
        const flat = lines.join(' ');
        expect(flat.indexOf(daysLeft)).toBeGreaterThan(flat.indexOf(lines[1]!));
        expect(flat.indexOf(daysLeft)).toBeLessThan(flat.indexOf(plain(await page.getByTestId('balance').innerText())));
      }
      expect(tree).not.toMatch(new RegExp(`${t.m.credit}.*0[.,]00`));
      await expectNoAxeViolations(page, `dashboard ${state.login} (light)`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoAxeViolations(page, `dashboard ${state.login} (dark)`);
    });
  }

  it('scrolls no screen sideways at 320 px with the text at 200%, light and dark, with the bar and More axe-clean', async () => {
    const t = i18nFor('uk', ['uk-UA']);
    const page = await signedIn('BILL0000102', 'uk-UA');
    await page.setViewportSize({ width: 320, height: 640 });
    // As the browser's text size at 200% does: every rem doubles (set through the CSSOM, which the CSP allows).
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '200%'));
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    /** What sticks out on the right, for the failure message. */
    const sticking = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5 || element.scrollWidth > element.clientWidth + 1)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${(element.textContent ?? '').slice(0, 30)}`)
          .slice(0, 8),
      );
    const navigation = page.getByRole('navigation', { name: t.m.mainNavigation });
    const screens = [
      { link: t.m.navHome, title: t.m.dashboardTitle },
      { link: t.m.navServices, title: t.m.servicesTitle },
      { link: t.m.navHistory, title: historyTexts[t.language].title },
      { link: t.m.navMore, title: t.m.moreTitle },
    ];
    for (const screen of screens) {
      await navigation.getByRole('link', { name: screen.link }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(screen.title);
      expect(await overflow(), `${screen.title} scrolls sideways: ${(await sticking()).join(' | ')}`).toBeLessThanOrEqual(0);
      await page.emulateMedia({ colorScheme: 'light' });
      await expectNoAxeViolations(page, `${screen.title} at 200% (light)`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoAxeViolations(page, `${screen.title} at 200% (dark)`);
    }
    await page.getByRole('link', { name: t.m.navPromisePay }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(t.m.promiseTitle);
    expect(await overflow(), `the promised payment scrolls sideways: ${(await sticking()).join(' | ')}`).toBeLessThanOrEqual(0);
  });
});
