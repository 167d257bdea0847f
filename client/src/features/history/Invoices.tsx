import type { SpendingHistoryQuery } from '../../gql/graphql.js';
import { numberFormat } from '../../i18n/format.js';
import type { I18n } from '../../i18n/index.js';
import type { HistoryTexts } from '../../i18n/messages.generated.js';

type Invoice = NonNullable<SpendingHistoryQuery['me']>['invoices'][number];

/** A quantity as the billing counts it ("1.000" months), in the subscriber's digits. */
function quantityText(locale: string, quantity: string): string {
  return numberFormat(locale, { maximumFractionDigits: 3 }).format(Number(quantity));
}

function InvoiceDetails({ invoice, t, texts }: { invoice: Invoice; t: I18n; texts: HistoryTexts }) {
  return (
    <details className="invoice">
      <summary>
        <span>
          {invoice.number ? texts.invoiceNumber({ number: invoice.number }) : texts.invoiceUnnumbered}
          <span className="sub">
            {t.date(invoice.date)}
            {invoice.periodEnd && ` · ${texts.invoicePeriodEnd({ date: t.date(invoice.periodEnd) })}`}
          </span>
        </span>
        <span className="figure">{t.money(invoice.total)}</span>
      </summary>
      {invoice.lines.length === 0 ? (
        <p>{texts.invoiceNoLines}</p>
      ) : (
        <ul className="rows">
          {invoice.lines.map((line, index) => (
            <li key={`${line.name}-${index}`}>
              <span>
                {line.name || texts.kinds.OTHER}
                {line.quantity !== null && <span className="sub">{texts.invoiceQuantity({ quantity: quantityText(t.locale, line.quantity) })}</span>}
              </span>
              <span className="figure">{t.money(line.amount)}</span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** The bills the billing issued this last year, each opening to its lines; shown only where the billing issues them. */
export function Invoices({ invoices, t, texts }: { invoices: readonly Invoice[]; t: I18n; texts: HistoryTexts }) {
  return (
    <section className="card" aria-labelledby="invoices-title" data-testid="invoices">
      <h2 id="invoices-title">{texts.invoicesTitle}</h2>
      {invoices.length === 0 && <p>{texts.noInvoices}</p>}
      {invoices.map((invoice, index) => (
        <InvoiceDetails key={`${invoice.date}-${invoice.number ?? index}`} invoice={invoice} t={t} texts={texts} />
      ))}
    </section>
  );
}
