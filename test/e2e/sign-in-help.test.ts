import { describe, expect, it } from 'vitest';
import type { Language } from '../../client/src/i18n/index.js';
import { i18nFor } from '../support/i18n.js';
import { expectNoAxeViolations, openOwnCabinet, phonesInEachLanguage, plain, signIn, useChromium } from './browser.js';

/**
 * Sign-in without dead ends, in each language: the form says what the login is, a wrong password leads
 * straight to "Forgot your password?" with the login carried over, and the ISP's contacts are always there.
 */
const languages = phonesInEachLanguage('en-GB');

describe('sign-in help', () => {
  const browser = useChromium();

  /** The demo Carbon cabinet with a configured support phone, on its sign-in screen. */
  const openSignIn = async (language: Language, locale: string) => {
    const { page } = await openOwnCabinet(browser(), { env: { CABINET_SUPPORT_PHONE: '+380 44 000 00 00' }, locale });
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toBe(i18nFor(language, [locale]).m.signInTitle);
    return { page, heading };
  };

  for (const { language, locale } of languages) {
    it(`explains the login, links the reset from a wrong password with the login filled in, shows the contacts, in ${language}`, async () => {
      const { m } = i18nFor(language, [locale]);
      const { page, heading } = await openSignIn(language, locale);

      const login = page.getByLabel(m.loginLabel, { exact: true });
      // The hint is the field's description, so a screen reader hears it with the label.
      const describedBy = await login.getAttribute('aria-describedby');
      expect(plain(await page.locator(`#${describedBy}`).textContent())).toBe(plain(m.loginHintExample({ example: 'BILL0000101' })));
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

    it(`offers automatic sign-in and support when sign-in is locked for a while, in ${language}`, async () => {
      const t = i18nFor(language, [locale]);
      const { m } = t;
      const { page, heading } = await openSignIn(language, locale);
      const alert = page.getByRole('alert');
      // Five wrong passwords for one login from one address are allowed; the sixth attempt waits.
      for (let attempt = 0; attempt < 6; attempt++) {
        await signIn(page, 'BILL0000101', `wrong-${attempt}`);
        await expect.poll(async () => (await alert.count()) > 0 && (await page.locator('form button[type=submit]').getAttribute('aria-busy')) === 'false').toBe(true);
      }
      await expect.poll(async () => plain(await alert.textContent())).toContain(plain(m.errorRateLimited({ wait: t.plural(m.minutes, 15) })));
      expect(await alert.getByRole('link', { name: m.contactSupport }).getAttribute('href')).toBe('#support-title');
      await expectNoAxeViolations(page, `sign-in locked, light (${language})`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoAxeViolations(page, `sign-in locked, dark (${language})`);
      await alert.getByRole('button', { name: m.autoLogin }).click();
      await expect.poll(() => heading.textContent()).not.toBe(m.signInTitle);
      await expect.poll(() => page.getByRole('button', { name: m.signOut }).count()).toBeGreaterThan(0);
    });
  }
});
