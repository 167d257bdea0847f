import { describe, expect, it } from 'vitest';
import { GraphQLClient } from '../support/graphql-client.js';
import { i18nFor } from '../support/i18n.js';
import { DASHBOARD } from '../support/operations.js';
import { expectNoAxeViolations, phonesInEachLanguage, plain, signIn, useCabinetInChromium } from './browser.js';

/**
 * Sign-out on a shared phone with no connection: nothing private stays on screen, the session the
 * cookie still holds is ended on the server when the network is back, and the account never reappears.
 */
const languages = phonesInEachLanguage('en-GB');

describe('sign-out while offline', () => {
  // Arbitrary operations only so the test can ask the BFF itself, with the old cookie, who is signed in.
  const { cabinet, openPhone } = useCabinetInChromium({ env: { ALLOW_ARBITRARY_OPERATIONS: 'true' } });

  for (const { language, locale } of languages) {
    it(`signs out at once and ends the server session on reconnection, in ${language}`, async () => {
      const { m } = i18nFor(language, [locale]);
      const page = await openPhone({ locale });
      await signIn(page, 'BILL0000101');
      await page.getByTestId('balance').waitFor();
      const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
      const oldCookie = new GraphQLClient(cabinet().url, { cookie });

      await page.context().setOffline(true);
      await page.getByRole('button', { name: m.signOut, exact: true }).click();
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent()).toBe(m.signInTitle);
      const status = page.getByRole('status').filter({ hasText: m.signedOutOffline });
      await status.waitFor();
      // From here on, any sign of the account on screen is recorded, however briefly it shows.
      await page.evaluate(() => {
        const seen = () => document.querySelector('[data-testid="balance"]') !== null;
        (window as unknown as { accountSeen: boolean }).accountSeen = seen();
        new MutationObserver(() => {
          // The sign-in form's hint names a demo login, so the balance is what marks the account.
          if (seen()) (window as unknown as { accountSeen: boolean }).accountSeen = true;
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await expectNoAxeViolations(page, `signed out offline, light (${language})`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoAxeViolations(page, `signed out offline, dark (${language})`);
      // The cookie outlived the sign-out: the server session is still open while the phone is offline.
      expect((await oldCookie.query(DASHBOARD)).data?.me?.login).toBe('BILL0000101');

      await page.context().setOffline(false);
      await expect.poll(async () => plain(await page.getByRole('status').allTextContents().then((texts) => texts.join(' ')))).toContain(plain(m.signedOutOnServer));
      const refused = await oldCookie.query(DASHBOARD);
      expect(refused.data?.me ?? null).toBeNull();
      await expectNoAxeViolations(page, `signed out on the server, dark (${language})`);
      expect(await page.evaluate(() => (window as unknown as { accountSeen: boolean }).accountSeen)).toBe(false);
      // A reload online opens the sign-in form, not the account.
      await page.reload();
      await expect.poll(() => heading.textContent()).toBe(m.signInTitle);
      await page.getByLabel(m.loginLabel, { exact: true }).waitFor();
      expect(await page.getByTestId('balance').count()).toBe(0);
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key !== 'abonent.cabinet' && key !== 'abonent.language'))).toEqual([]);
    });
  }
});
