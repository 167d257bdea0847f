import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../client/src/i18n/format.js';
import { expectNoAxeViolations, plain, signIn, useCabinetInChromium } from './browser.js';

const FISCAL_PASSWORD = 'e2e-fiscal-psw';

/** A debtor of the demo tops up from the dashboard, pays on the simulated acquirer and comes back to the new balance. */
describe('topping up from the app', () => {
  const { openPhone } = useCabinetInChromium({ env: { CARBON_FISCAL_PASSWORD: FISCAL_PASSWORD }, carbon: { fiscalPassword: FISCAL_PASSWORD } });

  it('pays what is owed by card and sees the balance grow once the billing is credited', async () => {
    const page = await openPhone();
    await signIn(page, 'BILL0000102');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ваш рахунок');
    await page.getByRole('main').getByRole('link', { name: 'Поповнити' }).click();

    await expect.poll(() => page.locator('h1').textContent()).toBe('Поповнення');
    expect(await page.getByLabel('Сума').inputValue()).toBe('120.50');
    await expect.poll(() => page.getByTestId('method-liqpay').isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'top-up');

    await page.getByTestId('method-liqpay').getByRole('button').click();
    await page.waitForURL(/\/api\/3\/checkout/);
    await page.getByRole('button', { name: 'Pay' }).click();

    await page.waitForURL(/\/top-up\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('top-up-state').textContent(), { timeout: 15_000 }).toContain('Оплату отримано');
    expect(plain(await page.getByTestId('top-up-state').textContent())).toContain(`Тепер ваш баланс ${plain(formatMoney('uk', { amount: '0.00', currency: 'UAH' }))}`);
    await expectNoAxeViolations(page, 'top-up return');

    await page.getByRole('link', { name: 'До вашого рахунку' }).click();
    await expect.poll(async () => plain(await page.getByTestId('balance').textContent())).toBe(plain(formatMoney('uk', { amount: '0.00', currency: 'UAH' })));
  }, 90_000);
});
