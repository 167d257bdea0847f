import { describe, expect, it } from 'vitest';
import { mapFeeCharges, mapPayments } from '../../../server/billing/ubilling/mapper.js';
import { parseFeeCharges, parsePayments } from '../../../server/billing/ubilling/replies.js';
import { monthlySpend } from '../../../server/domain/charges.js';
import { ymd } from '../../../shared/dates.js';
import { failure } from '../../support/expectations.js';

const NAME = 'ubilling xmlagent feecharges';
const SEPTEMBER = { from: '2026-09-01', to: '2026-09-30' };

/** XMLAgent's JSON for `feecharges`: the sub-section makes a list, numbers are strings, oldest first. */
const REPLY = JSON.stringify([
  { date: '2026-09-01 00:00:05', summ: '-150', balance: '296.5', note: '', type: 'mainsrv' },
  { date: '2026-09-01 00:10:00', summ: '-50', balance: '146.5', note: 'IPTV', type: 'virtualsrv' },
  { date: '2026-09-03 12:00:00', summ: '-5', balance: '96.5', note: 'SCFEE', type: 'other' },
  { date: '2026-09-10 09:00:00', summ: '-20', balance: '91.5', note: 'AFFEE_XMLAGENT', type: 'other' },
  { date: '2026-09-12 09:00:00', summ: '-12.5', balance: '71.5', note: 'Перерахунок за липень', type: 'other' },
  { date: '2026-09-15 00:10:00', summ: '-30', balance: '59', note: 'Service:7', type: 'virtualsrv' },
  { date: '2026-09-20 00:00:05', summ: '75', balance: '29', note: '', type: 'mainsrv' },
  { date: '2026-09-21 00:00:05', summ: '0', balance: '104', note: '', type: 'mainsrv' },
  { date: '2026-09-25 00:00:05', summ: '-4.838709677419355', balance: '104', note: '', type: 'mainsrv' },
  { date: '2026-10-01 00:00:00', summ: '-150', balance: '99.16', note: '', type: 'mainsrv' },
]);

/** The error code a parse or a map fails with. */
const codeOf = async (run: () => unknown) => (await failure(Promise.resolve().then(run))).code;

const charges = () => mapFeeCharges(parseFeeCharges(NAME, REPLY), SEPTEMBER, 'UAH');

describe('XMLAgent feecharges', () => {
  it('maps the tariff, services, the promised payment’s fee and the rest to their kinds, newest first', () => {
    const list = charges();
    expect(list.map(({ kind, name, amount, note }) => [kind, name, amount.amount, note])).toEqual([
      ['TARIFF', '', '4.84', null],
      ['TARIFF', '', '-75.00', null],
      ['SERVICE', '', '30.00', null],
      ['OTHER', 'Перерахунок за липень', '12.50', null],
      ['OTHER', '', '20.00', null],
      ['PROMISE_PAY', '', '5.00', null],
      ['SERVICE', 'IPTV', '50.00', null],
      ['TARIFF', '', '150.00', null],
    ]);
    expect(list.at(-1)!.date).toBe(new Date(2026, 8, 1, 0, 0, 5).toISOString());
  });

  it('gives a fee given back (a positive row) as a storno with a negative amount, and leaves out a row of 0', () => {
    const list = charges();
    expect(list.find((charge) => charge.date === new Date(2026, 8, 20, 0, 0, 5).toISOString())!.amount).toEqual({ amount: '-75.00', currency: 'UAH' });
    expect(list.some((charge) => charge.date === new Date(2026, 8, 21, 0, 0, 5).toISOString())).toBe(false);
  });

  it('drops what is dated on the day after the period, which the adapter asks for because userstats ends dateto at midnight', () => {
    expect(charges().some((charge) => charge.date.startsWith('2026-10') || charge.date === new Date(2026, 9, 1).toISOString())).toBe(false);
  });

  it('counts a storno against its month, and a month without charges costs 0', () => {
    const months = monthlySpend(charges(), ['2026-08', '2026-09'], 'UAH', (instant) => ymd(new Date(instant)).slice(0, 7));
    expect(months[0]).toEqual({ month: '2026-08', total: { amount: '0.00', currency: 'UAH' }, items: [] });
    // 150 + 4.84 − 75 for the tariff, 50 + 30 for services, 5 promised payment, 20 + 12.50 other.
    expect(months[1]!.total.amount).toBe('197.34');
    expect(months[1]!.items.find((item) => item.kind === 'TARIFF')!.amount.amount).toBe('79.84');
  });

  it('takes [] (no charges in the period) as an empty list', () => {
    expect(mapFeeCharges(parseFeeCharges(NAME, '[]'), SEPTEMBER, 'UAH')).toEqual([]);
  });

  it('refuses a bad amount, a bad date, a reply that is not a list and XMLAgent’s refusal with UPSTREAM_ERROR', async () => {
    const bad = (row: Record<string, unknown>) => JSON.stringify([{ date: '2026-09-01 00:00:05', summ: '-150', balance: '1', note: '', type: 'mainsrv', ...row }]);
    expect(await codeOf(() => parseFeeCharges(NAME, bad({ summ: 'сто' })))).toBe('UPSTREAM_ERROR');
    expect(await codeOf(() => parseFeeCharges(NAME, bad({ summ: null })))).toBe('UPSTREAM_ERROR');
    expect(await codeOf(() => mapFeeCharges(parseFeeCharges(NAME, bad({ date: '01.09.2026' })), { from: '01', to: '9' }, 'UAH'))).toBe('UPSTREAM_ERROR');
    expect(await codeOf(() => parseFeeCharges(NAME, '{"date":"2026-09-01 00:00:05","summ":"-150"}'))).toBe('UPSTREAM_ERROR');
    expect(await codeOf(() => parseFeeCharges(NAME, '{"reason":"disabled"}'))).toBe('UPSTREAM_ERROR');
    expect(await codeOf(() => parseFeeCharges(NAME, '<html>login</html>'))).toBe('UPSTREAM_ERROR');
  });

  it('keeps the same write-offs out of payments: XMLAgent payments lists them as negative rows with no note', () => {
    const payments = mapPayments(
      parsePayments(
        'ubilling xmlagent payments',
        JSON.stringify([
          { date: '2026-09-15 00:10:00', summ: '-30', balance: '59' },
          { date: '2026-09-03 12:00:00', summ: '-5', balance: '96.5' },
          { date: '2026-09-02 10:00:00', summ: '200', balance: '-103.5' },
        ]),
      ),
      'UAH',
    );
    expect(payments.map((payment) => payment.amount.amount)).toEqual(['200.00']);
  });
});
