import { describe, expect, it } from 'vitest';
import { parseTariffsToSwitch, parseTariffVservices } from '../../../server/billing/ubilling/replies.js';
import { mapTariffOptions } from '../../../server/billing/ubilling/tariff-change.js';
import { failure } from '../../support/expectations.js';

/** XMLAgent's JSON for `activetariffsvservices`: every tariff that is not archived, then the virtual services. */
const PRICE_LIST = parseTariffVservices(
  'ubilling xmlagent activetariffsvservices',
  JSON.stringify([
    { tariffname: 'Unlim-100', tariffprice: '150', tariffdaysperiod: 'month' },
    { tariffname: 'Unlim-50', tariffprice: '100', tariffdaysperiod: 'month' },
    { tariffname: 'Unlim-300', tariffprice: '250', tariffdaysperiod: 'month' },
    { tariffname: 'Same-150', tariffprice: '150.00', tariffdaysperiod: 'month' },
    { tariffname: 'Daily-10', tariffprice: '10', tariffdaysperiod: 'day' },
    { vsrvname: 'IPTV', vsrvprice: '50', vsrvdaysperiod: '30' },
  ]),
);
const RULES = { fees: { up: '20', down: '25', same: '5' }, rightNow: false };

describe('Ubilling tariff changer choices', () => {
  it('reads tarifftoswitchallowed as names, trimmed, and refuses another shape', async () => {
    expect(parseTariffsToSwitch('t', '[{"tariff":"Unlim-50"},{"tariff":" Unlim-300 "},{"tariff":""}]')).toEqual(['Unlim-50', 'Unlim-300']);
    expect(parseTariffsToSwitch('t', '[]')).toEqual([]);
    expect((await failure(Promise.resolve().then(() => parseTariffsToSwitch('t', '{"tariff":"Unlim-50"}')))).code).toBe('UPSTREAM_ERROR');
  });

  it('charges the changer’s fee by comparing the fees, leaves out the current and unpriced tariffs, and starts when the rules say', () => {
    const options = mapTariffOptions({
      allowed: ['Unlim-100', 'Unlim-50', 'Unlim-300', 'Same-150', 'Daily-10', 'Archived', 'Unlim-50'],
      priceList: PRICE_LIST,
      currentTariff: 'Unlim-100',
      rules: RULES,
      from: '2026-12-01',
      currency: 'UAH',
    });
    const money = (amount: string) => ({ amount, currency: 'UAH' });
    expect(options.map((option) => [option.id, option.fee, option.period, option.changeFee])).toEqual([
      ['Unlim-50', money('100.00'), 'MONTH', money('25.00')],
      ['Unlim-300', money('250.00'), 'MONTH', money('20.00')],
      ['Same-150', money('150.00'), 'MONTH', money('5.00')],
      ['Daily-10', money('10.00'), 'DAY', money('25.00')],
    ]);
    expect(options.every((option) => option.from === '2026-12-01' && option.speedIn === null)).toBe(true);
  });

  it('counts an unknown current fee as zero, as PHP does', () => {
    const [option] = mapTariffOptions({ allowed: ['Unlim-50'], priceList: PRICE_LIST, currentTariff: 'Gone', rules: RULES, from: '2026-12-01', currency: 'UAH' });
    expect(option?.changeFee).toEqual({ amount: '20.00', currency: 'UAH' });
  });
});
