import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PROMISE_OFFERS, DEMO_SERVICES, demoSeed } from '../../server/billing/carbon5/demo-data.js';
import { addDays, ymd } from '../../shared/dates.js';
import { codeInMessage } from '../../client/src/features/demo-outbox/code-in-message.js';
import type { I18n } from '../../client/src/i18n/index.js';
import type { TestCabinet } from '../support/cabinet.js';
import { expectNoAxeViolations, openOwnCabinet, phonesInEachLanguage, plain, useChromium } from './browser.js';
import { i18nFor, resetTexts } from '../support/i18n.js';

/**
 * The subscriber's whole journey, written once and run in each language the cabinet speaks, each
 * against its own cabinet and simulator: the debtor signs in, reads the dashboard, takes a promised
 * payment, connects a service and disconnects it again, signs out, resets the password with the code
 * from the demo outbox and signs in with the new one. Every text comes from the language's dictionary
 * through the app's own formatting (`createI18n`), and controls are found by role and name.
 *
 * The promised payment comes before the services: in debt (-120.50) the billing refuses to connect
 * anything ("not enough money"); the 7-day offer (200, fee 5) leaves 74.50, enough for the static IP (50).
 */
const LOGIN = 'BILL0000102';
const CURRENCY = 'UAH';
const debtor = demoSeed(ymd(new Date())).accounts.find((account) => account.login === LOGIN)!;
const offer = DEMO_PROMISE_OFFERS.find((candidate) => candidate.id === 145)!;
const freeOffer = DEMO_PROMISE_OFFERS.find((candidate) => candidate.id === 144)!;
const staticIp = DEMO_SERVICES.find((service) => service.id === 12)!;
const balanceAfterPromise = '74.50'; // -120.50 + 200.00 - 5.00
const monthlyAfterPromise = '214.50'; // what Carbon recommends paying: tariff 250.00 + antivirus 39.00 - 74.50
const monthlyInDebt = '409.50'; // tariff 250.00 + antivirus 39.00 + the debt 120.50
/** Carbon charges the monthly fee on the first of the month. */
const nextChargeOn = (() => {
  const today = new Date();
  return ymd(new Date(today.getFullYear(), today.getMonth() + 1, 1));
})();

const languages = phonesInEachLanguage('en-US');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A button "Connect" whose hidden ": Static IP" names what it acts on; Chromium reads it as "Connect : Static IP". */
// A screen reader hears "Connect Antivirus ESET": the action, then what it acts on, with nothing between.
const actionOn = (action: string, subject: string) => new RegExp(`^${escapeRegExp(action)} ${escapeRegExp(subject)}$`);

describe('the whole subscriber journey, in each language', () => {
  const browser = useChromium();

  for (const { language, locale } of languages) {
    it(`signs in, reads the dashboard, takes a promised payment, connects and disconnects a service, signs out, resets the password and signs in again, in ${language}`, async () => {
      const { cabinet, page } = await openOwnCabinet(browser(), { locale });
      await journey(page, cabinet, i18nFor(language, [locale]), `new-secret-${language}`);
    });
  }
});

