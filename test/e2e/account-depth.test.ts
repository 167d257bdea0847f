import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../client/src/i18n/index.js';
import { expectAccessibleToTheEnd, expectNoAxeViolations, openOwnCabinet, plain, signIn, useChromium } from './browser.js';
import { connectionTexts, historyTexts, i18nFor } from '../support/i18n.js';

const LOCALES: Record<Language, string> = { uk: 'uk-UA', ru: 'ru-RU', en: 'en-US' };

/**
 * "Where the money went" and "My connection" in Chromium: reached from the bottom bar and More, showing
 * only what the billing tells and saying plainly what it does not; every screen checked with axe.
 */
describe('the history of charges and the connection in the PWA', () => {
  const browser = useChromium();

  async function open(language: Language, env: Record<string, string>, login: string, password = 'demo'): Promise<Page> {
    const { cabinet, page } = await openOwnCabinet(browser(), { env, locale: LOCALES[language] });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cabinet.url });
    await signIn(page, login, password);
    return page;
  }

  /** Opens the history from the bottom bar, once its table of months is in. */
  async function openHistory(page: Page, language: Language): Promise<Locator> {
    const history = historyTexts[language];
    await page.getByRole('link', { name: i18nFor(language, [LOCALES[language]]).m.navHistory }).click();
    await page.getByRole('heading', { level: 1, name: history.title }).waitFor();
    const table = page.getByRole('table', { name: history.tableCaption });
    await table.waitFor();
    return table;
  }

  /** Opens the connection from More and reads its line: the address, the MAC, whether it is online. */
  async function openConnectionLine(page: Page, language: Language): Promise<string> {
    const connection = connectionTexts[language];
    await page.getByRole('link', { name: i18nFor(language, [LOCALES[language]]).m.navMore }).click();
    await page.getByRole('link', { name: connection.title }).click();
    await page.getByRole('heading', { level: 1, name: connection.title }).waitFor();
    return plain(await page.getByTestId('line').textContent());
  }

  it('on the older Carbon, in uk: twelve months, this month’s charge and payment, the connection with its copy buttons', async () => {
    const language = 'uk';
    const { m } = i18nFor(language, [LOCALES[language]]);
    const history = historyTexts[language];
    const connection = connectionTexts[language];
    const page = await open(language, { BILLING_KIND: 'carbon-legacy' }, 'ivanov');

    const table = await openHistory(page, language);
    expect(await table.locator('tbody tr').count()).toBe(12);
    expect(await page.locator('svg.spend-chart .bar').count()).toBe(12);
    // The demo's charge (10.00, "Абонентская плата") was yesterday: pick that month in the table.
    const yesterday = new Date(Date.now() - 86_400_000);
    const row = yesterday.getMonth() === new Date().getMonth() ? 0 : 1;
    await table.locator('tbody button').nth(row).click();
    expect(await table.locator('tbody button').nth(row).getAttribute('aria-pressed')).toBe('true');
    const month = page.getByTestId('month');
    expect(plain(await month.textContent())).toContain('Абонентская плата');
    expect(plain(await page.getByTestId('charges').textContent())).toContain('10 ₴');
    await expectAccessibleToTheEnd(page, `history on the older Carbon (${language})`);
    await page.getByTestId('month-payments').getByRole('link', { name: history.allPayments }).click();
    await page.getByRole('heading', { level: 1, name: m.paymentsTitle }).waitFor();

    const line = await openConnectionLine(page, language);
    expect(line).toContain('10.30.3.233');
    expect(line).toContain('00:1a:2b:3c:03:e9');
    expect(line).toContain(connection.onlineNow);
    expect(plain(await page.getByTestId('traffic').textContent())).toContain(connection.trafficUnavailable);
    await page.getByRole('button', { name: connection.copyLabel({ what: connection.contractNumber.toLowerCase() }) }).click();
    await expect.poll(() => page.getByTestId('copy-status').textContent()).toBe(connection.copied({ what: connection.contractNumber }));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Д-1001');
    await expectNoAxeViolations(page, `connection on the older Carbon (${language})`);
  });

  for (const language of ['uk', 'ru', 'en'] as const) {
    it(`on Carbon 5, in ${language}: a year of ArchAccountStack charges, and the connection as the billing tells it`, async () => {
      const history = historyTexts[language];
      const connection = connectionTexts[language];
      const page = await open(language, {}, 'BILL0000101');

      const table = await openHistory(page, language);
      expect(await table.locator('tbody tr').count()).toBe(12);
      expect(plain(await page.getByTestId('month').textContent())).toContain('Домашній 100');
      expect(plain(await page.getByTestId('charges').textContent())).toContain('Оренда роутера');
      expect(plain(await page.locator('main').textContent())).not.toContain(plain(history.chargesUnavailable));
      // The bars and the table buttons pick the same month.
      await page.locator('svg.spend-chart g').first().click();
      expect(await table.locator('tbody button').last().getAttribute('aria-pressed')).toBe('true');
      await expectAccessibleToTheEnd(page, `history on Carbon 5 (${language})`);

      const line = await openConnectionLine(page, language);
      expect(line).toContain('10.20.0.101');
      expect(line).toContain('00:1a:2b:00:00:65');
      expect(line).not.toContain(connection.onlineNow);
      expect(plain(await page.getByTestId('traffic').textContent())).toContain(connection.trafficUnavailable);
      const contract = plain(await page.getByTestId('contract').textContent());
      expect(contract).toContain(connection.contractDate);
      expect(contract).toContain(connection.connectedSince);
      expect(contract).not.toContain(connection.bonusPoints);
      await page.getByRole('button', { name: connection.copyLabel({ what: connection.paymentId.toLowerCase() }) }).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('10000101');
      await expectNoAxeViolations(page, `connection on Carbon 5 (${language})`);
    });
  }

  for (const language of ['uk', 'ru', 'en'] as const) {
    it(`on Ubilling, in ${language}: a year of XMLAgent feecharges, the tariff named by its kind, the services by name`, async () => {
      const i18n = i18nFor(language, [LOCALES[language]]);
      const history = historyTexts[language];
      const page = await open(language, { BILLING_KIND: 'ubilling' }, 'ivanov', 'ivanov-demo');

      const table = await openHistory(page, language);
      expect(await table.locator('tbody tr').count()).toBe(12);
      const month = plain(await page.getByTestId('month').textContent());
      expect(month).toContain(history.kinds.TARIFF);
      expect(month).toContain('IPTV');
      expect(month).toContain('Кіно');
      const charges = plain(await page.getByTestId('charges').textContent());
      expect(charges).toContain(plain(i18n.money({ amount: '150.00', currency: 'UAH' })));
      const main = plain(await page.locator('main').textContent());
      expect(main).not.toContain(plain(history.chargesUnavailable));
      expect(main).not.toContain(plain(history.noChargesThisYear));
      // Ubilling issues no invoices: the section is not there.
      expect(await page.getByTestId('invoices').count()).toBe(0);
      await expectAccessibleToTheEnd(page, `history on Ubilling (${language})`);
    });
  }

  it('on Ubilling, a subscriber the billing charged nothing: the screen says so plainly, this month too', async () => {
    const language = 'en';
    const history = historyTexts[language];
    const page = await open(language, { BILLING_KIND: 'ubilling' }, 'freeuser', 'freeuser-demo');

    await openHistory(page, language);
    const main = plain(await page.locator('main').textContent());
    expect(main).toContain(plain(history.noChargesThisYear));
    expect(plain(await page.getByTestId('month').textContent())).toContain(plain(history.nothingCharged));
    expect(await page.getByTestId('charges').count()).toBe(0);
    await expectAccessibleToTheEnd(page, 'history without charges on Ubilling');
  });

  for (const language of ['uk', 'en'] as const) {
    it(`on Carbon 5, in ${language}: the invoices, newest first, each opening to its lines`, async () => {
      const { m } = i18nFor(language, [LOCALES[language]]);
      const history = historyTexts[language];
      const page = await open(language, {}, 'BILL0000101');

      await page.getByRole('link', { name: m.navHistory }).click();
      const invoices = page.getByTestId('invoices');
      await invoices.getByRole('heading', { level: 2, name: history.invoicesTitle }).waitFor();
      const now = new Date();
      const number = `10000101-${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}`;
      const newest = invoices.locator('details').first();
      expect(plain(await newest.locator('summary').textContent())).toContain(plain(history.invoiceNumber({ number })));
      expect(await invoices.locator('details').count()).toBeGreaterThanOrEqual(11);
      expect(await newest.getByText('Домашній 100').isVisible()).toBe(false);
      await newest.locator('summary').click();
      await newest.getByText('Домашній 100').waitFor();
      const lines = plain(await newest.textContent());
      expect(lines).toContain('Оренда роутера');
      expect(lines).toContain(plain(history.invoiceQuantity({ quantity: '1' })));
      await expectAccessibleToTheEnd(page, `invoices on Carbon 5 (${language})`);
    });
  }
});
