import { describe, expect, it } from 'vitest';
import { eventually } from '../support/expectations.js';
import { i18nFor, resetTexts } from '../support/i18n.js';
import { expectNoAxeViolations, openOwnCabinet, phonesInEachLanguage, plain, useChromium } from './browser.js';

/**
 * A password reset without dead ends, in each language: the login comes from the sign-in screen,
 * "Send a new code" sends one for the same login, the server's limit says when to try again, and the
 * finished reset leads back to the sign-in form with the login filled in.
 */
const languages = phonesInEachLanguage('en-GB');
const LOGIN = 'BILL0000102';

describe('password reset flow', () => {
  const browser = useChromium();

  for (const { language, locale } of languages) {
    it(`carries the login, sends a new code on request, and signs in with the new password, in ${language}`, async () => {
      const t = i18nFor(language, [locale]);
      const { m } = t;
      const words = resetTexts[language];
      const { cabinet, page } = await openOwnCabinet(browser(), { locale });
      const heading = page.getByRole('heading', { level: 1 });
      await expect.poll(() => heading.textContent()).toBe(m.signInTitle);
      const sentTo = () => cabinet.simulator.outbox().filter((sent) => sent.login === LOGIN);
      const latestCode = () => eventually(async () => /\b([A-Z0-9]{6})\b/.exec(sentTo().at(-1)?.text ?? '')![1]!);

      await page.getByLabel(m.loginLabel, { exact: true }).fill(LOGIN);
      await page.getByRole('link', { name: m.forgotPassword }).click();
      await expect.poll(() => heading.textContent()).toBe(m.resetTitle);
      expect(await page.getByLabel(m.loginLabel, { exact: true }).inputValue()).toBe(LOGIN);
      await page.getByRole('button', { name: m.sendCode }).click();
      await page.getByRole('status').filter({ hasText: m.codeSentIfExists }).waitFor();
      const first = await latestCode();

      await page.getByRole('button', { name: m.sendAgain }).click();
      await page.getByRole('status').filter({ hasText: words.newCodeRequested({ login: LOGIN }) }).waitFor();
      await eventually(async () => expect(sentTo()).toHaveLength(2));
      const second = await latestCode();
      await expectNoAxeViolations(page, `new code sent, light (${language})`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoAxeViolations(page, `new code sent, dark (${language})`);

      // Three requests an hour for one login: the fourth says how long to wait, with the form still there.
      await page.getByRole('button', { name: m.sendAgain }).click();
      await page.getByRole('status').filter({ hasText: words.newCodeRequested({ login: LOGIN }) }).waitFor();
      await eventually(async () => expect(sentTo()).toHaveLength(3));
      const third = await latestCode();
      await page.getByRole('button', { name: m.sendAgain }).click();
      const alert = page.getByRole('alert');
      await expect.poll(async () => plain(await alert.textContent())).toBe(plain(m.errorRateLimited({ wait: t.plural(m.minutes, 60) })));
      expect(sentTo()).toHaveLength(3);
      // Each request really sent a code of its own.
      expect(new Set([first, second, third]).size).toBe(3);

      await page.getByLabel(m.codeLabel, { exact: true }).fill(third);
      await page.getByLabel(m.newPasswordLabel, { exact: true }).fill('new-secret-1');
      await page.getByRole('button', { name: m.setPassword }).click();
      await page.getByText(m.resetDone).waitFor();
      await expectNoAxeViolations(page, `reset done, dark (${language})`);
      await page.getByRole('link', { name: words.signInAs({ login: LOGIN }) }).click();
      await expect.poll(() => heading.textContent()).toBe(m.signInTitle);
      expect(await page.getByLabel(m.loginLabel, { exact: true }).inputValue()).toBe(LOGIN);
      await page.getByLabel(m.passwordLabel, { exact: true }).fill('new-secret-1');
      await page.getByRole('button', { name: m.signIn, exact: true }).click();
      await page.getByTestId('balance').waitFor();
    });
  }
});
