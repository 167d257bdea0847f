import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Language } from '../../client/src/i18n/index.js';
import { startCabinet } from '../support/cabinet.js';
import { i18nFor } from '../support/i18n.js';
import { expectNoAxeViolations, launchChromium, phonePage, plain } from './browser.js';

/**
 * Signed in automatically from the ISP's network, a subscriber changes a service: the screen says
 * before the tap that the change needs the password, asks for it in the same dialog, says so when it
 * is mistyped, and goes on once it is right. The demo signs this machine in as BILL0000101; each
 * language gets a cabinet of its own, so each connects the same first available service.
 */
const languages: { language: Language; locale: string }[] = [
  { language: 'uk', locale: 'uk-UA' },
  { language: 'ru', locale: 'ru-RU' },
  { language: 'en', locale: 'en-GB' },
];
const LOGIN = 'BILL0000101';

describe('a service change after automatic sign-in', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const { language, locale } of languages) {
    it(`asks for the password in the dialog and goes on, in ${language}`, async () => {
      const cabinet = await startCabinet();
      onTestFinished(() => cabinet.close());
      const { m } = i18nFor(language, [locale]);
      const page = await phonePage(browser, { locale });
      await page.goto(cabinet.url);
      await page.getByRole('button', { name: m.autoLogin, exact: true }).click();
      await expect.poll(() => page.getByTestId('balance').count()).toBe(1);
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
        new RegExp(`^(${escape(plain(m.connectDone(name)))}|${escape(plain(m.changeApplied(name)))})$`),
      );
      await expect.poll(() => cabinet.simulator.account(LOGIN).connectedServiceIds.includes(service)).toBe(true);
      // The password is confirmed for this session: nothing more is marked as needing it.
      expect(await page.getByText(m.needsPassword, { exact: true }).count()).toBe(0);
    });
  }
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
