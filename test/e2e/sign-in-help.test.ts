import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Language } from '../../client/src/i18n/index.js';
import { startCabinet } from '../support/cabinet.js';
import { expectNoAxeViolations, launchChromium, newPhone, plain } from './browser.js';
import { i18nFor } from '../support/i18n.js';

/**
 * Sign-in without dead ends, in each language: the form says what the login is, a wrong password leads
 * straight to "Forgot your password?" with the login carried over, and the ISP's contacts are always there.
 */
const languages: { language: Language; locale: string }[] = [
  { language: 'uk', locale: 'uk-UA' },
  { language: 'ru', locale: 'ru-RU' },
  { language: 'en', locale: 'en-GB' },
];

describe('sign-in help', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const { language, locale } of languages) {
    it(`explains the login, links the reset from a wrong password with the login filled in, shows the contacts, in ${language}`, async () => {
      const { m } = i18nFor(language, [locale]);
      const cabinet = await startCabinet({ env: { CABINET_SUPPORT_PHONE: '+380 44 000 00 00' } });
      onTestFinished(() => cabinet.close());
      const context = await newPhone(browser, { locale });
      onTestFinished(() => context.close());
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(cabinet.url);
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent()).toBe(m.signInTitle);

      const login = page.getByLabel(m.loginLabel, { exact: true });
      // The hint is the field's description, so a screen reader hears it with the label.
      const describedBy = await login.getAttribute('aria-describedby');
      expect(plain(await page.locator(`#${describedBy}`).textContent())).toBe(plain(m.loginHintExample('BILL0000101')));
      // The ISP's contacts beside the form even where the billing resets passwords by code.
      expect(await page.getByRole('link', { name: '+380 44 000 00 00' }).getAttribute('href')).toBe('tel:+380440000000');

      await login.fill('BILL0000101');
      await page.getByLabel(m.passwordLabel, { exact: true }).fill('not-the-password');
      await page.getByRole('button', { name: m.signIn, exact: true }).click();
      const alert = page.getByRole('alert');
      await expect.poll(async () => plain(await alert.textContent())).toContain(plain(m.errorInvalidCredentials));
      await expectNoAxeViolations(page, `wrong password with the way to reset (${language})`);

      await alert.getByRole('link', { name: m.forgotPassword }).click();
      await expect.poll(() => heading.textContent()).toBe(m.resetTitle);
      expect(await page.getByLabel(m.loginLabel, { exact: true }).inputValue()).toBe('BILL0000101');
    });
  }
});
