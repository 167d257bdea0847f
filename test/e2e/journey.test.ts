import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { demoSeed } from '../../server/billing/carbon5/demo-data.js';
import { codeInMessage } from '../../client/src/features/demo-outbox/code-in-message.js';
import { formatMoney } from '../../client/src/i18n/format.js';
import { expectNoAxeViolations, plain, signIn, useCabinetInChromium } from './browser.js';
import { historyTexts, i18nFor } from '../support/i18n.js';

/**
 * The journey's screens in their other situations, on the production build, against the BFF and the Carbon
 * simulator; the whole journey, once in each language, is journey-languages.test.ts.
 */
describe('the subscriber journey', () => {
  const { cabinet, openPhone } = useCabinetInChromium();
  const demo = demoSeed(new Date().toISOString().slice(0, 10)).accounts;
  const account = (login: string) => demo.find((candidate) => candidate.login === login)!;
  const uah = (locale: string, amount: string) => plain(formatMoney(locale, { amount, currency: 'UAH' }));

  it('signs in after a wrong password and shows the dashboard as the billing has it', async () => {
    const page = await openPhone();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вхід');
    await expectNoAxeViolations(page, 'sign-in');

    await page.locator('form button[type=submit]').click();
    await expect.poll(() => page.getByText('Введіть логін').isVisible()).toBe(true);
    await signIn(page, 'BILL0000101', 'wrong-password');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Неправильний логін або пароль');

    await signIn(page, 'BILL0000101');
    const taras = account('BILL0000101');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ваш рахунок');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(plain(await page.getByTestId('balance').textContent())).toBe(uah('uk', taras.balance));
    // The year is named only when the day falls in another year than today's (in December, often).
    expect(await page.getByTestId('status').textContent()).toMatch(/^Інтернет працює до \d+ [а-яіїє]+( \d{4} р\.)?$/);
    expect(await page.getByTestId('days-left').textContent()).toMatch(/^Лишил(ся|ося) \d+ д/);
    expect(await page.getByTestId('to-pay').count()).toBe(0);
    expect(plain(await page.getByTestId('tariff').textContent())).toContain(`${taras.tariff.name}${uah('uk', taras.tariff.fee)} на місяць`);
    expect(plain(await page.locator('.rows .total').textContent())).toBe(`Разом на місяць${uah('uk', '330.00')}`);
    expect(await page.getByRole('link', { name: 'Взяти обіцяний платіж' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'dashboard');

    // History shows this month; the whole list of payments is one tap further, under More.
    await page.getByRole('navigation').getByRole('link', { name: 'Історія' }).click();
    await expect.poll(() => page.getByTestId('month-payments').isVisible()).toBe(true);
    await page.getByRole('navigation').getByRole('link', { name: 'Більше' }).click();
    await page.getByRole('link', { name: 'Платежі', exact: true }).click();
    await expect.poll(() => page.getByTestId('payments').locator('li').count()).toBe(taras.payments.length);
    expect(plain(await page.getByTestId('payments').textContent())).toContain(uah('uk', '400.00'));

    await page.getByRole('button', { name: 'Вийти' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вхід');
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage).sort())).toEqual(['abonent.cabinet']);
  });

  it('connects and disconnects services, showing them as being applied', async () => {
    const page = await openPhone({ colorScheme: 'dark' });
    await signIn(page, 'BILL0000101');
    await page.getByRole('navigation').getByRole('link', { name: 'Послуги' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Послуги');
    await expectNoAxeViolations(page, 'services (dark)');

    const antivirus = page.getByTestId('service-86');
    await antivirus.getByRole('button', { name: /Підключити/ }).click();
    const dialog = page.getByRole('dialog');
    expect(plain(await dialog.textContent())).toContain(`Це коштує ${uah('uk', '39.00')}`);
    await expectNoAxeViolations(page, 'connect confirmation (dark)');
    await dialog.getByRole('button', { name: 'Так, підключити' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Готово' }).textContent()).toContain('Антивірус ESET');
    expect(await antivirus.textContent()).toContain('Застосовується…');
    expect(await antivirus.getByRole('button').count()).toBe(0);

    const staticIp = page.getByTestId('service-12');
    await staticIp.getByRole('button', { name: /Відключити/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Так, відключити' }).click();
    await expect.poll(() => staticIp.textContent()).toContain('Застосовується…');

    const router = page.getByTestId('service-87');
    expect(await router.textContent()).toContain('Вимкнути це може лише провайдер.');
    expect(await router.getByRole('button').count()).toBe(0);
  });

  it('takes a promised payment as the debtor, with the terms shown before and the result after', async () => {
    const page = await openPhone({ locale: 'en-GB' });
    await signIn(page, 'BILL0000102');
    await expect.poll(() => page.getByTestId('status').textContent()).toBe(`Internet may be turned off: top up ${uah('en-GB', '120.50')} to keep it on`);
    await page.getByRole('link', { name: 'Take a promised payment' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Promised payment');
    expect(plain(await page.getByTestId('offer-145').textContent())).toContain(`for 7 days, fee ${uah('en-GB', '5.00')}`);
    await expectNoAxeViolations(page, 'promised payment');

    await page.getByTestId('offer-144').getByRole('button').click();
    const dialog = page.getByRole('dialog');
    expect(plain(await dialog.textContent())).toContain(`${uah('en-GB', '100.00')} is added to your balance now and lasts until`);
    expect(await dialog.textContent()).toContain('There is no fee.');
    expect(plain(await dialog.textContent())).toContain(`After this: ${uah('en-GB', '-20.50')}, the Internet stays off.`);
    await dialog.getByRole('button', { name: 'Yes, take it' }).click();
    // Still below zero: a plain statement of what happened, not a green "Done".
    await expect.poll(async () => plain((await page.getByRole('status').filter({ hasText: 'which is now' }).textContent()) ?? '')).toContain(
      `${uah('en-GB', '100.00')} is on your balance, which is now ${uah('en-GB', '-20.50')}. That is not enough to turn the Internet on`,
    );
    expect(await page.locator('.notice.success').count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
    expect(plain(await page.getByTestId('balance').textContent())).toBe(uah('en-GB', '-20.50'));
    expect(await page.getByText(/Promised payment of .* until/).count()).toBe(1);
  });

  it('translates the billing’s refusal, with the next step, its own words under Details, and OK', async () => {
    const page = await openPhone({ locale: 'ru-RU' });
    await signIn(page, 'BILL0000103');
    await expect.poll(async () => plain(await page.getByTestId('status').textContent())).toMatch(/^Интернет отключён: пополните на .+ ₴, чтобы включить$/);
    await page.getByRole('link', { name: 'Взять обещанный платёж' }).click();
    expect(plain(await page.getByTestId('offer-144').textContent())).toContain('Интернет останется выключенным');
    await page.getByTestId('offer-144').getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Да, взять' }).click();
    const alert = dialog.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Ваш долг больше, чем может покрыть обещанный платёж.');
    // The billing's own words stay under Details, marked as its; the only way on is OK.
    await alert.getByText('Подробности').click();
    expect(await alert.textContent()).toContain('Биллинг провайдера ответил: Обещанный платеж недоступен: задолженность превышает');
    expect(await dialog.getByRole('button').allTextContents()).toEqual(['Понятно']);
    await expectNoAxeViolations(page, 'a translated refusal');
    await dialog.getByRole('button', { name: 'Понятно' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    // The billing would say the same to every offer: the offers give way to the reason.
    expect(await page.getByTestId('offer-144').count()).toBe(0);
    expect(await page.getByRole('alert').textContent()).toContain('Ваш долг больше');
  });

  const LIGHT_BACKGROUND = 'rgb(243, 244, 247)';
  const DARK_BACKGROUND = 'rgb(16, 18, 23)';
  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  it('switches language and theme, and keeps the choice', async () => {
    const page = await openPhone();
    await page.getByLabel('Мова').selectOption('ru');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вход');
    expect(await background(page)).toBe(LIGHT_BACKGROUND);
    await page.getByLabel('Оформление').selectOption('dark');
    await expect.poll(() => background(page)).toBe(DARK_BACKGROUND);
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вход');
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset.theme])).toEqual(['ru', 'dark']);
    expect(await background(page)).toBe(DARK_BACKGROUND);
    await expectNoAxeViolations(page, 'sign-in (dark, chosen)');
  });

  it('follows a dark phone until the subscriber chooses light', async () => {
    const page = await openPhone({ colorScheme: 'dark' });
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вхід');
    expect(await background(page)).toBe(DARK_BACKGROUND);
    await page.getByLabel('Вигляд').selectOption('light');
    await expect.poll(() => background(page)).toBe(LIGHT_BACKGROUND);
    await expectNoAxeViolations(page, 'sign-in (light, chosen on a dark phone)');
  });

  it('moves the keyboard focus in the visual order, always visibly', async () => {
    const page = await openPhone();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вхід');
    const stops: string[] = [];
    for (let stop = 0; stop < 10; stop += 1) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() => {
          const focused = document.activeElement as HTMLElement;
          const label = focused.id ? document.querySelector(`label[for="${focused.id}"]`)?.textContent : null;
          const name = label ?? focused.closest('label')?.textContent ?? focused.textContent ?? '';
          if (getComputedStyle(focused).outlineStyle === 'none') return `${name} (focus not visible)`;
          return name.trim();
        }),
      );
    }
    expect(stops).toEqual([
      'Abonent',
      'Логін',
      'Пароль',
      'Показати пароль',
      'Увійти',
      'Увійти автоматично',
      'Забули пароль?',
      'Демо-скринька',
      expect.stringMatching(/^Мова/),
      expect.stringMatching(/^Вигляд/),
    ]);
  });

  it('signs in automatically from the ISP’s network (this machine, in the demo)', async () => {
    const page = await openPhone();
    await page.getByRole('button', { name: 'Увійти автоматично' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ваш рахунок');
    expect(plain(await page.getByTestId('balance').textContent())).toBe(uah('uk', account('BILL0000101').balance));
  });

  it('returns to sign-in, saying why, when the session ends while the app is open', async () => {
    const page = await openPhone();
    await signIn(page, 'BILL0000101');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ваш рахунок');
    await page.context().clearCookies();
    await page.getByRole('navigation').getByRole('link', { name: 'Історія' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Вхід');
    expect(await page.getByRole('status').filter({ hasText: 'Сеанс завершився' }).count()).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('abonent.dashboard'))).toBeNull();
  });

  const languages = [
    { language: 'uk', locale: 'uk-UA', none: historyTexts.uk.noMonthPayments },
    { language: 'ru', locale: 'ru-RU', none: historyTexts.ru.noMonthPayments },
    { language: 'en', locale: 'en-US', none: historyTexts.en.noMonthPayments },
  ] as const;
  const melnyk = account('BILL0000104');
  for (const words of languages) {
    it(`reads the dashboard and the history in ${words.locale}, in the dark`, async () => {
      const page = await openPhone({ locale: words.locale, colorScheme: 'dark' });
      await signIn(page, 'BILL0000104');
      const t = i18nFor(words.language, [words.locale]);
      await expect.poll(() => page.getByTestId('status').textContent()).toBe(t.m.headlinePausedUntil({ date: t.date(melnyk.frozen!.to) }));
      expect(await page.getByTestId('days-left').count()).toBe(0);
      expect(await page.getByTestId('to-pay').count()).toBe(0);
      expect(await page.getByTestId('next-tariff').textContent()).toMatch(new RegExp(`: ${melnyk.nextTariff!.name}$`));
      await expectNoAxeViolations(page, `dashboard ${words.locale} (dark)`);
      await page.getByRole('navigation').getByRole('link', { name: t.m.navHistory }).click();
      await expect.poll(() => page.getByText(words.none).isVisible()).toBe(true);
      await expectNoAxeViolations(page, `history ${words.locale} (dark)`);
    });
  }

  it('resets a password with the code from the demo outbox, then signs in with the new one', async () => {
    const page = await openPhone({ locale: 'en-GB' });
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Login').fill('BILL0000104');
    await page.getByRole('button', { name: 'Send me a code' }).click();
    // The answer is the same whether the login exists or not: it never tells which logins are real.
    await expect.poll(() => page.getByText(i18nFor('en').m.codeSentIfExists).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'reset confirm');

    const message = cabinet().simulator.outbox().find((sent) => sent.login === 'BILL0000104');
    await page.getByLabel('Code from the message').fill(codeInMessage(message?.text ?? '') ?? '');
    await page.getByLabel('New password').fill('new-secret-104');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect.poll(() => page.getByText('Your password is changed.').isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Sign in as BILL0000104' }).click();
    await signIn(page, 'BILL0000104', 'new-secret-104');
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^Paused until /);
  });

  it('resets a password from the link on the demo outbox page', async () => {
    const page = await openPhone();
    await page.goto(`${cabinet().url}/reset`);
    await page.getByLabel('Логін').fill('BILL0000102');
    await page.getByRole('button', { name: 'Надіслати код' }).click();
    await expect.poll(() => page.getByText(i18nFor('uk').m.codeSentIfExists).isVisible()).toBe(true);

    await page.goto(`${cabinet().url}/outbox`);
    await expect.poll(() => page.getByTestId('outbox').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'demo outbox');
    await page.getByRole('link', { name: 'Відкрити посилання для скидання' }).click();
    await expect.poll(() => page.getByLabel('Код із повідомлення').inputValue()).toMatch(/^[A-Z0-9]{4,16}$/);
    await page.getByLabel('Новий пароль').fill('new-secret-102');
    await page.getByRole('button', { name: 'Встановити новий пароль' }).click();
    await expect.poll(() => page.getByText('Пароль змінено.').isVisible()).toBe(true);
    expect(new URL(page.url()).search).toBe('');

    // The reset was asked for in this browser, so the way back names its login.
    await page.getByRole('link', { name: 'Увійти як BILL0000102' }).click();
    await signIn(page, 'BILL0000102', 'new-secret-102');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ваш рахунок');
  });
});
