import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { expectNoAxeViolations, openOwnCabinet, phonesInEachLanguage, signIn, useChromium } from './browser.js';
import { i18nFor } from '../support/i18n.js';

const languages = phonesInEachLanguage('en-US');

/**
 * The Support screen and the notices, in each language, against the Carbon 5 demo: the notice the
 * ISP published shows on the dashboard; the subscriber reads a conversation with the ISP's answer,
 * replies, writes a new message (its markup stays text), reads the ISP's answer to it, and marks the
 * notices read. Every screen is checked with axe.
 */
describe('support conversations and notices in the PWA', () => {
  const browser = useChromium();

  for (const { language, locale } of languages) {
    it(`reads, writes and replies to support, and reads the ISP’s notice, in ${language}`, async () => {
      const { m } = i18nFor(language, [locale]);
      const { cabinet, page } = await openOwnCabinet(browser(), { locale });
      const store = openSqliteStore({ dataDir: cabinet.dataDir });
      await store.notices.publish({ title: 'Планові роботи 12.05', body: 'З 02:00 до 04:00 можливі перерви.', until: null });
      await store.close();

      await signIn(page, 'BILL0000101');
      const banner = page.getByTestId('notices-banner');
      await expect.poll(() => banner.textContent()).toContain('Планові роботи 12.05');
      // The answer to "does my Internet work" and its Top up stay first on the screen; the notice comes after.
      const top = async (testId: string) => (await page.getByTestId(testId).boundingBox())!.y;
      expect(await top('status')).toBeLessThan(await top('notices-banner'));
      expect(await page.getByRole('link', { name: m.navTopUp, exact: true }).first().isVisible()).toBe(true);
      await expectNoAxeViolations(page, `dashboard with a notice (${language})`);

      await page.getByRole('link', { name: m.navMore }).click();
      await page.getByRole('link', { name: m.supportTitle }).click();
      await page.getByRole('heading', { level: 1, name: m.ticketsTitle }).waitFor();
      await page.getByTestId('tickets').waitFor();
      expect(await page.getByTestId('tickets').textContent()).toContain(m.ticketClosed);
      await expectNoAxeViolations(page, `conversations (${language})`);

      await page.getByRole('link', { name: 'Повільний інтернет увечері' }).click();
      const messages = page.getByTestId('messages');
      await expect.poll(() => messages.textContent()).toContain('Майстер замінить обладнання');
      await expectNoAxeViolations(page, `a conversation (${language})`);
      await page.getByLabel(m.ticketReplyLabel).fill('Дякую, чекаю.');
      await page.getByRole('button', { name: m.ticketSend }).click();
      await expect.poll(() => messages.locator('li').count()).toBe(3);

      await page.getByRole('link', { name: m.ticketBack }).click();
      await page.getByRole('link', { name: m.ticketNew }).click();
      await page.getByRole('heading', { level: 1, name: m.ticketNew }).waitFor();
      await expectNoAxeViolations(page, `a new message (${language})`);
      await page.getByLabel(m.ticketSubject).fill('Роутер');
      const text = 'Індикатор <b>LOS</b> горить\nвже годину';
      await page.getByLabel(m.ticketText).fill(text);
      await page.getByRole('button', { name: m.ticketSend }).click();
      await page.getByRole('heading', { level: 1, name: 'Роутер' }).waitFor();
      expect(await messages.locator('.message-text').first().innerText()).toBe(text);
      expect(await messages.locator('b').count()).toBe(0);

      const id = new URL(page.url()).searchParams.get('ticket');
      cabinet.simulator.answerTicket('BILL0000101', Number(id), 'Перезавантажили порт.');
      await page.reload();
      await expect.poll(() => messages.textContent()).toContain('Перезавантажили порт.');
      expect(await messages.locator('li').last().textContent()).toContain(m.ticketFromIsp);

      await page.goto(`${cabinet.url}/`);
      await banner.getByRole('button', { name: m.noticesMarkRead }).click();
      await expect.poll(() => banner.count()).toBe(0);
      await page.goto(`${cabinet.url}/notices`);
      await page.getByTestId('notices').waitFor();
      await expectNoAxeViolations(page, `notices (${language})`);
    });
  }
});
