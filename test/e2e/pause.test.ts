import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, openOwnCabinet, operationsSent, phonesInEachLanguage, signIn, useChromium } from './browser.js';
import { i18nFor } from '../support/i18n.js';

const languages = phonesInEachLanguage('en-US');

const pad = (value: number) => String(value).padStart(2, '0');
const day = (days: number) => {
  const at = new Date(Date.now() + days * 86_400_000);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
};

/**
 * The Pause screen on the Carbon 5 demo, in each language: a subscriber in good standing opens it
 * from More, picks the days, sees the dates and the cost before confirming, and then the booked
 * pause; the frozen demo subscriber reaches it from the dashboard and is told only the ISP ends it.
 * Every screen is checked with axe.
 */
describe('pausing the service in the PWA', () => {
  const browser = useChromium();

  for (const { language, locale } of languages) {
    it(`books a pause with a preview, and shows a running one, in ${language}`, async () => {
      const { m } = i18nFor(language, [locale]);
      const { cabinet, page } = await openOwnCabinet(browser(), { locale });
      await signIn(page, 'BILL0000101');
      await page.getByTestId('balance').waitFor();
      await page.getByRole('link', { name: m.navMore }).click();
      await page.getByRole('link', { name: m.pauseTitle }).click();
      await page.getByRole('heading', { level: 1, name: m.pauseTitle }).waitFor();
      await page.getByRole('heading', { level: 2, name: m.pauseNew }).waitFor();
      await expectNoAxeViolations(page, `pause form (${language})`);

      await page.getByLabel(m.pauseFrom).fill(day(1));
      await page.getByLabel(m.pauseTo).fill(day(7));
      await page.getByRole('button', { name: m.pauseContinue }).click();
      const dialog = page.getByRole('dialog', { name: m.pauseConfirmTitle });
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(m.pauseFeeUnknown);
      await expectNoAxeViolations(page, `pause preview (${language})`);
      expect(cabinet.simulator.calls['web_cabinet.block_user'] ?? 0).toBe(0);
      const sent = operationsSent(page);
      await dialog.getByRole('button', { name: m.pauseConfirm }).click();
      await page.getByText(m.pauseStarted).waitFor();
      await page.getByRole('heading', { level: 2, name: m.pauseNew }).waitFor({ state: 'detached' });
      expect(cabinet.simulator.calls['web_cabinet.block_user']).toBe(1);
      await expectNoAxeViolations(page, `pause booked (${language})`);
      // The booked pause is what StartPause answered: the screen does not read it again.
      expect(sent).toEqual(['StartPause']);

      await page.getByRole('link', { name: m.toHome }).click();
      await page.getByRole('banner').getByRole('button', { name: m.signOut }).click();
      await signIn(page, 'BILL0000104');
      await page.getByTestId('balance').waitFor();
      await page.getByRole('link', { name: m.pauseTitle }).click();
      await page.getByRole('heading', { level: 2, name: new RegExp(m.pauseActive) }).waitFor();
      expect(await page.locator('main').textContent()).toContain(m.pauseUntilProviderEnds);
      expect(await page.getByRole('button', { name: m.pauseEnd }).count()).toBe(0);
      await expectNoAxeViolations(page, `running pause (${language})`);
    });

    it(`offers "End the pause" beside "Paused until" where the billing lets the subscriber end it, in ${language}`, async () => {
      const t = i18nFor(language, [locale]);
      const { m } = t;
      const { page } = await openOwnCabinet(browser(), { env: { BILLING_KIND: 'ubilling', UBILLING_SELF_UNFREEZE: 'true' }, locale, colorScheme: 'dark' });
      await signIn(page, 'sydorenko', 'sydorenko-demo');
      await page.getByTestId('balance').waitFor();
      // Ubilling's freeze lasts until it is ended: the headline has no date.
      await expect.poll(() => page.getByTestId('status').textContent()).toBe(m.headlinePaused);
      const endPause = page.getByRole('main').getByRole('link', { name: m.pauseEnd });
      await endPause.waitFor();
      // Once the notices have arrived below it, at the end of the page: there the bottom bar covers no
      // button, which axe would count as too small a target.
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
      await expectNoAxeViolations(page, `paused, with End the pause, dark (${language})`);
      await page.emulateMedia({ colorScheme: 'light' });
      await expectNoAxeViolations(page, `paused, with End the pause, light (${language})`);
      await endPause.click();
      await page.getByRole('heading', { level: 2, name: new RegExp(m.pauseActive) }).waitFor();
      await page.getByRole('button', { name: m.pauseEnd }).waitFor();
    });
  }
});