async function journey(page: Page, cabinet: TestCabinet, t: I18n, newPassword: string): Promise<void> {
  const { m } = t;
  const money = (amount: string) => plain(t.money({ amount, currency: CURRENCY }));
  const heading = page.getByRole('heading', { level: 1 });
  const navigation = page.getByRole('navigation', { name: m.mainNavigation });
  /** The texts of the page's status messages ("Done: …"), whitespace made plain. */
  const notices = async () => (await page.getByRole('status').allTextContents()).map(plain);
  /** What the element shows, paragraphs apart, as in `plain`. */
  const textOf = async (locator: Locator) => plain(await locator.innerText());
  const billing = () => cabinet.simulator.account(LOGIN);

  async function signIn(password: string) {
    await page.getByLabel(m.loginLabel, { exact: true }).fill(LOGIN);
    await page.getByLabel(m.passwordLabel, { exact: true }).fill(password);
    await page.getByRole('button', { name: m.signIn, exact: true }).click();
  }

  // Sign in, in the browser's language.
  await expect.poll(() => heading.textContent()).toBe(m.signInTitle);
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(t.language);
  await signIn('demo');

  // The dashboard: the debt, the headline in words, what to pay and by when, the tariff, one tap to a promised payment.
  await expect.poll(() => heading.textContent()).toBe(m.dashboardTitle);
  const balanceCard = page.getByRole('region', { name: m.balance });
  expect(await textOf(balanceCard.getByTestId('balance'))).toBe(money(debtor.balance));
  expect(await textOf(balanceCard.getByTestId('status'))).toBe(plain(m.headlineDebtTopUp({ amount: t.moneyMagnitude({ amount: debtor.balance, currency: CURRENCY }) })));
  expect(await balanceCard.getByTestId('days-left').count()).toBe(0);
  expect(await textOf(page.getByTestId('to-pay'))).toBe(plain(`${m.amountToPay}: ${m.toPayBy({ amount: money(monthlyInDebt), date: t.date(nextChargeOn) })}`));
  const tariff = await textOf(page.getByTestId('tariff'));
  expect(tariff).toContain(debtor.tariff.name);
  expect(tariff).toContain(plain(m.perMonth({ price: t.money({ amount: debtor.tariff.fee, currency: CURRENCY }) })));

  // A promised payment: the billing's terms on each offer and in the confirmation, the result after.
  await balanceCard.getByRole('link', { name: m.takePromisePay }).click();
  await expect.poll(() => heading.textContent()).toBe(m.promiseTitle);
  const offerCard = (amount: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: money(amount), exact: true }) });
  expect(await textOf(offerCard(freeOffer.amount))).toContain(plain(`${t.plural(m.promiseDays, freeOffer.days)}, ${m.noFee}`));
  expect(await textOf(offerCard(offer.amount))).toContain(plain(`${t.plural(m.promiseDays, offer.days)}, ${m.fee({ fee: t.money({ amount: offer.fee, currency: CURRENCY }) })}`));
  await offerCard(offer.amount).getByRole('button', { name: m.choose }).click();

  const until = addDays(ymd(new Date()), offer.days);
  const promiseDialog = page.getByRole('dialog', { name: plain(m.promiseConfirmTitle({ amount: t.money({ amount: offer.amount, currency: CURRENCY }) })) });
  const terms = await textOf(promiseDialog);
  expect(terms).toContain(plain(m.promiseConfirmBody({ amount: t.money({ amount: offer.amount, currency: CURRENCY }), date: t.date(until) })));
  expect(terms).toContain(plain(m.promiseConfirmFee({ fee: t.money({ amount: offer.fee, currency: CURRENCY }) })));
  await expectNoAxeViolations(page, `promised payment with a fee (${t.language})`);
  expect(billing().promisePay).toBeNull();
  await promiseDialog.getByRole('button', { name: m.confirmTake }).click();

  const promiseDone = plain(`${m.promiseDone({ amount: t.money({ amount: offer.amount, currency: CURRENCY }) })} ${m.newBalance({ balance: t.money({ amount: balanceAfterPromise, currency: CURRENCY }) })}`);
  await expect.poll(notices).toContainEqual(expect.stringContaining(promiseDone));
  expect(billing()).toMatchObject({ balance: balanceAfterPromise, promisePay: { amount: offer.amount, until } });

  await navigation.getByRole('link', { name: m.navHome }).click();
  await expect.poll(() => heading.textContent()).toBe(m.dashboardTitle);
  expect(await textOf(balanceCard.getByTestId('balance'))).toBe(money(balanceAfterPromise));
  expect(await textOf(balanceCard.getByTestId('status'))).toBe(plain(m.headlineOnCredit({ date: t.date(until) })));
  expect(await textOf(balanceCard)).toContain(plain(m.promiseActive({ amount: t.money({ amount: offer.amount, currency: CURRENCY }), date: t.date(until) })));
  expect(await textOf(page.getByTestId('to-pay'))).toBe(plain(`${m.amountToPay}: ${m.toPayBy({ amount: money(monthlyAfterPromise), date: t.date(nextChargeOn) })}`));
  expect(await balanceCard.getByRole('link', { name: m.takePromisePay }).count()).toBe(0);

  // Connect the static IP: its price and when it starts before, "being applied" after, until Carbon applies it.
  await navigation.getByRole('link', { name: m.navServices }).click();
  await expect.poll(() => heading.textContent()).toBe(m.servicesTitle);
  const serviceCard = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: staticIp.name, exact: true }) });
  const serviceBefore = await textOf(serviceCard);
  expect(serviceBefore).toContain(plain(m.price({ price: t.money({ amount: staticIp.price, currency: CURRENCY }) })));
  expect(serviceBefore).toContain(m.notConnected);
  await serviceCard.getByRole('button', { name: actionOn(m.connect, staticIp.name) }).click();

  const connectDialog = page.getByRole('dialog', { name: m.connectConfirmTitle({ name: staticIp.name }) });
  const connectTerms = await textOf(connectDialog);
  expect(connectTerms).toContain(plain(m.connectCost({ price: t.money({ amount: staticIp.price, currency: CURRENCY }) })));
  expect(connectTerms).toContain(m.connectWhen);
  await connectDialog.getByRole('button', { name: m.confirmConnect }).click();
  await expect.poll(notices).toContainEqual(expect.stringContaining(plain(m.connectDone({ name: staticIp.name }))));
  expect(await textOf(serviceCard)).toContain(`${m.pending} ${m.pendingHint}`);
  expect(await serviceCard.getByRole('button').count()).toBe(0);
  await expect.poll(() => billing().connectedServiceIds.toSorted()).toEqual([12, 86]);
  expect(billing().queuedWrites).toEqual([]);

  // Once applied, the cabinet reads it as connected; disconnect it again.
  await page.reload();
  await expect.poll(() => heading.textContent()).toBe(m.servicesTitle);
  await expect.poll(() => serviceCard.getByRole('button', { name: actionOn(m.disconnect, staticIp.name) }).isVisible()).toBe(true);
  const serviceConnected = await textOf(serviceCard);
  expect(serviceConnected).toContain(m.connected);
  expect(serviceConnected).not.toContain(m.notConnected);
  expect(serviceConnected).not.toContain(m.pending);
  await serviceCard.getByRole('button', { name: actionOn(m.disconnect, staticIp.name) }).click();

  const disconnectDialog = page.getByRole('dialog', { name: m.disconnectConfirmTitle({ name: staticIp.name }) });
  expect(await textOf(disconnectDialog)).toContain(m.disconnectWhen);
  await disconnectDialog.getByRole('button', { name: m.confirmDisconnect }).click();
  await expect.poll(notices).toContainEqual(expect.stringContaining(plain(m.disconnectDone({ name: staticIp.name }))));
  expect(await textOf(serviceCard)).toContain(m.pending);
  await expectNoAxeViolations(page, `services, a change being applied (${t.language})`);
  await expect.poll(() => billing().connectedServiceIds).toEqual([86]);
  expect(billing().queuedWrites).toEqual([]);

  // Sign out: back at sign-in, nothing private left in the browser.
  await page.getByRole('banner').getByRole('button', { name: m.signOut }).click();
  await expect.poll(() => heading.textContent()).toBe(m.signInTitle);
  // The note that the server session is still to be ended goes once the BFF has ended it.
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).sort())).toEqual(['abonent.cabinet']);

  // Forgot the password: ask for a code for the login.
  await page.getByRole('link', { name: m.forgotPassword }).click();
  await expect.poll(() => heading.textContent()).toBe(m.resetTitle);
  await page.getByLabel(m.loginLabel, { exact: true }).fill(LOGIN);
  await page.getByRole('button', { name: m.sendCode }).click();
  await expect.poll(notices).toContainEqual(expect.stringContaining(plain(m.codeSentIfExists)));
  const sent = cabinet.simulator.outbox().filter((message) => message.login === LOGIN);
  expect(sent).toMatchObject([{ channel: 'SMS', to: debtor.phone }]);
  const billingCode = codeInMessage(sent[0]?.text ?? '');
  expect(billingCode).toMatch(/^[A-Z0-9]{4,16}$/);

  // Read the code on the demo outbox page, reached from the sign-in screen as a subscriber would.
  await page.getByRole('banner').getByRole('link').click();
  await expect.poll(() => heading.textContent()).toBe(m.signInTitle);
  await page.getByRole('link', { name: m.outboxTitle }).click();
  await expect.poll(() => heading.textContent()).toBe(m.outboxTitle);
  const [codeBefore = '', codeAfter = ''] = m.outboxCode({ code: '\u0000' }).split('\u0000');
  const shownCode = page.getByText(new RegExp(`^${escapeRegExp(codeBefore)}[A-Z0-9]{4,16}${escapeRegExp(codeAfter)}$`));
  await expect.poll(() => page.getByRole('listitem').filter({ hasText: LOGIN }).filter({ has: shownCode }).count()).toBe(1);
  const code = (await textOf(shownCode)).slice(codeBefore.length, codeAfter ? -codeAfter.length : undefined);
  expect(code).toBe(billingCode);

  // Back to the reset, which remembers the code was sent: type the code and a new password.
  await page.getByRole('banner').getByRole('link').click();
  await page.getByRole('link', { name: m.forgotPassword }).click();
  await expect.poll(() => heading.textContent()).toBe(m.resetTitle);
  expect(await notices()).toContainEqual(m.codeSentIfExists);
  await page.getByLabel(m.codeLabel, { exact: true }).fill(code);
  await page.getByLabel(m.newPasswordLabel, { exact: true }).fill(newPassword);
  await page.getByRole('button', { name: m.setPassword }).click();
  await expect.poll(notices).toContainEqual(expect.stringContaining(plain(m.resetDone)));
  expect(billing().password).toBe(newPassword);

  // The old password no longer works; the new one does.
  // The sign-in form opens with the login the reset was for.
  await page.getByRole('link', { name: resetTexts[t.language].signInAs({ login: LOGIN }) }).click();
  await expect.poll(() => heading.textContent()).toBe(m.signInTitle);
  await signIn('demo');
  // The error goes on with a link to the reset ("Forgot your password?").
  await expect.poll(() => page.getByRole('alert').textContent()).toMatch(new RegExp(`^${escapeRegExp(m.errorInvalidCredentials)}`));
  await signIn(newPassword);
  await expect.poll(() => heading.textContent()).toBe(m.dashboardTitle);
  expect(await textOf(page.getByRole('region', { name: m.balance }).getByTestId('balance'))).toBe(money(balanceAfterPromise));
}
