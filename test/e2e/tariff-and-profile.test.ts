import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { firstOfNextMonth, ymd } from '../../shared/dates.js';
import type { Language } from '../../client/src/i18n/index.js';
import type { TestCabinet } from '../support/cabinet.js';
import { i18nFor, profileTexts, tariffTexts } from '../support/i18n.js';
import { expectAccessibleToTheEnd, expectNoAxeViolations, openOwnCabinet, operationsSent, plain, signIn, useChromium } from './browser.js';

const languages: { language: Language; locale: string; colorScheme: 'light' | 'dark' }[] = [
  { language: 'uk', locale: 'uk-UA', colorScheme: 'light' },
  { language: 'ru', locale: 'ru-RU', colorScheme: 'dark' },
  { language: 'en', locale: 'en-US', colorScheme: 'dark' },
];

/**
 * The Tariff and Profile screens on the Carbon 5 demo, in each language, light and dark: a subscriber
 * opens them from More, sees a tariff's fee, the change fee and its first day before confirming, then
 * the booked change, and cancels it; changes the phone and e-mail, and the password. On the older
 * Carbon, which has none of these, neither screen is offered. Every state is checked with axe.
 */
describe('changing the tariff and the profile in the PWA', () => {
  const browser = useChromium();

  /** A cabinet of the test's own on the given billing, signed in. */
  async function open(env: Record<string, string>, locale: string, colorScheme: 'light' | 'dark', login: string): Promise<{ cabinet: TestCabinet; page: Page }> {
    const opened = await openOwnCabinet(browser(), { env, locale, colorScheme });
    await signIn(opened.page, login);
    await opened.page.getByTestId('balance').waitFor();
    return opened;
  }

  for (const { language, locale, colorScheme } of languages) {
    it(`books a tariff change with a preview and cancels it, then changes contacts and the password, in ${language} (${colorScheme})`, async () => {
      const t = i18nFor(language, [locale]);
      const { m } = t;
      const tariff = tariffTexts[language];
      const profile = profileTexts[language];
      const { cabinet, page } = await open({ CARBON_TARIFF_CHANGE_IDS: '16,17,18,19' }, locale, colorScheme, 'BILL0000101');
      const from = t.date(firstOfNextMonth(ymd(new Date())));

      await page.getByRole('link', { name: m.navMore }).click();
      await page.getByRole('link', { name: tariff.title }).click();
      await page.getByRole('heading', { level: 1, name: tariff.title }).waitFor();
      await page.getByTestId('tariff-option').first().waitFor();
      expect(await page.getByTestId('tariff-option').count()).toBe(3);
      expect(plain(await page.getByTestId('current-tariff').textContent())).toContain('Домашній 100');
      await expectNoAxeViolations(page, `tariff options (${language}, ${colorScheme})`);

      await page.getByRole('button', { name: tariff.choose({ name: 'Швидкий 500' }) }).click();
      const dialog = page.getByRole('dialog', { name: tariff.confirmTitle({ name: 'Швидкий 500' }) });
      await dialog.waitFor();
      const preview = plain(await dialog.textContent());
      expect(preview).toContain(plain(tariff.confirmFrom({ date: from })));
      expect(preview).toContain(tariff.confirmUntil({ name: 'Домашній 100' }));
      expect(preview).toContain(tariff.changeFree);
      await expectNoAxeViolations(page, `tariff preview (${language}, ${colorScheme})`);
      expect(cabinet.simulator.calls['Abonents.set'] ?? 0).toBe(0);
      const sent = operationsSent(page);
      await dialog.getByRole('button', { name: tariff.confirm }).click();
      await page.getByText(tariff.done({ name: 'Швидкий 500', from })).waitFor();
      expect(cabinet.simulator.calls['Abonents.set']).toBe(1);
      const booked = page.getByTestId('booked-tariff');
      expect(plain(await booked.textContent())).toContain(plain(tariff.booked({ name: 'Швидкий 500', from })));
      expect(await page.getByRole('button', { name: tariff.choose({ name: 'Економ 50' }) }).isDisabled()).toBe(true);
      await expectNoAxeViolations(page, `tariff booked (${language}, ${colorScheme})`);

      await booked.getByRole('button', { name: tariff.cancel }).click();
      const cancel = page.getByRole('dialog', { name: tariff.cancelConfirmTitle });
      await cancel.waitFor();
      await expectNoAxeViolations(page, `tariff cancel preview (${language}, ${colorScheme})`);
      await cancel.getByRole('button', { name: tariff.cancelConfirm }).click();
      await page.getByText(tariff.cancelled).waitFor();
      await booked.waitFor({ state: 'detached' });
      expect(cabinet.simulator.account('BILL0000101').nextTariff).toBeNull();
      // The booked change and its cancelling show what each mutation answered: the screen reads nothing again.
      expect(sent).toEqual(['ChangeTariff', 'CancelTariffChange']);

      await page.getByRole('link', { name: m.navMore }).click();
      await page.getByRole('link', { name: profile.title }).click();
      await page.getByRole('heading', { level: 1, name: profile.title }).waitFor();
      await page.getByRole('textbox', { name: profile.email, exact: true }).waitFor();
      await expectAccessibleToTheEnd(page, `profile (${language}, ${colorScheme})`);

      await page.getByRole('textbox', { name: profile.email, exact: true }).fill('not an address');
      await page.getByRole('button', { name: profile.saveContacts }).click();
      await page.getByText(profile.emailInvalid).waitFor();
      await expectAccessibleToTheEnd(page, `profile contacts refused (${language}, ${colorScheme})`);
      await page.getByRole('textbox', { name: profile.email, exact: true }).fill('shevchenko@example.com');
      await page.getByRole('button', { name: profile.saveContacts }).click();
      await page.getByText(profile.contactsSaved).waitFor();
      expect(cabinet.simulator.account('BILL0000101').email).toBe('shevchenko@example.com');

      const newPassword = 'Nova-parol-2026';
      await page.getByLabel(profile.current, { exact: true }).fill('demo');
      await page.getByLabel(profile.newPassword, { exact: true }).fill(newPassword);
      await page.getByLabel(profile.repeat, { exact: true }).fill(`${newPassword}x`);
      await page.getByRole('button', { name: profile.changePassword }).click();
      await page.getByText(profile.mismatch).waitFor();
      await page.getByLabel(profile.repeat, { exact: true }).fill(newPassword);
      await page.getByRole('button', { name: profile.changePassword }).click();
      await page.getByText(profile.passwordChanged).waitFor();
      expect(cabinet.simulator.account('BILL0000101').password).toBe(newPassword);
      await expectAccessibleToTheEnd(page, `password changed (${language}, ${colorScheme})`);
      // This device stays signed in.
      await page.getByRole('link', { name: m.navHome }).click();
      await page.getByTestId('balance').waitFor();
    });
  }

  it('offers neither screen on the older Carbon, which has no such calls', async () => {
    const { m } = i18nFor('uk', ['uk-UA']);
    const { cabinet, page } = await open({ BILLING_KIND: 'carbon-legacy' }, 'uk-UA', 'light', 'ivanov');
    await page.getByRole('link', { name: m.navMore }).click();
    await page.getByRole('heading', { level: 1, name: m.moreTitle }).waitFor();
    expect(await page.getByRole('link', { name: tariffTexts.uk.title }).count()).toBe(0);
    expect(await page.getByRole('link', { name: profileTexts.uk.title }).count()).toBe(0);
    await page.goto(`${cabinet.url}/tariff`);
    await page.getByRole('heading', { level: 1, name: m.notFoundTitle }).waitFor();
    await page.goto(`${cabinet.url}/profile`);
    await page.getByRole('heading', { level: 1, name: m.notFoundTitle }).waitFor();
  });
});
