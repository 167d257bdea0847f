import { useState } from 'react';
import { ymd } from '../../../../shared/dates.js';
import { call } from '../../app/api.js';
import { ReadProgress, useScreenRead } from '../../app/screen-read.js';
import { Link } from '../../app/router.js';
import { Notice, Screen } from '../../app/ui.js';
import type { SpendingHistoryQuery as SpendingHistoryResult } from '../../gql/graphql.js';
import { dateFormat } from '../../i18n/format.js';
import { useI18n, type I18n } from '../../i18n/index.js';
import { compileLanguages } from '../../i18n/messages.js';
import type { HistoryTexts } from '../../i18n/messages.generated.js';
import { SpendingHistoryQuery } from './documents.js';
import { PaymentRows } from '../payments/PaymentRows.js';
import { Invoices } from './Invoices.js';
import textsJson from './texts.json' with { type: 'json' };
import './history.css';

/** The history screen's words, loaded with the screen rather than with the first one. */
const historyTexts = compileLanguages<HistoryTexts>(textsJson);

type History = SpendingHistoryResult & { me: NonNullable<SpendingHistoryResult['me']> };
type MonthSpend = History['me']['monthlySpend'][number];

const MONTHS = 12;

/** The first day of the month eleven months back: the year the chart shows, this month included. */
function yearStart(now: Date): string {
  return ymd(new Date(now.getFullYear(), now.getMonth() - (MONTHS - 1), 1));
}

/** The subscriber's own calendar month (YYYY-MM) of an instant. */
function monthOf(instant: string): string {
  return ymd(new Date(instant)).slice(0, 7);
}

function monthName(locale: string, month: string, style: 'long' | 'short'): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const options: Intl.DateTimeFormatOptions = style === 'long' ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' };
  return dateFormat(locale, options).format(new Date(Date.UTC(year, number - 1, 1)));
}

const BAR_WIDTH = 20;
const BAR_STEP = 30;
const CHART_HEIGHT = 120;

/** Bars of the months' totals; a picture only (the table below holds the same numbers and the buttons). */
function Chart({ months, selected, locale, onSelect }: { months: MonthSpend[]; selected: string; locale: string; onSelect(month: string): void }) {
  const highest = Math.max(1, ...months.map((month) => Number(month.total.amount)));
  return (
    <svg className="spend-chart" aria-hidden="true" viewBox={`0 0 ${months.length * BAR_STEP} ${CHART_HEIGHT + 20}`}>
      {months.map((month, index) => {
        const height = Math.max(0, (Number(month.total.amount) / highest) * CHART_HEIGHT);
        const x = index * BAR_STEP + (BAR_STEP - BAR_WIDTH) / 2;
        return (
          <g key={month.month} className={month.month === selected ? 'selected' : undefined} onClick={() => onSelect(month.month)}>
            {/* The whole column takes the tap, not just the bar: a month that cost little is still easy to hit. */}
            <rect className="hit" x={index * BAR_STEP} y={0} width={BAR_STEP} height={CHART_HEIGHT + 20} />
            <rect className="bar" x={x} y={CHART_HEIGHT - height} width={BAR_WIDTH} height={height} rx={3} />
            <text x={x + BAR_WIDTH / 2} y={CHART_HEIGHT + 15} textAnchor="middle">
              {monthName(locale, month.month, 'short').slice(0, 3)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function MonthTable({ months, selected, t, texts, onSelect }: { months: MonthSpend[]; selected: string; t: I18n; texts: HistoryTexts; onSelect(month: string): void }) {
  return (
    <table className="card spend-table">
      <caption>{texts.tableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{texts.monthColumn}</th>
          <th scope="col">{texts.spentColumn}</th>
        </tr>
      </thead>
      <tbody>
        {[...months].reverse().map((month) => (
          <tr key={month.month}>
            <th scope="row">
              <button type="button" className="link-button" aria-pressed={month.month === selected} onClick={() => onSelect(month.month)}>
                {monthName(t.locale, month.month, 'long')}
              </button>
            </th>
            <td className="figure">{t.money(month.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function MonthDetails({ history, month, t, texts }: { history: History; month: MonthSpend | undefined; t: I18n; texts: HistoryTexts }) {
  const { capabilities } = history.cabinet;
  const selected = month?.month ?? monthOf(new Date().toISOString());
  const charges = history.me.charges.filter((charge) => monthOf(charge.date) === selected);
  const payments = history.me.payments.filter((payment) => monthOf(payment.date) === selected);
  return (
    <>
      {month && (
        <section className="card" aria-labelledby="month-title" data-testid="month">
          <h2 id="month-title">{texts.monthTitle({ month: monthName(t.locale, month.month, 'long') })}</h2>
          {month.items.length === 0 ? (
            <p>{texts.nothingCharged}</p>
          ) : (
            <ul className="rows">
              {month.items.map((item) => (
                <li key={`${item.kind}-${item.name}`}>
                  <span>{item.name || texts.kinds[item.kind]}</span>
                  <span className="figure">{t.money(item.amount)}</span>
                </li>
              ))}
              <li className="total">
                <span>{texts.spentColumn}</span>
                <span className="figure">{t.money(month.total)}</span>
              </li>
            </ul>
          )}
          {charges.length > 0 && (
            <>
              <h3>{texts.chargesTitle}</h3>
              <ul className="rows" data-testid="charges">
                {charges.map((charge, index) => (
                  <li key={`${charge.date}-${index}`}>
                    <span>
                      {charge.name || texts.kinds[charge.kind]}
                      <span className="sub">
                        {t.instantDate(charge.date)}
                        {charge.note && ` · ${charge.note}`}
                      </span>
                    </span>
                    <span className="figure">{t.money(charge.amount)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {capabilities.payments && (
        <section className="card" aria-labelledby="month-payments-title" data-testid="month-payments">
          <h2 id="month-payments-title">{texts.monthPaymentsTitle}</h2>
          {payments.length === 0 ? (
            <p>{texts.noMonthPayments}</p>
          ) : (
            <PaymentRows payments={payments} />
          )}
          <p>
            <Link to="/payments">{texts.allPayments}</Link>
          </p>
        </section>
      )}
    </>
  );
}

/** "Where the money went": the last twelve months' charges as a chart and a table, one month's items, charges and payments below. */
export function History() {
  const t = useI18n();
  const texts = historyTexts[t.language];
  const [selected, setSelected] = useState<string | null>(null);
  const { data: history, failure, reload } = useScreenRead(() => call(SpendingHistoryQuery, { from: yearStart(new Date()) }));

  const months = history?.me.monthlySpend ?? [];
  const month = months.find((entry) => entry.month === selected) ?? months.at(-1);
  return (
    <Screen title={texts.title}>
      {!history && <ReadProgress failure={failure} onRetry={reload} />}
      {history && !history.cabinet.capabilities.charges && <Notice tone="info">{texts.chargesUnavailable}</Notice>}
      {months.length > 0 && months.every((entry) => entry.items.length === 0) && <Notice tone="info">{texts.noChargesThisYear}</Notice>}
      {month && (
        <>
          <div className="card">
            <Chart months={months} selected={month.month} locale={t.locale} onSelect={setSelected} />
          </div>
          <MonthDetails history={history!} month={month} t={t} texts={texts} />
          <MonthTable months={months} selected={month.month} t={t} texts={texts} onSelect={setSelected} />
        </>
      )}
      {history && !month && <MonthDetails history={history} month={undefined} t={t} texts={texts} />}
      {history?.cabinet.capabilities.invoices && <Invoices invoices={history.me.invoices} t={t} texts={texts} />}
    </Screen>
  );
}
