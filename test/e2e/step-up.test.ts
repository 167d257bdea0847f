import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { I18n } from '../../client/src/i18n/index.js';
import { addDays, firstOfNextMonth, ymd } from '../../shared/dates.js';
import { demoSeed } from '../../server/billing/carbon5/demo-data.js';
import { i18nFor, profileTexts, tariffTexts } from '../support/i18n.js';
import { expectNoAxeViolations, openOwnCabinet, phonesInEachLanguage, plain, useChromium } from './browser.js';

/**
 * Signed in automatically from the ISP's network, a subscriber makes a change the BFF guards with
 * the password (a service, a pause, a tariff, the contacts): the screen says before the tap that it needs the
 * password, asks for it in the same dialog, says so when it is mistyped, and goes on once it is
 * right; a change it does not guard (a promised payment) goes on without it. The demo signs this
 * machine in as BILL0000101; each test gets a cabinet of its own.
 */
const languages = phonesInEachLanguage('en-GB');
const LOGIN = 'BILL0000101';

describe('a service change after automatic sign-in', () => {
  const browser = useChromium();

  async function signInAutomatically(page: Page, m: I18n['m']): Promise<void> {
    await page.getByRole('button', { name: m.autoLogin, exact: true }).click();
    await expect.poll(() => page.getByTestId('balance').count()).toBe(1);
  }

  /** Signs in automatically and opens a screen from More. */
  async function autoSignedIn(page: Page, m: I18n['m'], screen: string): Promise<void> {
    await signInAutomatically(page, m);
    await page.getByRole('link', { name: m.navMore }).click();
    await page.getByRole('link', { name: screen }).click();
    await page.getByRole('heading', { level: 1, name: screen }).waitFor();
  }

  for (const { language, locale } of languages) {
    it(`asks for the password in the dialog and goes on, in ${language}`, async () => {
      const { m } = i18nFor(language, [locale]);
      const { cabinet, page } = await openOwnCabinet(browser(), { locale });
      await signInAutomatically(page, m);
      await page.getByRole('navigation', { name: m.mainNavigation }).getByRole('link', { name: m.navServices }).click();

      // Before the tap: every change offered says it needs the password.
      const available = page.getByRole('region', { name: m.availableServices });
      const card = available.getByRole('listitem').first();
      const name = (await card.getByRole('heading', { level: 3 }).textContent()) ?? '';
      const service = Number((await card.getAttribute('data-testid'))?.replace('service-', ''));
      expect(await card.getByText(m.needsPassword, { exact: true }).count()).toBe(1);
      await card.getByRole('button', { name: `${m.connect} ${name}` }).click();

      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.getByText(m.stepUpIntro).isVisible()).toBe(true);
      const password = dialog.getByLabel(m.passwordLabel, { exact: true });
      const confirm = dialog.getByRole('button', { name: m.confirmConnect, exact: true });
      await expectNoAxeViolations(page, `password asked in the dialog, ${language}`);

      await confirm.click();
      await expect.poll(() => dialog.getByText(m.passwordRequired, { exact: true }).isVisible()).toBe(true);
      await password.fill('not-the-password');
      await confirm.click();
      await expect.poll(() => dialog.getByText(m.stepUpWrongPassword, { exact: true }).isVisible()).toBe(true);
      expect(await password.getAttribute('aria-invalid')).toBe('true');
      expect(cabinet.simulator.account(LOGIN).queuedWrites).toEqual([]);

      await password.fill('demo');
      await confirm.click();
      await expect.poll(async () => plain(await page.getByRole('status').filter({ hasText: name }).first().textContent())).toMatch(
        new RegExp(`^(${escape(plain(m.connectDone({ name })))}|${escape(plain(m.changeApplied({ name })))})$`),
      );
      await expect.poll(() => cabinet.simulator.account(LOGIN).connectedServiceIds.includes(service)).toBe(true);
      // The password is confirmed for this session: nothing more is marked as needing it.
      expect(await page.getByText(m.needsPassword, { exact: true }).count()).toBe(0);
    });
  }

  it('asks for the password before a pause, in ru', async () => {
    const { m } = i18nFor('ru', ['ru-RU']);
    const { cabinet, page } = await openOwnCabinet(browser(), { locale: 'ru-RU' });
    await autoSignedIn(page, m, m.pauseTitle);

    const today = ymd(new Date());
    await page.getByLabel(m.pauseFrom).fill(addDays(today, 1));
    await page.getByLabel(m.pauseTo).fill(addDays(today, 7));
    expect(await page.getByText(m.needsPassword, { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: m.pauseContinue }).click();
    const dialog = page.getByRole('dialog', { name: m.pauseConfirmTitle });
    const password = dialog.getByLabel(m.passwordLabel, { exact: true });
    await password.fill('not-the-password');
    await dialog.getByRole('button', { name: m.pauseConfirm }).click();
    await expect.poll(() => dialog.getByText(m.stepUpWrongPassword, { exact: true }).isVisible()).toBe(true);
    expect(cabinet.simulator.calls['web_cabinet.block_user'] ?? 0).toBe(0);
    await expectNoAxeViolations(page, 'pause asking for the password');

    await password.fill('demo');
    await password.press('Enter');
    await page.getByText(m.pauseStarted).waitFor();
    expect(cabinet.simulator.calls['web_cabinet.block_user']).toBe(1);
  });

  it('asks for the password before a tariff change, in en', async () => {
    const t = i18nFor('en', ['en-GB']);
    const { m } = t;
    const texts = tariffTexts.en;
    const { cabinet, page } = await openOwnCabinet(browser(), { env: { CARBON_TARIFF_CHANGE_IDS: '16,17,18,19' }, locale: 'en-GB' });
    await autoSignedIn(page, m, texts.title);

    // The options arrive after the screen's title.
    await expect.poll(() => page.getByText(m.needsPassword, { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: texts.choose({ name: 'Швидкий 500' }) }).click();
    const dialog = page.getByRole('dialog', { name: texts.confirmTitle({ name: 'Швидкий 500' }) });
    await dialog.getByText(m.stepUpIntro).waitFor();
    await dialog.getByLabel(m.passwordLabel, { exact: true }).fill('demo');
    await dialog.getByRole('button', { name: texts.confirm }).click();
    await page.getByText(texts.done({ name: 'Швидкий 500', from: t.date(firstOfNextMonth(ymd(new Date()))) })).waitFor();
    expect(cabinet.simulator.calls['Abonents.set']).toBe(1);
    expect(await page.getByText(m.needsPassword, { exact: true }).count()).toBe(0);
  });

  it('asks for the password in the contacts form, in uk', async () => {
    const { m } = i18nFor('uk', ['uk-UA']);
    const texts = profileTexts.uk;
    const { cabinet, page } = await openOwnCabinet(browser(), { locale: 'uk-UA' });
    await autoSignedIn(page, m, texts.title);

    const contacts = page.getByRole('form', { name: texts.contactsTitle });
    await contacts.getByRole('textbox', { name: texts.email, exact: true }).fill('shevchenko@example.com');
    await contacts.getByRole('button', { name: texts.saveContacts }).click();
    await expect.poll(() => contacts.getByText(m.passwordRequired, { exact: true }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'contacts asking for the password');
    await contacts.getByLabel(m.passwordLabel, { exact: true }).fill('demo');
    await contacts.getByRole('button', { name: texts.saveContacts }).click();
    await contacts.getByText(texts.contactsSaved).waitFor();
    expect(cabinet.simulator.account(LOGIN).email).toBe('shevchenko@example.com');
    expect(await contacts.getByLabel(m.passwordLabel, { exact: true }).count()).toBe(0);
  });

  it('takes a promised payment without the password, which the BFF does not guard, in en', async () => {
    const { m } = i18nFor('en', ['en-GB']);
    // This machine signs in as the debtor of the demo, the one with promised payments on offer.
    const seed = demoSeed(ymd(new Date()));
    for (const account of seed.accounts) account.autoLoginIps = account.login === 'BILL0000102' ? ['127.0.0.1', '::1', '::ffff:127.0.0.1'] : [];
    const { cabinet, page } = await openOwnCabinet(browser(), { carbon: { seed }, locale: 'en-GB' });
    await signInAutomatically(page, m);
    await page.getByRole('link', { name: m.takePromisePay }).click();

    const offer = page.getByTestId('offer-144');
    await offer.waitFor();
    expect(await page.getByText(m.needsPassword, { exact: true }).count()).toBe(0);
    await offer.getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: m.confirmTake, exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(cabinet.simulator.calls['web_cabinet.add_promise_pay']).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: m.toHome }).count()).toBe(1);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
