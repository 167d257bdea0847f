import { call } from '../../app/api.js';
import { ReadProgress, useScreenRead } from '../../app/screen-read.js';
import { Screen } from '../../app/ui.js';
import { useI18n } from '../../i18n/index.js';
import { PaymentsQuery } from './documents.js';

export function Payments() {
  const t = useI18n();
  const { m } = t;
  const { data, failure, reload } = useScreenRead(() => call(PaymentsQuery));
  const payments = data?.me.payments;

  return (
    <Screen title={m.paymentsTitle}>
      {!payments && <ReadProgress failure={failure} onRetry={reload} />}
      {payments?.length === 0 && <p>{m.noPayments}</p>}
      {payments && payments.length > 0 && (
        <ul className="card rows" data-testid="payments">
          {payments.map((payment, index) => (
            <li key={`${payment.date}-${index}`}>
              <span>
                {t.instantDate(payment.date)}
                {payment.note && <span className="sub">{payment.note}</span>}
              </span>
              <span className="figure">{t.money(payment.amount)}</span>
            </li>
          ))}
        </ul>
      )}
    </Screen>
  );
}
