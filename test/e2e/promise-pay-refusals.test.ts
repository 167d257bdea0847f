import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../client/src/i18n/index.js';
import { REFUSAL_TEXTS, type RefusalKind } from '../../client/src/app/refusal.js';
import { ubillingDemoLogins } from '../../server/billing/ubilling/demo-data.js';
import type { UbillingSimulator } from '../../server/billing/ubilling/simulator.js';
import { startUbillingCabinet, type TestCabinet } from '../support/cabinet.js';
import { i18nFor } from '../support/i18n.js';
import { expectNoAxeViolations, launchChromium, phonePage, plain, signIn } from './browser.js';

/**
 * A promised payment the billing would certainly refuse is not offered: the screen says why, in the
 * subscriber's language, with the way on, before any tap. On the Ubilling demo, whose userstats checks
 * the login in any letter case, each subscriber signs in as they might type it on a phone.
 */
const cases: { typed: string; login: string; language: Language; locale: string; refusal: RefusalKind; next: 'top-up' | 'support' | null; setUp?: (simulator: UbillingSimulator) => void }[] = [
  { typed: 'Petrenko', login: 'petrenko', language: 'uk', locale: 'uk-UA', refusal: 'debtTooLarge', next: 'top-up', setUp: (simulator) => simulator.updateUser('petrenko', { cash: -900 }) },
  { typed: 'BONDAR', login: 'bondar', language: 'ru', locale: 'ru-RU', refusal: 'paused', next: 'support' },
  { typed: 'ivanov', login: 'ivanov', language: 'en', locale: 'en-GB', refusal: 'noDebt', next: null },
];

describe('promised payments the billing would refuse', () => {
  let browser: Browser;
  let cabinet: TestCabinet;
  let simulator: UbillingSimulator;

  beforeAll(async () => {
    [{ cabinet, simulator }, browser] = await Promise.all([startUbillingCabinet('UBE2EREFUSALS'), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await cabinet?.close();
    await simulator?.close();
  });

  for (const { typed, login, language, locale, refusal, next, setUp } of cases) {
    it(`tells ${login} why none is offered (${refusal}), in ${language}, signed in as ${typed}`, async () => {
      setUp?.(simulator);
      const { m } = i18nFor(language, [locale]);
      const page = await phonePage(browser, { locale });
      await page.goto(cabinet.url);
      await signIn(page, typed, ubillingDemoLogins.find((demo) => demo.login === login)!.password);
      await expect.poll(() => page.getByTestId('balance').count()).toBe(1);
      // Nothing on the dashboard leads to an offer that would end in a "no".
      expect(await page.getByRole('link', { name: m.takePromisePay }).count()).toBe(0);

      await page.goto(`${cabinet.url}/promise-pay`);
      const reason = page.getByTestId('no-offer-reason');
      await expect.poll(() => reason.count()).toBe(1);
      expect(plain(await reason.innerText())).toContain(plain(REFUSAL_TEXTS[language][refusal]));
      expect(await page.getByRole('button', { name: m.choose }).count()).toBe(0);
      expect(await reason.getByRole('link', { name: m.navTopUp }).count()).toBe(next === 'top-up' ? 1 : 0);
      expect(await reason.getByRole('link', { name: m.contactSupport }).count()).toBe(next === 'support' ? 1 : 0);
      await expectNoAxeViolations(page, `promised payment refused before asking, ${login}`);
    });
  }
});
