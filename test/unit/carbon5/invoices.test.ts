import { describe, expect, it } from 'vitest';
import { mapInvoiceLines, mapInvoices } from '../../../server/billing/carbon5/mapper.js';
import { invoiceLinesResult, invoicesResult } from '../../../server/billing/carbon5/responses.js';
import { parseUpstreamShape } from '../../../server/billing/upstream.js';
import { failure } from '../../support/expectations.js';

const invoices = (result: unknown) => mapInvoices(parseUpstreamShape('carbon5 FinanceOperations objects.filter', invoicesResult, result), 'UAH');
const lines = (result: unknown) => mapInvoiceLines(parseUpstreamShape('carbon5 FinanceOperationsDetail objects.filter', invoiceLinesResult, result), 'UAH');
const codeOf = async (run: () => unknown) => (await failure(Promise.resolve().then(run))).code;

describe('Carbon 5 invoices (FinanceOperations op_type 5)', () => {
  it('maps number, dates and total, newest first, reading a negative op_summa as its magnitude and a number as text', () => {
    expect(
      invoices([
        { pk: 13707415, model: 'FinanceOperations', fields: { op_summa: '330.00', op_date: '2026-10-01 03:00:00', number: 'INV-10', period_end_date: '2026-10-31' } },
        { pk: '13707416', model: 'FinanceOperations', fields: { op_summa: -280.5, op_date: '2026-11-01 03:00:00.000000', number: 11, period_end_date: null } },
      ]),
    ).toEqual([
      { id: '13707416', number: '11', date: '2026-11-01', periodEnd: null, total: { amount: '280.50', currency: 'UAH' } },
      { id: '13707415', number: 'INV-10', date: '2026-10-01', periodEnd: '2026-10-31', total: { amount: '330.00', currency: 'UAH' } },
    ]);
  });

  it('gives no number when Carbon has none, and an empty list for none issued', () => {
    expect(invoices([{ pk: 1, fields: { op_summa: '0', op_date: '2026-11-01', number: '' } }])[0]).toMatchObject({ number: null, total: { amount: '0.00' }, periodEnd: null });
    expect(invoices([])).toEqual([]);
  });

  it('refuses a bad total, a date that is not one and an answer that is not a list with UPSTREAM_ERROR', async () => {
    expect(await codeOf(() => invoices([{ pk: 1, fields: { op_summa: 'n/a', op_date: '2026-11-01' } }]))).toBe('UPSTREAM_ERROR');
    expect(await codeOf(() => invoices([{ pk: 1, fields: { op_summa: '10', op_date: '31/11/2026' } }]))).toBe('UPSTREAM_ERROR');
    expect(await codeOf(() => invoices([{ pk: 1, fields: { op_summa: '10' } }]))).toBe('UPSTREAM_ERROR');
    expect(await codeOf(() => invoices({ error: 'nope' }))).toBe('UPSTREAM_ERROR');
  });
});

describe('Carbon 5 invoice lines (FinanceOperationsDetail)', () => {
  it('maps name, sum and quantity, a line without a name taking its service’s, a storno line negative', () => {
    expect(
      lines([
        { pk: 1, fields: { usluga: null, unit: 'мес.', vv: '1.000', price: '250.00', name: 'Домашній 100' } },
        { pk: 2, fields: { usluga: { pk: 7, model: 'Usluga', fields: { name: 'Оренда роутера' } }, unit: 'мес.', vv: 1, price: 30, name: '' } },
        { pk: 3, fields: { usluga: 8, unit: null, vv: null, price: '-50.00', name: 'Перерахунок' } },
        { pk: 4, fields: { price: '5', vv: 'one' } },
      ]),
    ).toEqual([
      { name: 'Домашній 100', amount: { amount: '250.00', currency: 'UAH' }, quantity: '1.000' },
      { name: 'Оренда роутера', amount: { amount: '30.00', currency: 'UAH' }, quantity: '1' },
      { name: 'Перерахунок', amount: { amount: '-50.00', currency: 'UAH' }, quantity: null },
      { name: '', amount: { amount: '5.00', currency: 'UAH' }, quantity: null },
    ]);
  });

  it('refuses a line with a bad sum', async () => {
    expect(await codeOf(() => lines([{ pk: 1, fields: { price: '1,2,3', name: 'x' } }]))).toBe('UPSTREAM_ERROR');
    expect(await codeOf(() => lines([{ pk: 1, fields: { name: 'x' } }]))).toBe('UPSTREAM_ERROR');
  });
});
